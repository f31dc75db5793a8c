// A multi-root workspace is one model (runIntegration.mjs --workspace
// test/fixtures/multi-root/multi-root.code-workspace --suite multiRoot): the product folder's
// project serves the strategy folder's goal, its code cites the strategy's decision, and each
// folder's .rationale.json applies to that folder only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { rationaleIndexed, waitFor } from './sampleWorkspace';

function folderUri(name: string, ...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `the workspace has a folder named ${name}: ${vscode.workspace.workspaceFolders?.map((f) => f.name).join(', ')}`);
  return vscode.Uri.joinPath(folder.uri, ...path);
}

const messages = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map((d) => `${typeof d.code === 'object' ? d.code.value : d.code}: ${d.message}`);

suite('multi-root workspace', () => {
  test('the two folders are indexed as one model', async () => {
    const api = await rationaleIndexed();
    const indexed = await api.whenIndexed();
    assert.deepEqual(indexed.counts, { goal: 3, project: 1, decision: 1 });
  });

  test("the Mental Model puts the product's project and the strategy's decision under the strategy's goal", async () => {
    const api = await rationaleIndexed();
    const labels = await waitFor('the strategy goal with its children', async () => {
      const labels = await api.mentalModelLabels();
      const goal = labels.findIndex((l) => /^\S.*Grow self-serve revenue/.test(l));
      return goal >= 0 && labels.slice(goal + 1).some((l) => /^ {2}\S.*One-page checkout/.test(l)) ? labels : undefined;
    });
    const goal = labels.findIndex((l) => /^\S.*Grow self-serve revenue/.test(l));
    const children = labels.slice(goal + 1).filter((l) => /^ {2}\S/.test(l)).slice(0, 2).join('\n');
    assert.match(children, /One-page checkout/, labels.join('\n'));
    assert.match(children, /One cloud provider/, labels.join('\n'));
    assert.equal(labels.filter((l) => /Grow self-serve revenue/.test(l)).length, 1, `the goal appears once:\n${labels.join('\n')}`);
  });

  test("hovering the product's citation shows the strategy's decision and goal", async () => {
    await rationaleIndexed();
    const uri = folderUri('app', 'src', 'deploy.ts');
    const text = await waitFor('a hover over the citation', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 15));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /One cloud provider/.test(text) ? text : undefined;
    });
    assert.match(text, /Grow self-serve revenue/);
  });

  test("each folder's .rationale.json applies to that folder only", async () => {
    await rationaleIndexed();
    const appGoal = folderUri('app', 'docs', 'goals', '0002-fast-pages.md');
    await vscode.window.showTextDocument(appGoal);
    const found = await waitFor('the unknown status in the product folder', async () => {
      const found = messages(appGoal);
      return found.some((m) => /^unknown-status/.test(m)) ? found : undefined;
    });
    assert.ok(found.length > 0);
    // The same status word, mapped by the strategy folder's configuration: its goal is checked
    // (no project serves it yet) and its status is known.
    const strategyGoal = folderUri('strategy', 'docs', 'goals', '0002-keep-customers.md');
    await vscode.window.showTextDocument(strategyGoal);
    const strategyFound = await waitFor('the strategy goal checked', async () => {
      const found = messages(strategyGoal);
      return found.some((m) => /^goal-without-project/.test(m)) ? found : undefined;
    });
    assert.doesNotMatch(strategyFound.join('\n'), /unknown-status/);
  });

  test("a citation of the other folder's decision resolves, and an unknown one does not", async () => {
    await rationaleIndexed();
    const deploy = folderUri('app', 'src', 'deploy.ts');
    const editor = await vscode.window.showTextDocument(deploy);
    const original = editor.document.getText();
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, 0, 20), '// @decision ADR-0099'));
    await waitFor('the unknown id reported', async () => (messages(deploy).some((m) => /^unknown-id.*ADR-0099/.test(m)) ? true : undefined));
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), original));
    await waitFor('the citation of ADR-0001 accepted', async () => (messages(deploy).length === 0 ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
