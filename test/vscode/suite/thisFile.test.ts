// This File groups what governs the active editor's file by how: annotations, scopes and rule
// scopes, ids in comments, and mentions (a document naming the file), the last two marked weaker.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { rationaleIndexed, sampleUri, waitFor, type RationaleApi } from './sampleWorkspace';

suite('This File', () => {
  let api: RationaleApi;
  suiteSetup(async () => {
    api = await rationaleIndexed();
  });

  test('a decision that names `src/db` in its text shows as a mention, apart from the scopes', async () => {
    const document = await vscode.workspace.openTextDocument(sampleUri('src/db/client.ts'));
    await vscode.window.showTextDocument(document);
    const rows = await waitFor('This File lists a mention of src/db/client.ts', () => {
      const rows = api.thisFileRows();
      return rows.some((r) => /^Mentioned in/.test(r)) ? rows : undefined;
    });
    const mentions = rows.indexOf(rows.find((r) => /^Mentioned in/.test(r))!);
    assert.match(rows[mentions], /weaker than annotations/, rows.join('\n'));
    // ADR-0004 says "only services talk to `src/db`": a mention, listed under the group.
    const adr4 = rows.findIndex((r) => /^ {2}ADR-0004/.test(r));
    assert.ok(adr4 > mentions, rows.join('\n'));
    assert.match(rows[adr4], /mentioned in ADR-0004 as `src\/db`/, rows.join('\n'));
    // ADR-0003 applies to src/**: a scope, in the group above.
    const scopes = rows.indexOf('Scopes and rule scopes');
    const adr3 = rows.findIndex((r) => /^ {2}ADR-0003/.test(r));
    assert.ok(scopes >= 0 && scopes < adr3 && adr3 < mentions, rows.join('\n'));
    assert.match(rows[adr3], /applies-to src\/\*\*/, rows.join('\n'));
  });
});
