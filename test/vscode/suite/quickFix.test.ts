// Quick fixes applied the way the editor applies them: ask for the code actions at a
// diagnostic (vscode.executeCodeActionProvider), apply the chosen one's WorkspaceEdit, and
// see the text change and the diagnostic go away. Each test restores the files it edits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe, rationaleDiagnostics, rationaleIndexed, restoreText, sampleUri, waitFor } from './sampleWorkspace';

async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((action): action is vscode.CodeAction => 'kind' in action || 'edit' in action);
}

async function applyFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
  const actions = await quickFixes(uri, diagnostic);
  const fix = actions.find((action) => title.test(action.title));
  assert.ok(fix, `a quick fix titled ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(fix.edit, `"${fix.title}" carries an edit`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit), `"${fix.title}" applies`);
  return fix;
}

suite('quick fixes', () => {
  const originals = new Map<string, string>();

  async function remember(uri: vscode.Uri): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument(uri);
    if (!originals.has(uri.toString())) originals.set(uri.toString(), document.getText());
    return document;
  }

  suiteSetup(async () => {
    await rationaleIndexed();
  });

  teardown(async () => {
    for (const [uri, text] of originals) await restoreText(vscode.Uri.parse(uri), text);
    originals.clear();
  });

  test('"Replace with ADR-0003" fixes a reference to the superseded ADR-0002', async () => {
    const uri = sampleUri('src/ui/dashboard.ts');
    const document = await remember(uri);
    await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((text) => text.includes('Formatting follows ADR-0002.'));
    assert.ok(line >= 0);
    const diagnostic = await waitFor('superseded-reference to ADR-0002', () =>
      rationaleDiagnostics(uri, 'superseded-reference').find((d) => d.range.start.line === line),
    );
    assert.equal(document.getText(diagnostic.range), 'ADR-0002');

    await applyFix(uri, diagnostic, /^Replace with ADR-0003\b/);
    assert.equal(document.lineAt(line).text, '  // Formatting follows ADR-0003.');
    await waitFor('the superseded-reference diagnostic to disappear', () =>
      rationaleDiagnostics(uri, 'superseded-reference').length === 0,
    );
    // Only that finding went: the forbidden import is still reported.
    assert.ok(rationaleDiagnostics(uri, 'forbid-import').length > 0, describe(vscode.languages.getDiagnostics(uri)));
  });

  test('"Mark ADR-0002 as superseded by ADR-0003" updates the old decision\'s status', async () => {
    const uri = sampleUri('docs/adr/0002-use-moment-for-dates.md');
    const document = await remember(uri);
    const diagnostic = await waitFor('superseded-still-accepted on ADR-0002', () =>
      rationaleDiagnostics(uri, 'superseded-still-accepted')[0],
    );

    await applyFix(uri, diagnostic, /^Mark ADR-0002 as superseded by ADR-0003$/);
    const text = document.getText();
    // adr-tools' own wording, as `adr new -s` writes it: a link to the successor's file.
    assert.match(text, /## Status\s+Superseded by \[3\. Use date-fns instead of Moment\.js\]\(0003-use-date-fns-for-dates\.md\)/, text);
    assert.doesNotMatch(text, /## Status\s+Accepted/, text);
    await waitFor('the superseded-still-accepted diagnostic to disappear', () =>
      rationaleDiagnostics(uri, 'superseded-still-accepted').length === 0,
    );
  });
});
