// Every command the Mental Model, the editor menus, hovers and quick fixes run, executed through
// the real workbench (vscode.commands.executeCommand) with what it does checked: the editor it
// opens, the line it inserts, the tree it reveals or refetches. Quick picks are answered with the
// workbench's own Enter (acceptQuickPick). Each suite names the command it covers
// (contributions.test.ts checks every contributed command has one). New Decision/Project/Goal,
// Create Document for Id and Supersede Decision have files of their own.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  acceptQuickPick,
  deleteCreated,
  rationaleIndexed,
  restoreText,
  sampleUri,
  waitFor,
  writeSampleFile,
  type RationaleApi,
} from './sampleWorkspace';

const activeFile = () => vscode.window.activeTextEditor?.document.uri.toString();

suite('commands', () => {
  let api: RationaleApi;

  suiteSetup(async () => {
    api = await rationaleIndexed();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suite('rationale.findDecision', () => {
    test('shows the decisions in a quick pick; Enter opens the first, ADR-0001', async () => {
      const editor = await acceptQuickPick('Find Decision to open a decision', () =>
        vscode.commands.executeCommand<vscode.TextEditor | undefined>('rationale.findDecision'),
      );
      const adr1 = sampleUri('docs/adr/0001-record-architecture-decisions.md');
      assert.equal(editor?.document.uri.toString(), adr1.toString(), 'the command returns the editor it opened');
      assert.equal(activeFile(), adr1.toString(), 'ADR-0001 is the active editor');
    });
  });

  suite('rationale.linkCodeToDecision', () => {
    const uri = () => sampleUri('src/legacy/report.ts');
    let original: string;

    setup(async () => {
      original = (await vscode.workspace.openTextDocument(uri())).getText();
    });

    teardown(async () => {
      await restoreText(uri(), original);
    });

    async function cursorOnLastCodeLine(): Promise<{ editor: vscode.TextEditor; line: number }> {
      const document = await vscode.workspace.openTextDocument(uri());
      const editor = await vscode.window.showTextDocument(document);
      let line = document.lineCount - 1;
      while (line > 0 && document.lineAt(line).isEmptyOrWhitespace) line--;
      editor.selection = new vscode.Selection(line, 0, line, 0);
      return { editor, line };
    }

    test('with an id, inserts `// @decision <id>` above the cursor line', async () => {
      const { editor, line } = await cursorOnLastCodeLine();
      const codeLine = editor.document.lineAt(line).text;
      const inserted = await vscode.commands.executeCommand<boolean>('rationale.linkCodeToDecision', 'ADR-0004');
      assert.equal(inserted, true);
      assert.match(editor.document.lineAt(line).text, /^\s*\/\/ @decision ADR-0004\b/);
      assert.equal(editor.document.lineAt(line + 1).text, codeLine, 'the annotated line moved down, unchanged');
    });

    test('without one, asks which decision in a quick pick and inserts the one chosen', async () => {
      const { editor, line } = await cursorOnLastCodeLine();
      const inserted = await acceptQuickPick('Link Code to Decision to insert an annotation', () =>
        vscode.commands.executeCommand<boolean>('rationale.linkCodeToDecision'),
      );
      assert.equal(inserted, true);
      // The list is sorted by id; the first decision in force is ADR-0001.
      assert.match(editor.document.lineAt(line).text, /^\s*\/\/ @decision ADR-0001\b/);
    });
  });

  suite('rationale.showGoverning', () => {
    test('lists what governs the active file in a quick pick; Enter opens that document', async () => {
      const dashboard = sampleUri('src/ui/dashboard.ts');
      await vscode.window.showTextDocument(dashboard);
      await acceptQuickPick('Show What Governs This File to open a governing document', () =>
        vscode.commands.executeCommand('rationale.showGoverning'),
      );
      const opened = vscode.window.activeTextEditor?.document.uri;
      assert.ok(opened && opened.toString() !== dashboard.toString(), `a governing document opened, not ${String(opened)}`);
      assert.match(vscode.workspace.asRelativePath(opened), /^docs\/(adr|prd|goals)\/.+\.md$/);
    });
  });

  suite('rationale.reindex', () => {
    test('rebuilds the index from disk and returns what it found', async () => {
      const result = await vscode.commands.executeCommand<{ counts: Record<string, number>; files: number }>('rationale.reindex');
      assert.deepEqual(result?.counts, { goal: 2, project: 2, decision: 8 }, JSON.stringify(result));
      assert.ok(result.files > 10, JSON.stringify(result));
    });

    test('finds a decision written to disk meanwhile', async () => {
      const uri = await writeSampleFile('docs/adr/0097-written-elsewhere.md', '---\nstatus: proposed\n---\n# Written elsewhere\n');
      try {
        const result = await vscode.commands.executeCommand<{ counts: Record<string, number> }>('rationale.reindex');
        assert.equal(result?.counts.decision, 9, JSON.stringify(result));
      } finally {
        await deleteCreated([uri]);
      }
    });
  });

  suite('rationale.refreshTree', () => {
    test('makes the visible Mental Model load the tree from the server again', async () => {
      await vscode.commands.executeCommand('rationale.mentalModel.focus');
      const before = await waitFor('the Mental Model to be visible and loaded', () => {
        const state = api.mentalModelState();
        return state.visible && state.loads > 0 ? state : undefined;
      });
      await vscode.commands.executeCommand('rationale.refreshTree');
      await waitFor('the Mental Model to load again', () => api.mentalModelState().loads > before.loads);
    });
  });

  suite('rationale.showRetiredDecisions and rationale.hideRetiredDecisions', () => {
    const created: vscode.Uri[] = [];
    const rejected = '    ADR-0098: Keep sessions in memory';

    teardown(async () => {
      await vscode.commands.executeCommand('rationale.hideRetiredDecisions');
      await deleteCreated(created.splice(0));
    });

    test('show, then hide, a rejected decision under its project', async () => {
      created.push(await writeSampleFile('docs/adr/0098-keep-sessions-in-memory.md', '---\nstatus: rejected\nproject: PRD-0001\n---\n# Keep sessions in memory\n'));
      await vscode.commands.executeCommand('rationale.showRetiredDecisions');
      const shown = await waitFor('the rejected ADR-0098 under PRD-0001', async () => {
        const labels = await api.mentalModelLabels();
        return labels.includes(rejected) ? labels : undefined;
      });
      assert.ok(shown.indexOf('  PRD-0001: Self-serve onboarding') < shown.indexOf(rejected), JSON.stringify(shown));

      await vscode.commands.executeCommand('rationale.hideRetiredDecisions');
      const hidden = await api.mentalModelLabels();
      assert.ok(!hidden.includes(rejected), JSON.stringify(hidden));
      assert.ok(hidden.includes('    ADR-0004: UI code does not call the database'), `decisions in force stay: ${JSON.stringify(hidden)}`);
    });
  });

  suite('rationale.openDocument', () => {
    test('opens a workspace file at the line given (what hover links and tree items run)', async () => {
      const adr7 = sampleUri('docs/adr/0007-use-httpx-for-http.md');
      const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('rationale.openDocument', adr7.toString(), 5);
      assert.equal(editor?.document.uri.toString(), adr7.toString());
      assert.equal(activeFile(), adr7.toString());
      assert.equal(editor.selection.active.line, 5);
    });

    test('refuses a file outside the workspace folders', async () => {
      const outside = vscode.Uri.joinPath(sampleUri('.'), '..', 'outside.md');
      const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('rationale.openDocument', outside.toString());
      assert.equal(editor, undefined);
      assert.equal(activeFile(), undefined, 'nothing was opened');
    });
  });

  suite('rationale.revealInTree', () => {
    test('shows the Mental Model with the document selected', async () => {
      const found = await vscode.commands.executeCommand<boolean>('rationale.revealInTree', 'ADR-0004');
      assert.equal(found, true);
      const state = await waitFor('ADR-0004 selected in the visible Mental Model', () => {
        const s = api.mentalModelState();
        return s.visible && s.selected.length > 0 ? s : undefined;
      });
      assert.deepEqual(state.selected, ['ADR-0004: UI code does not call the database']);
    });

    test('answers false for an id no document has', async () => {
      assert.equal(await vscode.commands.executeCommand<boolean>('rationale.revealInTree', 'ADR-0999'), false);
    });
  });

  suite('rationale.showOutput', () => {
    test('shows the Rationale output channel', async () => {
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.commands.executeCommand('rationale.showOutput');
      // The panel's text model is the channel's log file (output:rationale.rationale-cli.Rationale.log);
      // its text arrives after the document opens.
      await waitFor('the Rationale output channel, showing what the server logged', () =>
        vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'output' && d.uri.path.endsWith('Rationale.log') && /Rationale indexed \d+ decisions/.test(d.getText())),
      );
    });
  });
});
