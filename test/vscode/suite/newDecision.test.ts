// "Rationale: New Decision" creates the next-numbered ADR in the sample's ADR folder, opens
// it, and leaves every existing document as it was. The command takes its answers as
// arguments (the title string, or `{ title, supersedes, folderUri, open }`) instead of prompts;
// an answer left out is asked for (the supersede question is answered in the quick pick here).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { acceptQuickPick, escapeQuickInput, fileName, filesCreatedBySuite, readText, sampleUri, waitFor } from './sampleWorkspace';

async function snapshot(folder: vscode.Uri): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    if (type === vscode.FileType.File) files.set(name, await readText(vscode.Uri.joinPath(folder, name)));
  }
  return files;
}

suite('rationale.newDecision', () => {
  const created = filesCreatedBySuite();

  test('creates 0009 then 0010 in docs/adr, opened, titled, and touches nothing else', async () => {
    const adrFolder = sampleUri('docs/adr');
    const before = await snapshot(adrFolder);
    assert.ok(before.has('0008-retry-payments-with-backoff.md') && !([...before.keys()].some((n) => n.startsWith('0009'))), JSON.stringify([...before.keys()]));

    const first = await vscode.commands.executeCommand<vscode.Uri | undefined>('rationale.newDecision', 'Adopt feature flags for risky releases');
    assert.ok(first instanceof vscode.Uri, `the command returns the new file's URI (got ${String(first)})`);
    created.push(first);
    assert.equal(vscode.Uri.joinPath(first, '..').toString(), adrFolder.toString(), 'created next to the other ADRs');
    assert.match(fileName(first), /^0009-adopt-feature-flags[a-z-]*\.md$/);
    const firstText = await readText(first);
    assert.match(firstText, /Adopt feature flags for risky releases/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), first.toString(), 'the new decision is open in the active editor');

    const second = await vscode.commands.executeCommand<vscode.Uri | undefined>('rationale.newDecision', {
      title: 'Keep audit logs for seven years',
      supersedes: null,
    });
    assert.ok(second instanceof vscode.Uri, `the second call returns a URI (got ${String(second)})`);
    created.push(second);
    assert.match(fileName(second), /^0010-keep-audit-logs[a-z-]*\.md$/);
    assert.match(await readText(second), /Keep audit logs for seven years/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), second.toString());

    const after = await snapshot(adrFolder);
    assert.deepEqual([...after.keys()].sort(), [...before.keys(), fileName(first), fileName(second)].sort());
    for (const [name, text] of before) assert.equal(after.get(name), text, `${name} unchanged`);
    assert.equal(after.get(fileName(first)), firstText, '0009 is not rewritten by the second command');
  });

  test('the new decision is indexed at once, without a Reindex', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('rationale.newDecision', {
      title: 'Prefer boring technology',
      supersedes: null,
    });
    assert.ok(uri instanceof vscode.Uri, `the command returns the new file's URI (got ${String(uri)})`);
    created.push(uri);
    const id = `ADR-${/^(\d{4})-/.exec(fileName(uri))?.[1]}`;
    await waitFor(`${id} (${fileName(uri)}) among the workspace symbols`, async () => {
      const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', id);
      return symbols.some((s) => s.name.startsWith(`${id}: Prefer boring technology`) && s.location.uri.toString() === uri.toString());
    });
  });

  test('asks "Does it supersede an earlier decision?" when not told; "No" creates it superseding nothing', async () => {
    const before = await readText(sampleUri('docs/adr/0008-retry-payments-with-backoff.md'));
    const uri = await acceptQuickPick('the supersede question to be answered', () =>
      vscode.commands.executeCommand<vscode.Uri | undefined>('rationale.newDecision', { title: 'Log every payment attempt' }),
    );
    assert.ok(uri instanceof vscode.Uri, `the command returns the new file's URI (got ${String(uri)})`);
    created.push(uri);
    const text = await readText(uri);
    assert.match(text, /Log every payment attempt/);
    assert.doesNotMatch(text, /supersedes/i, text);
    assert.equal(await readText(sampleUri('docs/adr/0008-retry-payments-with-backoff.md')), before, 'no decision was marked superseded');
  });

  test('without arguments asks for the title first; Escape there cancels and writes nothing', async () => {
    const adrFolder = sampleUri('docs/adr');
    const before = await snapshot(adrFolder);
    const result = await escapeQuickInput('the title prompt to be dismissed', () =>
      vscode.commands.executeCommand<vscode.Uri | undefined>('rationale.newDecision'),
    );
    assert.equal(result, undefined);
    assert.deepEqual(await snapshot(adrFolder), before);
  });
});
