// New Project, New Goal and Create Document for Id (the "Create decision ADR-0042…" quick fix's
// command): each creates its document in the sample's folder for the kind, opens it, and the
// server indexes it at once. Titles (and ids) are passed as arguments instead of typed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fileName, filesCreatedBySuite, readText, waitFor } from './sampleWorkspace';

/** Waits until the workspace symbol search finds `id: title` in `uri`. */
async function indexedAs(id: string, title: string, uri: vscode.Uri): Promise<void> {
  await waitFor(`${id} (${fileName(uri)}) among the workspace symbols`, async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', id);
    return symbols.some((s) => s.name.startsWith(`${id}: ${title}`) && s.location.uri.toString() === uri.toString());
  });
}

const folderOf = (uri: vscode.Uri) => vscode.workspace.asRelativePath(vscode.Uri.joinPath(uri, '..'));

suite('new documents', () => {
  const created = filesCreatedBySuite();

  async function run(command: string, ...args: unknown[]): Promise<vscode.Uri> {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, ...args);
    assert.ok(uri instanceof vscode.Uri, `${command} returns the new file's URI (got ${String(uri)})`);
    created.push(uri);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new document is the active editor');
    return uri;
  }

  test('rationale.newProject creates PRD-0003 in docs/prd, linked to no goal yet', async () => {
    const uri = await run('rationale.newProject', 'Self-serve billing');
    assert.equal(folderOf(uri), 'docs/prd');
    assert.match(fileName(uri), /^0003-self-serve-billing\.md$/);
    const text = await readText(uri);
    assert.match(text, /^# Self-serve billing$/m);
    assert.match(text, /^goals: \[\]/m);
    await indexedAs('PRD-0003', 'Self-serve billing', uri);
  });

  test('rationale.newGoal creates a goal in docs/goals', async () => {
    const uri = await run('rationale.newGoal', 'Cut support load');
    assert.equal(folderOf(uri), 'docs/goals');
    const text = await readText(uri);
    assert.match(text, /^# Cut support load$/m);
    assert.match(text, /^status: active$/m);
    const symbols = await waitFor('the new goal among the workspace symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Cut support load');
      return found.filter((s) => s.location.uri.toString() === uri.toString()).length > 0 ? found : undefined;
    });
    assert.ok(symbols.some((s) => /^GOAL-/.test(s.name)), JSON.stringify(symbols.map((s) => s.name)));
  });

  test('rationale.createDocumentForId creates the decision with exactly the id cited', async () => {
    const uri = await run('rationale.createDocumentForId', 'ADR-0042', 'decision', 'Cache invoice totals');
    assert.equal(folderOf(uri), 'docs/adr');
    assert.match(fileName(uri), /^0042-cache-invoice-totals\.md$/);
    await indexedAs('ADR-0042', 'Cache invoice totals', uri);
  });

  test('rationale.createDocumentForId creates a project for a PRD id', async () => {
    const uri = await run('rationale.createDocumentForId', 'PRD-0007', 'project', 'Usage-based pricing');
    assert.equal(folderOf(uri), 'docs/prd');
    assert.match(fileName(uri), /^0007-usage-based-pricing\.md$/);
    await indexedAs('PRD-0007', 'Usage-based pricing', uri);
  });
});
