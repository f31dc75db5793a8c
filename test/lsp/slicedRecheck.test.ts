import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { startFixture } from './lspHarness.js';

const decision = (pattern: string) => `---\nstatus: accepted\nrules:\n  - forbid-pattern: '${pattern}'\n    files: ["src/**"]\n---\n# No ${pattern}\n\n## Decision\n\nNot that.\n`;

/** Many code files, every tenth with `legacyCall(`, every seventh with `oldCall(`. */
function workspace(codeFiles: number): Record<string, string> {
  const files: Record<string, string> = {
    'docs/adr/0001-no-legacy.md': decision('legacyCall\\('),
    'src/a.ts': '// @decision ADR-0001\nexport const a = 1;\n',
  };
  for (let i = 0; i < codeFiles; i++) files[`src/gen/f${i}.ts`] = `export const f${i} = ${i % 10 === 0 ? 'legacyCall(1)' : i % 7 === 0 ? 'oldCall(1)' : String(i)};\n`;
  return files;
}

type WorkspaceReport = { items: { uri: string; items: Diagnostic[] }[] };
const flagged = (r: WorkspaceReport, code: string) => r.items.filter((f) => f.items.some((d) => d.code === code)).length;

describe('a decision edit is rechecked in slices, in the background', () => {
  it('requests are answered while the recheck runs; the workspace pull waits for it and has the new rule', async () => {
    const fx = await startFixture(workspace(3000));
    try {
      const before = (await fx.client.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as WorkspaceReport;
      assert.equal(flagged(before, 'forbid-pattern'), 300);
      const adr = 'docs/adr/0001-no-legacy.md';
      await fx.open(adr);
      await fx.change(adr, decision('oldCall\\('));
      const order: string[] = [];
      const pull = fx.client.sendRequest('workspace/diagnostic', { previousResultIds: [] }).then((r) => (order.push('pull'), r as WorkspaceReport));
      const hover = fx.client.sendRequest('textDocument/hover', { textDocument: { uri: fx.uri('src/a.ts') }, position: { line: 0, character: 16 } }).then((r) => (order.push('hover'), r));
      const [after] = await Promise.all([pull, hover]);
      assert.deepEqual(order, ['hover', 'pull'], 'the hover did not wait for the recheck');
      // Every seventh file but those that are also every tenth: 3000/7 rounded up, less the multiples of 70.
      const expected = [...Array(3000).keys()].filter((i) => i % 7 === 0 && i % 10 !== 0).length;
      assert.equal(flagged(after, 'forbid-pattern'), expected);
      const refreshed = fx.nextIndexed();
      await fx.close(adr);
      await refreshed;
    } finally {
      fx.dispose();
    }
  });

  it('an edit during a recheck drops it: the result is that of the last edit', async () => {
    const fx = await startFixture(workspace(2000));
    try {
      const adr = 'docs/adr/0001-no-legacy.md';
      await fx.open(adr);
      await fx.change(adr, decision('oldCall\\('));
      await fx.change(adr, decision('noSuchCall\\('));
      const after = (await fx.client.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as WorkspaceReport;
      assert.equal(flagged(after, 'forbid-pattern'), 0);
      const refreshed = fx.nextIndexed();
      await fx.change(adr, decision('legacyCall\\('));
      const back = (await fx.client.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as WorkspaceReport;
      assert.equal(flagged(back, 'forbid-pattern'), 200);
      await fx.close(adr);
      // The views are told to redraw once the edits settle (nothing may arrive after the test ends).
      await refreshed;
    } finally {
      fx.dispose();
    }
  });
});
