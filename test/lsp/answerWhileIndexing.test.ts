import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver/node';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace.js';
import { startFixture } from './lspHarness.js';
import type { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { Indexing } from '../../server/src/lsp/indexing.js';
import { Sessions } from '../../server/src/lsp/sessions.js';

/** A workspace large enough that scanning its code takes many steps, with one decision. */
function largeWorkspace(codeFiles: number): Record<string, string> {
  const files: Record<string, string> = {
    'docs/adr/0001-queues.md': '---\nstatus: accepted\n---\n# Use queues between services\n\n## Decision\n\nQueues.\n',
    'src/a.ts': '// @decision ADR-0001\nexport const a = 1;\n',
  };
  for (let i = 0; i < codeFiles; i++) files[`src/gen/f${i}.ts`] = `export const f${i} = ${i};\n`;
  return files;
}

/** The disk as the server reads it, counting the reads of generated code files. */
function countingDisk(count: { reads: number }) {
  return (root: string) => {
    const disk = new NodeWorkspace(root);
    return Object.assign(disk, {
      readText(p: string) {
        if (p.startsWith('src/gen/')) count.reads++;
        return NodeWorkspace.prototype.readText.call(disk, p);
      },
    });
  };
}

describe('start-up answers requests while the code is being scanned', () => {
  it('a hover sent during indexing is answered from the documents, marked partial, before the scan ends', async () => {
    const count = { reads: 0 };
    const fx = await startFixture(largeWorkspace(3000), { whileIndexing: true, server: { disk: countingDisk(count) } });
    try {
      const indexed = fx.nextIndexed();
      const ask = async () => (await fx.client.sendRequest('textDocument/hover', { textDocument: { uri: fx.uri('src/a.ts') }, position: { line: 0, character: 16 } })) as Hover;
      // Before the documents are read, a hover is answered at once, saying so; then from the documents.
      let hover = await ask();
      while (/reading the goals, projects and decisions/.test(JSON.stringify(hover.contents))) {
        await new Promise((r) => setImmediate(r));
        hover = await ask();
      }
      const readsWhenAnswered = count.reads;
      assert.match(JSON.stringify(hover.contents), /Use queues between services/);
      assert.ok(readsWhenAnswered < 3000, `answered after ${readsWhenAnswered} of 3000 code files were read`);
      assert.match(JSON.stringify(hover.contents), /still indexing/);
      await indexed;
      const after = (await fx.client.sendRequest('textDocument/hover', { textDocument: { uri: fx.uri('src/a.ts') }, position: { line: 0, character: 16 } })) as Hover;
      assert.doesNotMatch(JSON.stringify(after.contents), /still indexing/);
    } finally {
      fx.dispose();
    }
  });

  it('a hover sent before any document is read is answered at once, saying that it is partial', async () => {
    let released = false;
    // A listing that takes as long as the test wants: the walk of a huge tree, held open.
    const slowDisk = (root: string) => {
      const disk = new NodeWorkspace(root);
      return Object.assign(disk, {
        *listFilesSteps() {
          while (!released) yield;
          return yield* NodeWorkspace.prototype.listFilesSteps.call(disk);
        },
      });
    };
    const fx = await startFixture(largeWorkspace(10), { whileIndexing: true, server: { disk: slowDisk } });
    try {
      const indexed = fx.nextIndexed();
      const ask = async () => JSON.stringify(((await fx.client.sendRequest('textDocument/hover', { textDocument: { uri: fx.uri('src/a.ts') }, position: { line: 0, character: 16 } })) as Hover).contents);
      assert.match(await ask(), /reading the goals, projects and decisions of this workspace/);
      released = true;
      await indexed;
      assert.match(await ask(), /Use queues between services/);
    } finally {
      fx.dispose();
    }
  });

  it('an edit made while indexing, after the file was scanned, is not lost: the new snapshot has it', async () => {
    const count = { reads: 0 };
    const fx = await startFixture(largeWorkspace(3000), { whileIndexing: true, server: { disk: countingDisk(count) } });
    try {
      const indexed = fx.nextIndexed();
      // src/a.ts sorts before src/gen/: once generated files are being read, it has been scanned.
      while (count.reads < 500) await new Promise((r) => setImmediate(r));
      assert.ok(count.reads < 3000, 'the edit arrives while the scan is still running');
      await fx.open('src/a.ts', '// @decision ADR-0001\nexport const a = 1;\n');
      await fx.change('src/a.ts', '// @decision ADR-0404\nexport const a = 1;\n');
      await indexed;
      const report = (await fx.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: fx.uri('src/a.ts') } })) as { items: Diagnostic[] };
      assert.deepEqual(report.items.map((d) => d.code), ['unknown-id']);
      const workspace = (await fx.client.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items: Diagnostic[] }[] };
      assert.deepEqual(workspace.items.filter((r) => r.uri === fx.uri('src/a.ts')).flatMap((r) => r.items.map((d) => d.code)), ['unknown-id']);
    } finally {
      fx.dispose();
    }
  });
});

describe('counting what is indexed never indexes', () => {
  it('a folder not indexed yet counts as empty, and nothing is read to say so', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-unindexed-'));
    fs.mkdirSync(path.join(root, 'docs/adr'), { recursive: true });
    fs.writeFileSync(path.join(root, 'docs/adr/0001-a.md'), '---\nstatus: accepted\n---\n# A\n');
    const count = { reads: 0 };
    const sessions = new Sessions();
    sessions.add(URI.file(root).toString(), { disk: countingDisk(count) });
    const unused = {} as Connection;
    const indexing = new Indexing({ connection: unused, sessions, supportsDiagnosticRefresh: () => false });
    assert.deepEqual(indexing.indexedParams(0).counts, { goal: 0, project: 0, decision: 0 });
    assert.equal(sessions.all()[0].isIndexed, false, 'the announcement did not build the index');
    fs.rmSync(root, { recursive: true, force: true });
  });
});
