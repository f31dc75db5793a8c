// Supersede Decision, and New Decision's "Does it supersede…?" question: the successor is
// created, the old decision says it is superseded and is saved (unless it held unsaved changes
// of the user's, which are not saved behind their back), the successor takes over the old
// decision's project, and Escape at the question keeps the title instead of dropping it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  acceptQuickPick,
  deleteCreated,
  escapeQuickInput,
  fileName,
  filesCreatedBySuite,
  rationaleIndexed,
  readText,
  restoreText,
  sampleUri,
  waitFor,
  type RationaleApi,
} from './sampleWorkspace';

const ADR4 = 'docs/adr/0004-ui-does-not-call-the-database.md';
const ADR8 = 'docs/adr/0008-retry-payments-with-backoff.md';

/** The labels of the Mental Model listed under `parent` (deeper indent, before the next sibling). */
function childrenOf(labels: readonly string[], parent: string): string[] {
  const start = labels.findIndex((l) => l.trimStart() === parent);
  if (start === -1) return [];
  const depth = (l: string) => l.length - l.trimStart().length;
  const children: string[] = [];
  for (const label of labels.slice(start + 1)) {
    if (depth(label) <= depth(labels[start])) break;
    if (depth(label) === depth(labels[start]) + 2) children.push(label.trim());
  }
  return children;
}

suite('rationale.supersedeDecision', () => {
  let api: RationaleApi;
  const created: vscode.Uri[] = [];
  const originals = new Map<string, string>();

  suiteSetup(async () => {
    api = await rationaleIndexed();
    for (const path of [ADR4, ADR8]) originals.set(path, await readText(sampleUri(path)));
  });

  teardown(async () => {
    await deleteCreated(created.splice(0));
    for (const [path, text] of originals) await restoreText(sampleUri(path), text);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function supersede(...args: unknown[]): Promise<vscode.Uri> {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('rationale.supersedeDecision', ...args);
    assert.ok(uri instanceof vscode.Uri, `the command returns the new file's URI (got ${String(uri)})`);
    created.push(uri);
    return uri;
  }

  test('marks the old decision superseded and saves it, so disk and editor agree', async () => {
    const uri = await supersede('ADR-0004', 'Read the database through a query service');
    const id = `ADR-${fileName(uri).slice(0, 4)}`;
    assert.match(await readText(uri), /^supersedes: ADR-0004$/m);
    const old = await vscode.workspace.openTextDocument(sampleUri(ADR4));
    assert.equal(old.isDirty, false, 'ADR-0004 is saved');
    const onDisk = await readText(sampleUri(ADR4));
    assert.equal(onDisk, old.getText());
    assert.match(onDisk, new RegExp(`^status: superseded by ${id}$`, 'm'), onDisk);
  });

  test('leaves the old decision unsaved when it held unsaved changes of the user\'s', async () => {
    const old = await vscode.workspace.openTextDocument(sampleUri(ADR4));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(old.uri, new vscode.Position(old.lineCount, 0), '\nA note not saved yet.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(old.isDirty, true);

    await supersede('ADR-0004', 'Query the database through services only');
    assert.equal(old.isDirty, true, 'still unsaved: saving would have saved the note too');
    assert.match(old.getText(), /^status: superseded by ADR-\d{4}$/m, 'the status change is made in the editor');
    assert.equal(await readText(sampleUri(ADR4)), originals.get(ADR4), 'nothing of it was written');
  });

  test('the successor takes over the old decision\'s project (PRD-0001) and sits under it', async () => {
    const uri = await supersede('ADR-0004', 'UI code reads through the API');
    const text = await readText(uri);
    assert.match(text, /^project: PRD-0001$/m, text);
    assert.doesNotMatch(text, /^# project:/m, 'the template\'s hint is replaced, not left next to it');
    const id = `ADR-${fileName(uri).slice(0, 4)}`;
    const under = await waitFor(`${id} under PRD-0001 in the Mental Model`, async () => {
      const children = childrenOf(await api.mentalModelLabels(), 'PRD-0001: Self-serve onboarding');
      return children.includes(`${id}: UI code reads through the API`) ? children : undefined;
    });
    assert.ok(under.includes('ADR-0003: Use date-fns instead of Moment.js'), JSON.stringify(under));
  });

  test('without arguments asks which decision in a quick pick (in force, newest first)', async () => {
    const uri = await acceptQuickPick('the decision to supersede', () =>
      vscode.commands.executeCommand<vscode.Uri | undefined>('rationale.supersedeDecision', undefined, 'Retry payments with a queue'),
    );
    assert.ok(uri instanceof vscode.Uri, `the command returns the new file's URI (got ${String(uri)})`);
    created.push(uri);
    const text = await readText(uri);
    assert.match(text, /^supersedes: ADR-0008$/m, text);
    assert.match(text, /^project: PRD-0002$/m, 'ADR-0008\'s project');
    assert.match(await readText(sampleUri(ADR8)), /^status: superseded by ADR-\d{4}$/m);
  });
});

suite('rationale.newDecision: Escape at "Does it supersede…?"', () => {
  const created = filesCreatedBySuite();

  test('keeps the title: the decision is created, superseding nothing', async () => {
    const adrFolder = sampleUri('docs/adr');
    const before = (await vscode.workspace.fs.readDirectory(adrFolder)).map(([name]) => name);
    const uri = await escapeQuickInput('the supersede question to be dismissed', () =>
      vscode.commands.executeCommand<vscode.Uri | undefined>('rationale.newDecision', { title: 'Keep the title when Escape is pressed' }),
    );
    assert.ok(uri instanceof vscode.Uri, `Escape does not cancel: the command returns the new file's URI (got ${String(uri)})`);
    created.push(uri);
    const text = await readText(uri);
    assert.match(text, /^# Keep the title when Escape is pressed$/m);
    assert.doesNotMatch(text, /supersedes/i);
    const after = (await vscode.workspace.fs.readDirectory(adrFolder)).map(([name]) => name);
    assert.deepEqual(after.sort(), [...before, fileName(uri)].sort(), 'only the new decision was added');
  });
});
