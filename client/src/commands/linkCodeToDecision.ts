/**
 * Link Code to Decision: inserts `// @decision ADR-0007` (in the file's own comment syntax) on a new
 * line above the cursor, indented like the line it annotates, as one undoable editor edit.
 */
import * as vscode from 'vscode';
import type { RationaleServer } from '../rationaleServer';
import { idFromArgument } from './commandArguments';
import { pickDocument } from './pickDocument';
import { isRetired } from '../documentPresentation';

export async function linkCodeToDecision(server: RationaleServer, arg?: unknown): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Rationale: open the file to annotate and put the cursor on the line the decision governs.');
    return false;
  }
  let id = idFromArgument(arg);
  if (!id) {
    const doc = await pickDocument(server, {
      title: 'Rationale: Link Code to Decision',
      placeholder: `Which decision governs line ${editor.selection.active.line + 1}?`,
      kind: 'decision',
      exclude: isRetired,
    });
    if (!doc) return false;
    id = doc.id;
  }
  const document = editor.document;
  const line = editor.selection.active.line;
  // The server knows the comment syntax (its language id, else its file name) and copies the indentation.
  const annotation = await server.annotationText({ uri: document.uri.toString(), id, line, languageId: document.languageId });
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const text = `${annotation}${eol}`;
  // The editor may have moved on while the quick pick was open: edit the document the user chose from.
  const target = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor : await vscode.window.showTextDocument(document);
  return target.edit((b) => b.insert(new vscode.Position(line, 0), text));
}
