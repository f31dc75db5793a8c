// Show Mental Model Graph in the real extension host: the command opens one webview panel, and
// Reveal in Graph finds a document by the URI a tree item carries or by its id. What the page
// draws is checked in the workbench UI test (test/ui/workbench.ui.test.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { rationaleIndexed, sampleUri, waitFor } from './sampleWorkspace';

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}

function graphTabs(): vscode.Tab[] {
  return allTabs().filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('rationale.graph'));
}

const describeTabs = () => JSON.stringify(allTabs().map((t) => ({ label: t.label, input: t.input })));

suite('mental model graph', () => {
  suiteSetup(async () => {
    await rationaleIndexed();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('rationale.showGraph opens one "Mental Model Graph" panel, and running it again brings that one forward', async () => {
    await vscode.commands.executeCommand('rationale.showGraph');
    // The host learns of tabs after the workbench opens them.
    await waitFor('the graph tab', () => graphTabs().length > 0);
    await vscode.commands.executeCommand('rationale.showGraph');
    const tabs = graphTabs();
    assert.equal(tabs.length, 1, `one panel; tabs: ${describeTabs()}`);
    assert.equal(tabs[0].label, 'Mental Model Graph');
    assert.ok(tabs[0].isActive);
  });

  test('rationale.revealInGraph reveals the node of a tree element or an id, and nothing for an unknown id', async () => {
    const uri = sampleUri('docs/adr/0004-ui-does-not-call-the-database.md').toString();
    const fromTree = await vscode.commands.executeCommand<string | undefined>('rationale.revealInGraph', { type: 'document', node: { document: { id: 'ADR-0004', uri } } });
    assert.equal(fromTree, uri);
    const fromId = await vscode.commands.executeCommand<string | undefined>('rationale.revealInGraph', 'ADR-0004');
    assert.equal(fromId, uri);
    assert.equal(await vscode.commands.executeCommand('rationale.revealInGraph', 'ADR-9999'), undefined);
    await waitFor('the graph tab', () => graphTabs().length > 0);
    assert.equal(graphTabs().length, 1, describeTabs());
  });
});
