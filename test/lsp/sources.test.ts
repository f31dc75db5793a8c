import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { WorkspaceSession } from '../../server/src/lsp/workspaceSession.js';
import { startFixture } from './lspHarness.js';

/** A workspace folder and, beside it, the strategy folder its `.rationale.json` names as a source. */
const strategy = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-strategy-')));
const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-session-')));
after(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(strategy, { recursive: true, force: true });
});

function write(dir: string, files: Record<string, string>): void {
  for (const [p, t] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), t);
  }
}

write(strategy, {
  'docs/goals/0003-grow.md': '---\nstatus: active\n---\n# Grow revenue\n\nWe grow.\n',
  // Broken on purpose: nothing inside a source is reported.
  'docs/goals/0004-bad.md': '---\nstatus: nonsense\n---\n# Bad\n',
});
write(root, {
  '.rationale.json': JSON.stringify({ sources: [{ name: 'strategy', path: `../${path.basename(strategy)}` }, { name: 'gone', path: '../no-such-folder-here' }] }),
  'docs/prd/0001-checkout.md': '---\nstatus: active\ngoals: [strategy:GOAL-3]\n---\n# Checkout\n',
  'src/a.ts': '// @goal strategy:GOAL-3\nexport const a = 1;\n',
});

describe('sources in the language server', () => {
  it('hover over strategy:GOAL-3 shows the goal, and definition leads to its file in the source', async () => {
    const session = new WorkspaceSession(URI.file(root).toString());
    await session.reindex();
    const hover = session.features.hover('src/a.ts', { line: 0, character: 12 });
    assert.match(hover?.markdown ?? '', /Grow revenue/);
    const target = session.features.definition('src/a.ts', { line: 0, character: 12 });
    assert.equal(target?.path, 'strategy:docs/goals/0003-grow.md');
    assert.equal(session.uriOf(target!.path), URI.file(path.join(strategy, 'docs/goals/0003-grow.md')).toString());
  });

  it('reports nothing inside a source, and a missing source once', async () => {
    const session = new WorkspaceSession(URI.file(root).toString());
    await session.reindex();
    const findings = session.workspaceFindings().map((f) => `${f.path} ${f.code}`);
    assert.deepEqual(findings, ['.rationale.json invalid-config']);
  });

  it('an edit of .rationale.json reads the sources it names now', async () => {
    const session = new WorkspaceSession(URI.file(root).toString());
    await session.reindex();
    session.setOpenText('.rationale.json', '{}');
    assert.doesNotMatch(session.features.hover('src/a.ts', { line: 0, character: 12 })?.markdown ?? '', /Grow revenue/);
    assert.deepEqual(session.workspaceFindings().map((f) => `${f.path} ${f.code}`), ['docs/prd/0001-checkout.md unknown-id', 'src/a.ts unknown-id']);
    session.closeDocument('.rationale.json');
    assert.match(session.features.hover('src/a.ts', { line: 0, character: 12 })?.markdown ?? '', /Grow revenue/);
    assert.deepEqual(session.workspaceFindings().map((f) => `${f.path} ${f.code}`), ['.rationale.json invalid-config']);
  });

  it('the lazily built index has the sources too', () => {
    const session = new WorkspaceSession(URI.file(root).toString());
    assert.equal(session.index.sources?.documents.get('strategy:docs/goals/0003-grow.md')?.title, 'Grow revenue');
  });
});

describe('sources outside the workspace are watched', () => {
  it('the server watches each source folder, and a change there is read at once', async () => {
    const fx = await startFixture(
      {
        'strategy/docs/goals/0003-grow.md': '---\nstatus: active\n---\n# Grow revenue\n',
        'app/.rationale.json': JSON.stringify({ sources: [{ name: 'strategy', path: '../strategy' }] }),
        'app/src/a.ts': '// @goal strategy:GOAL-3\nexport const a = 1;\n',
      },
      { folders: ['app'], capabilities: { workspace: { diagnostics: { refreshSupport: true }, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } } },
    );
    try {
      const diagnostics = async () => ((await fx.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: fx.uri('app/src/a.ts') } })) as { items: { code: string }[] }).items.map((d) => d.code);
      assert.deepEqual(await diagnostics(), []);
      const watched = () => JSON.stringify(fx.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').map((r) => r.registerOptions));
      const strategyUri = URI.file(fs.realpathSync(path.join(fx.root, 'strategy'))).toString();
      // Registered after the first index; wait for it as the client would see it arrive.
      for (let i = 0; i < 100 && !watched().includes(strategyUri); i++) await new Promise((r) => setImmediate(r));
      assert.ok(watched().includes(strategyUri), watched());
      const goal = path.join(fx.root, 'strategy/docs/goals/0003-grow.md');
      fs.renameSync(goal, path.join(fx.root, 'strategy/docs/goals/0004-grow.md'));
      const refreshed = fx.nextIndexed();
      await fx.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(goal).toString(), type: 3 }, { uri: URI.file(path.join(fx.root, 'strategy/docs/goals/0004-grow.md')).toString(), type: 1 }] });
      assert.deepEqual(await diagnostics(), ['unknown-id']);
      await refreshed;
    } finally {
      fx.dispose();
    }
  });
});
