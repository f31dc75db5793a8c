/**
 * Writes a planned document. The file is created exclusively (a WorkspaceEdit `createFile` that
 * neither overwrites nor ignores an existing file), so a colleague's document created a moment ago
 * under the same number is never replaced: the edit fails and the document is planned again once.
 * The superseded decision's status change goes into the same edit, so one undo reverts both, and is
 * then saved, so the new file on disk never contradicts an old one that still says "accepted".
 */
import * as vscode from 'vscode';
import type { PlanNewDocumentResult } from '../../../server/src/protocol';
import type { PlanParams, RationaleServer } from '../rationaleServer';

export interface WrittenDocument {
  uri: vscode.Uri;
  plan: PlanNewDocumentResult;
  /** Existing documents the plan edited and that were saved. */
  saved: vscode.Uri[];
  /**
   * Existing documents the plan edited but that are left unsaved: they already had unsaved changes
   * (saving would have saved those too, unasked), or saving failed.
   */
  unsaved: vscode.Uri[];
}

export interface WriteOptions {
  /** The undo label of the edit. */
  label: string;
  /** Sees each plan before anything is written and may veto it (resolves false), cancelling the command. */
  confirm?: (plan: PlanNewDocumentResult) => Promise<boolean>;
  /** Final say over the new document's text (e.g. the successor taking over its predecessor's project). */
  content?: (plan: PlanNewDocumentResult) => string;
}

export class DocumentExistsError extends Error {}

/** Plans, then creates. */
export async function writeNewDocument(server: RationaleServer, params: PlanParams, options: WriteOptions): Promise<WrittenDocument | undefined> {
  let taken: vscode.Uri | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const planned = await server.planNewDocument(taken ? { ...params, taken: [taken.path.slice(taken.path.lastIndexOf('/') + 1)] } : params);
    const plan = options.content ? { ...planned, content: options.content(planned) } : planned;
    const uri = vscode.Uri.parse(plan.uri, true);
    if (taken && uri.toString() === taken.toString()) break;
    // The server plans inside a workspace folder; anything else is a bug not worth risking a write.
    if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) throw new Error(`Refusing to create ${plan.uri}: it is outside the workspace folders.`);
    if (options.confirm && !(await options.confirm(plan))) return undefined;
    const edited = editedUris(plan);
    const dirtyBefore = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
    if (await createExclusively(uri, plan, options.label)) {
      const saved: vscode.Uri[] = [];
      const unsaved: vscode.Uri[] = [];
      for (const e of edited) {
        if (!dirtyBefore.has(e.toString()) && (await save(e))) saved.push(e);
        else unsaved.push(e);
      }
      return { uri, plan, saved, unsaved };
    }
    // The edit failed. If the file is there now, someone else took the name: plan again once.
    if (!(await exists(uri))) throw new Error(`Could not create ${vscode.workspace.asRelativePath(uri)}.`);
    taken = uri;
  }
  throw new DocumentExistsError(
    `${taken ? vscode.workspace.asRelativePath(taken) : 'The planned file'} already exists and the next free name is not indexed yet. Nothing was written; try again in a moment.`,
  );
}

function editedUris(plan: PlanNewDocumentResult): vscode.Uri[] {
  const unique = new Map(plan.edits.map((e) => [e.uri, vscode.Uri.parse(e.uri, true)]));
  return [...unique.values()];
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
    // applyEdit rejects (rather than resolving false) for some failed file operations; the caller
    // tells "the name was taken" from other failures by looking at the disk.
    return false;
  }
}

/** Saves an edited document; false when it could not be saved (the caller says so). */
async function save(uri: vscode.Uri): Promise<boolean> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  // Not open as a document: the edit went straight to disk, nothing to save.
  if (!document) return true;
  return document.isDirty ? document.save() : true;
}

/** Whether a file or folder is at `uri` (also used by the agent tools' propose_decision). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    // stat rejects with FileNotFound for a missing file: that is the answer, not an error.
    return false;
  }
}
