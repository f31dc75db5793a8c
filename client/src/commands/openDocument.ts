/**
 * `rationale.openDocument`: hover links and tree items open documents through this command. The
 * argument comes from Markdown the server built out of repository text, so it is checked: only a
 * `file:` URI inside an open workspace folder is opened, never an arbitrary path or scheme.
 */
import * as vscode from 'vscode';

export function documentUriFromArgument(arg: unknown): vscode.Uri | undefined {
  let uri: vscode.Uri;
  try {
    if (arg instanceof vscode.Uri) uri = arg;
    else if (typeof arg === 'string' && arg.length <= 4096) uri = vscode.Uri.parse(arg, true);
    else return undefined;
  } catch {
    return undefined;
  }
  if (uri.scheme !== 'file') return undefined;
  return vscode.workspace.getWorkspaceFolder(uri) ? uri : undefined;
}

export async function openDocument(arg: unknown, line?: unknown): Promise<vscode.TextEditor | undefined> {
  const uri = documentUriFromArgument(arg);
  if (!uri) {
    void vscode.window.showWarningMessage('Rationale: that link does not point to a file in this workspace.');
    return undefined;
  }
  const options: vscode.TextDocumentShowOptions = { preview: true };
  if (typeof line === 'number' && Number.isInteger(line) && line >= 0) options.selection = new vscode.Range(line, 0, line, 0);
  return vscode.window.showTextDocument(uri, options);
}
