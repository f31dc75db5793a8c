import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver/node';
import { startFixture, type LspFixture } from './lspHarness.js';

const files = {
  'docs/adr/0001-no-moment.md': '---\nstatus: accepted\nrules:\n  - forbid-import: moment\n---\n# No moment\n',
  'src/dates.ts': 'export function f() {\n  return import("moment");\n}\n',
};

let fx: LspFixture;
before(async () => {
  // A client that applies LSP 3.18 snippet edits, as vscode-languageclient 10+ announces.
  fx = await startFixture(files, {
    capabilities: { window: { workDoneProgress: true }, workspace: { workspaceFolders: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true } } },
    // No `exceptionDays` from the client: the default 90 days from the injected today.
    server: { today: () => '2026-11-26' },
  });
});
after(() => fx?.dispose());

describe('recording an exception in a client with snippet edits', () => {
  it('inserts the comment, ending 90 days from today, as a snippet with the reason as its selected placeholder', async () => {
    await fx.open('src/dates.ts');
    const uri = fx.uri('src/dates.ts');
    const report = (await fx.client.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    const forbidden = report.items.find((d) => d.code === 'forbid-import');
    assert.ok(forbidden, JSON.stringify(report.items));
    const actions = (await fx.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: forbidden.range, context: { diagnostics: [forbidden] } })) as CodeAction[];
    const exception = actions.find((a) => a.title.startsWith('Record an exception to ADR-0001'));
    assert.deepEqual(exception?.edit?.documentChanges, [{
      textDocument: { uri, version: null },
      edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, snippet: { kind: 'snippet', value: '  // rationale-disable-next-line ADR-0001 until 2027-02-24 -- ${1:<reason>}\n' } }],
    }] satisfies TextDocumentEdit[]);
    assert.equal(exception?.edit?.changes, undefined, 'one edit, not two');
  });
});
