import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { after, describe, it } from 'node:test';
import type { Diagnostic, Hover, SymbolInformation } from 'vscode-languageserver/node';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace.js';
import { reindexRequest, treeRequest, type IndexedParams, type TreeResult } from '../../server/src/protocol.js';
import { startFixture, type LspFixture } from './lspHarness.js';

const files = {
  'docs/adr/0001-queues.md': '---\nstatus: accepted\nrules:\n  - forbid-import: moment\n---\n# Use queues\n',
  'src/jobs.ts': '// @decision ADR-0001\nimport m from "moment";\n',
};

const fixtures: LspFixture[] = [];
after(() => fixtures.forEach((f) => f.dispose()));

async function start(...args: Parameters<typeof startFixture>): Promise<LspFixture> {
  const fx = await startFixture(...args);
  fixtures.push(fx);
  return fx;
}

function hoverAt(fx: LspFixture, path: string, line: number, character: number): Promise<Hover | null> {
  return fx.client.sendRequest('textDocument/hover', { textDocument: { uri: fx.uri(path) }, position: { line, character } }) as Promise<Hover | null>;
}

const errors = (fx: LspFixture) => fx.logs.filter((l) => l.type === 1).map((l) => l.message);

describe('the server recovers from a failed reindex', () => {
  it('fails that reindex only: later requests and the next reindex succeed', async () => {
    let failNextListing = false;
    const fx = await start(files, {
      server: {
        // The disk as the server sees it, except that one listing fails when the test says so.
        disk: (root) => {
          const disk = new NodeWorkspace(root);
          return Object.assign(disk, {
            listFiles: () => {
              if (failNextListing) {
                failNextListing = false;
                throw new Error('injected listing failure');
              }
              return NodeWorkspace.prototype.listFiles.call(disk);
            },
          });
        },
      },
    });
    failNextListing = true;
    await assert.rejects(fx.client.sendRequest(reindexRequest.method), /injected listing failure/);
    const hover = await hoverAt(fx, 'src/jobs.ts', 0, 15);
    assert.match((hover?.contents as { value: string }).value, /\*\*ADR-0001\*\*/);
    const tree = (await fx.client.sendRequest(treeRequest.method)) as TreeResult;
    assert.deepEqual(tree.unlinked.map((n) => n.document.id), ['ADR-0001']);
    const again = (await fx.client.sendRequest(reindexRequest.method)) as IndexedParams;
    assert.equal(again.counts.decision, 1);
    assert.ok(errors(fx).some((m) => /reindex failed: .*injected listing failure/.test(m)), 'the failure is logged');
  });
});

describe('documents larger than rationale.maxFileSizeBytes open in the editor', () => {
  it('are not indexed, get a diagnostic saying so, and do not hold up other requests', async () => {
    const fx = await start(files, { initializationOptions: { maxFileSizeBytes: 2000 } });
    const big = `---\nstatus: accepted\n---\n# Huge decision\n\n${'Lorem ipsum dolor sit amet. '.repeat(200)}\n`;
    await fx.open('docs/adr/0002-huge.md', big);
    const report = (await fx.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: fx.uri('docs/adr/0002-huge.md') } })) as { items: Diagnostic[] };
    assert.equal(report.items.length, 1, JSON.stringify(report.items));
    assert.match(String(report.items[0].message), /too large.*rationale\.maxFileSizeBytes.*2000 bytes.*not indexed/);
    const symbols = (await fx.client.sendRequest('workspace/symbol', { query: 'huge' })) as SymbolInformation[];
    assert.deepEqual(symbols, [], 'the index does not contain it');
    const tree = (await fx.client.sendRequest(treeRequest.method)) as TreeResult;
    assert.equal(tree.counts.decision, 1);
    assert.match(((await hoverAt(fx, 'src/jobs.ts', 0, 15))?.contents as { value: string }).value, /\*\*ADR-0001\*\*/, 'other requests answer');
  });

  it('are indexed once they shrink under the limit, and forgotten on close', async () => {
    const fx = await start(files, { initializationOptions: { maxFileSizeBytes: 2000 } });
    await fx.open('docs/adr/0002-huge.md', `# Huge\n\n${'x'.repeat(3000)}\n`);
    const indexed = fx.nextIndexed();
    await fx.change('docs/adr/0002-huge.md', '# Small now\n');
    assert.equal((await indexed).counts.decision, 2);
    const closed = fx.nextIndexed();
    await fx.close('docs/adr/0002-huge.md');
    assert.equal((await closed).counts.decision, 1, 'closed and not on disk: gone');
  });
});

describe('a client without workspace-folder support', () => {
  it('initialises without errors and is served from rootPath', async () => {
    const fx = await start(files, { announce: 'rootPath', capabilities: { window: { workDoneProgress: true } } });
    assert.match(((await hoverAt(fx, 'src/jobs.ts', 0, 15))?.contents as { value: string }).value, /\*\*ADR-0001\*\*/);
    assert.deepEqual(errors(fx), []);
  });
});

describe('a client with workspace-folder support', () => {
  it('gets a folder added later indexed', async () => {
    const fx = await start(files);
    const second = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-lsp-second-'));
    after(() => fs.rmSync(second, { recursive: true, force: true }));
    fs.mkdirSync(path.join(second, 'docs/adr'), { recursive: true });
    fs.writeFileSync(path.join(second, 'docs/adr/0001-streams.md'), '# Use streams\n');
    const indexed = fx.nextIndexed();
    await fx.client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: URI.file(second).toString(), name: 'second' }], removed: [] } });
    assert.equal((await indexed).counts.decision, 2);
    const symbols = (await fx.client.sendRequest('workspace/symbol', { query: 'streams' })) as SymbolInformation[];
    assert.deepEqual(symbols.map((x) => x.location.uri), [URI.file(path.join(second, 'docs/adr/0001-streams.md')).toString()]);
    assert.deepEqual(errors(fx), []);
  });
});
