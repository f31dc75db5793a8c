// Hovers as the editor asks for them (vscode.executeHoverProvider runs every hover
// provider, so this is what a person sees when pointing at the line).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, positionOf, rationaleIndexed, sampleUri, waitFor } from './sampleWorkspace';

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
}

suite('hover', () => {
  suiteSetup(async () => {
    await rationaleIndexed();
  });

  test('a line of code governed by `@decision ADR-0004` shows the decision, its project and goal', async () => {
    const uri = sampleUri('src/ui/dashboard.ts');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    // Inside renderSignupDate, on the database call the decision forbids.
    const position = positionOf(document, 'query(`select', 2);
    const text = await waitFor('a Rationale hover on the query line', async () => {
      const text = hoverText(await hoverAt(uri, position));
      return text.includes('ADR-0004') ? text : undefined;
    });
    assert.match(text, /UI code does not call the database/, text);
    assert.match(text, /accepted/, text);
    assert.match(text, /PRD-0001/, text);
    assert.match(text, /Self-serve onboarding/, text);
    assert.match(text, /GOAL-growth/, text);
    assert.match(text, /Double self-serve revenue/, text);
    // dashboard.ts cites ADR-0004 and lies under its applies-to (src/ui/**); the hover says so.
    assert.match(text, /cited here|governs this file/, text);
  });

  test('hover links may run Rationale\'s own commands and nothing else', async () => {
    const uri = sampleUri('src/ui/dashboard.ts');
    const document = await vscode.workspace.openTextDocument(uri);
    const position = positionOf(document, 'query(`select', 2);
    const hovers = await waitFor('a Rationale hover on the query line', async () => {
      const hovers = await hoverAt(uri, position);
      return hoverText(hovers).includes('ADR-0004') ? hovers : undefined;
    });
    const ours = hovers
      .flatMap((hover) => hover.contents)
      .filter((content): content is vscode.MarkdownString => typeof content !== 'string' && 'isTrusted' in content && content.value.includes('ADR-0004'));
    assert.ok(ours.length > 0, 'the Rationale hover is Markdown');
    for (const markdown of ours) {
      assert.match(markdown.value, /\]\(command:rationale\.openDocument\?/, 'an "Open" link');
      assert.match(markdown.value, /\]\(command:rationale\.revealInTree\?/, 'a "Show in Mental Model" link');
      const trust = markdown.isTrusted;
      assert.ok(trust !== true, 'not trusted wholesale: document text could then run any command');
      const enabled = typeof trust === 'object' ? [...trust.enabledCommands].sort() : [];
      assert.deepEqual(enabled, ['rationale.openDocument', 'rationale.revealInTree']);
      assert.notEqual(markdown.supportHtml, true, 'no HTML from documents');
    }
  });

  test('an id in a comment shows that document, not what governs the line', async () => {
    const uri = sampleUri('src/billing/invoice.ts');
    const document = await vscode.workspace.openTextDocument(uri);
    const position = positionOf(document, 'ADR-0003', 4);
    const text = await waitFor('a hover on ADR-0003', async () => {
      const text = hoverText(await hoverAt(uri, position));
      return text.includes('ADR-0003') ? text : undefined;
    });
    assert.match(text, /Use date-fns instead of Moment\.js/, text);
    assert.doesNotMatch(text, /ADR-0004/, `a hover on an id is about that id only: ${text}`);
  });
});
