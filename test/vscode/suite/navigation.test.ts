// Writing and following annotations: completion of ids after `@decision `, and go to
// definition from an id in a comment to the document that has it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { positionOf, rationaleIndexed, restoreText, sampleUri, waitFor } from './sampleWorkspace';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

suite('navigation', () => {
  suiteSetup(async () => {
    await rationaleIndexed();
  });

  suite('completion', () => {
    const uri = () => sampleUri('src/legacy/report.ts');
    let original: string;

    setup(async () => {
      original = (await vscode.workspace.openTextDocument(uri())).getText();
    });

    teardown(async () => {
      await restoreText(uri(), original);
    });

    test('after `// @decision ` offers the sample\'s decisions with their titles', async () => {
      const document = await vscode.workspace.openTextDocument(uri());
      const editor = await vscode.window.showTextDocument(document);
      // Typed at the end of the file, as a person would (the edit is not saved).
      const end = document.lineAt(document.lineCount - 1).range.end;
      const typed = `${document.lineAt(document.lineCount - 1).text === '' ? '' : '\n'}// @decision `;
      assert.ok(await editor.edit((edit) => edit.insert(end, typed)));
      const cursor = document.lineAt(document.lineCount - 1).range.end;
      assert.equal(document.lineAt(cursor.line).text, '// @decision ');

      const labels = await waitFor('completion items with decision ids', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, cursor);
        const items = list.items;
        return items.some((item) => labelOf(item) === 'ADR-0004') ? items : undefined;
      });
      const byLabel = new Map(labels.map((item) => [labelOf(item), item]));
      for (const id of ['ADR-0001', 'ADR-0003', 'ADR-0004', 'ADR-0007', 'ADR-0008']) {
        assert.ok(byLabel.has(id), `${id} offered; got ${JSON.stringify([...byLabel.keys()])}`);
      }
      const adr4 = byLabel.get('ADR-0004')!;
      const shown = [typeof adr4.label === 'string' ? '' : `${adr4.label.detail ?? ''} ${adr4.label.description ?? ''}`, adr4.detail ?? '', typeof adr4.documentation === 'string' ? adr4.documentation : (adr4.documentation?.value ?? '')].join(' ');
      assert.match(shown, /UI code does not call the database/, `ADR-0004's title is shown with it: ${shown}`);
    });
  });

  test('go to definition on an annotation id lands in the decision document', async () => {
    const uri = sampleUri('src/ui/dashboard.ts');
    const document = await vscode.workspace.openTextDocument(uri);
    const position = positionOf(document, '@decision ADR-0004', '@decision '.length + 3);
    const locations = await waitFor('a definition for ADR-0004', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, position);
      return found.length > 0 ? found : undefined;
    });
    assert.equal(locations.length, 1, JSON.stringify(locations));
    const location = locations[0];
    const target = 'targetUri' in location ? location.targetUri : location.uri;
    assert.equal(target.toString(), sampleUri('docs/adr/0004-ui-does-not-call-the-database.md').toString());
  });
});
