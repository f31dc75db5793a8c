/**
 * Writes a planned document. The file is created exclusively (a WorkspaceEdit `createFile` that
 * neither overwrites nor ignores an existing file), so a colleague's document created a moment ago
 * under the same number is never replaced: the edit fails and the document is planned again once.
 * The superseded decision's status change goes into the same edit, so one undo reverts both.
 */
import * as vscode from 'vscode';
import type { PlanNewDocumentResult } from '../../../server/src/protocol';
import type { PlanParams, RationaleServer } from '../rationaleServer';

export interface WrittenDocument {
  uri: vscode.Uri;
  plan: PlanNewDocumentResult;
}

export class DocumentExistsError extends Error {}

/**
 * Plans, then creates. `confirm` sees each plan before anything is written and may veto it
 * (resolves false), which cancels the whole command.
 */
export async function writeNewDocument(
  server: RationaleServer,
  params: PlanParams,
  label: string,
  confirm?: (plan: PlanNewDocumentResult) => Promise<boolean>,
): Promise<WrittenDocument | undefined> {
  let taken: vscode.Uri | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const plan = await server.planNewDocument(taken ? { ...params, taken: [taken.path.slice(taken.path.lastIndexOf('/') + 1)] } : params);
    const uri = vscode.Uri.parse(plan.uri, true);
    if (taken && uri.toString() === taken.toString()) break;
    // The server plans inside a workspace folder; anything else is a bug not worth risking a write.
    if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) throw new Error(`Refusing to create ${plan.uri}: it is outside the workspace folders.`);
    if (confirm && !(await confirm(plan))) return undefined;
    if (await createExclusively(uri, plan, label)) return { uri, plan };
    // The edit failed. If the file is there now, someone else took the name: plan again once.
    if (!(await exists(uri))) throw new Error(`Could not create ${vscode.workspace.asRelativePath(uri)}.`);
    taken = uri;
  }
  throw new DocumentExistsError(
    `${taken ? vscode.workspace.asRelativePath(taken) : 'The planned file'} already exists and the next free name is not indexed yet. Nothing was written; try again in a moment.`,
  );
}

async function createExclusively(uri: vscode.Uri, plan: PlanNewDocumentResult, label: string): Promise<boolean> {
  const metadata: vscode.WorkspaceEditEntryMetadata = { label, needsConfirmation: false };
  const edit = new vscode.WorkspaceEdit();
  // First in the edit: if the create fails, the edits after it are not applied either.
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(plan.content) }, metadata);
  for (const e of plan.edits) {
    const range = new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
    edit.replace(vscode.Uri.parse(e.uri, true), range, e.newText, metadata);
  }
  try {
    return await vscode.workspace.applyEdit(edit);
  } catch {
    return false;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
