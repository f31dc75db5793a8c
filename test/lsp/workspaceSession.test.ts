import '../helpers/paranoidIndex.js';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { WorkspaceSession } from '../../server/src/lsp/workspaceSession.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-session-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const files: Record<string, string> = {
  'docs/adr/0001-no-moment.md': '---\nstatus: accepted\nrules:\n  - forbid-import: moment\n---\n# No moment\n',
  'docs/adr/0002-old.md': '---\nstatus: superseded\nsuperseded-by: ADR-0001\n---\n# Old\n',
  'src/a.ts': "import m from 'moment';\n",
  'src/b.ts': '// @adr 2\nexport {};\n',
  'src/c.ts': 'export const c = 1;\n',
};
for (const [p, t] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
  fs.writeFileSync(path.join(root, p), t);
}

/** A session after a sequence of editor changes must report what a fresh session with the same editor state reports. */
async function check(edits: [string, string | null][]): Promise<void> {
  const live = new WorkspaceSession(URI.file(root).toString());
  await live.reindex();
  live.workspaceFindings();
  const open = new Map<string, string>();
  for (const [p, text] of edits) {
    if (text === null) {
      live.closeDocument(p);
      open.delete(p);
    } else {
      live.setOpenText(p, text);
      open.set(p, text);
    }
    live.workspaceFindings();
  }
  const fresh = new WorkspaceSession(URI.file(root).toString());
  await fresh.reindex();
  for (const [p, t] of open) fresh.setOpenText(p, t);
  const key = (xs: readonly { path: string; code: string; range: unknown }[]) => xs.map((f) => `${f.path} ${f.code} ${JSON.stringify(f.range)}`).sort();
  assert.deepEqual(key(live.workspaceFindings()), key(fresh.workspaceFindings()));
}

describe('workspace diagnostics in the server', () => {
  it('recheck only edited code files and still equal a fresh check', async () => {
    await check([
      ['src/c.ts', "import m from 'moment';\n"],
      ['src/a.ts', 'export {};\n'],
      ['src/b.ts', '// @adr 1\n'],
      ['src/c.ts', null],
      ['src/new.ts', '// @adr 9\n'],
    ]);
  });

  it('recompute everything when a decision changes', async () => {
    await check([
      ['src/c.ts', "import m from 'moment';\n"],
      ['docs/adr/0001-no-moment.md', '---\nstatus: proposed\nrules:\n  - forbid-import: moment\n---\n# No moment\n'],
      ['src/b.ts', '// @adr 2\n// @adr 1\n'],
    ]);
  });
});

describe('the persistent cache in the server', () => {
  it('serves unchanged files from the cache, and open documents and changed files as they are', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-session-cache-'));
    after(() => fs.rmSync(folder, { recursive: true, force: true }));
    // Files written just now are never cached (their times could still change unseen): date them
    // back, to fixed days rather than "a minute ago", so nothing depends on the clock.
    const age = (when: string) => {
      for (const p of Object.keys(files)) fs.utimesSync(path.join(root, p), new Date(when), new Date(when));
    };
    age('2024-01-01T09:00:00Z');
    const cache = { folder, toolVersion: 'test' };
    const problems: string[] = [];
    const first = new WorkspaceSession(URI.file(root).toString(), { cache, onCacheProblem: (m) => problems.push(m) });
    await first.reindex();
    await first.cacheWritten();
    assert.equal(first.cacheProblem, undefined);
    assert.deepEqual(problems, []);
    assert.equal(fs.readdirSync(folder).filter((f) => f.endsWith('.jsonl')).length, 1);

    fs.writeFileSync(path.join(root, 'src/c.ts'), "import m from 'moment';\n// changed on disk\n");
    age('2024-01-02T09:00:00Z');
    const key = (xs: readonly { path: string; code: string; range: unknown }[]) => xs.map((f) => `${f.path} ${f.code} ${JSON.stringify(f.range)}`).sort();
    const cached = new WorkspaceSession(URI.file(root).toString(), { cache });
    const plain = new WorkspaceSession(URI.file(root).toString());
    for (const s of [cached, plain]) {
      s.setOpenText('src/a.ts', 'export {};\n');
      await s.reindex();
    }
    const findings = key(cached.workspaceFindings());
    assert.deepEqual(findings, key(plain.workspaceFindings()));
    assert.ok(findings.some((f) => f.startsWith('src/c.ts forbid-import')));
    assert.ok(!findings.some((f) => f.startsWith('src/a.ts')));
    fs.writeFileSync(path.join(root, 'src/c.ts'), files['src/c.ts']);
  });
});

describe('open documents over the size limit', () => {
  it('are neither indexed nor kept, say why, and give way to the disk again on close', async () => {
    const session = new WorkspaceSession(URI.file(root).toString(), { maxFileSizeBytes: 500 });
    await session.reindex();
    const path = 'docs/adr/0002-old.md';
    assert.ok(session.index.documents.has(path));
    // 300 UTF-16 units but 600 UTF-8 bytes: the limit is in bytes, as on disk.
    const big = `# Big\n\n${'é'.repeat(300)}\n`;
    assert.equal(session.setOpenText(path, big), true, 'a document left the index');
    assert.equal(session.index.documents.has(path), false);
    assert.equal(session.textOf(path), undefined, 'its text is not kept');
    assert.equal(session.oversizedOpenDocument(path), Buffer.byteLength(big));
    assert.deepEqual(session.fileFindings(path).findings.map((f) => [f.code, f.severity]), [['unreadable-file', 'warning']]);
    assert.ok(!session.workspaceFindings().some((f) => f.path === path));

    assert.equal(session.closeDocument(path), true);
    assert.equal(session.oversizedOpenDocument(path), undefined);
    assert.equal(session.textOf(path), files[path]);
    assert.equal(session.index.documents.get(path)?.title, 'Old');
  });
});
