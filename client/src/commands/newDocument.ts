/**
 * New Decision / New Project / New Goal, Supersede Decision, and creating a document for an
 * unknown id (a quick fix). The server plans (folder, next number, template, supersede edits);
 * these commands ask the user, then write through writeNewDocument.
 */
import * as vscode from 'vscode';
import type { DocumentKind, DocumentSummary, PlanNewDocumentResult } from '../../../server/src/protocol';
import { isRetired, kindLabels } from '../documentPresentation';
import type { PlanParams, RationaleServer } from '../rationaleServer';
import { idFromArgument } from './commandArguments';
import { pickDocument } from './pickDocument';
import { projectsOfDecision, withProjects } from './successorProject';
import { writeNewDocument, type WriteOptions } from './writeNewDocument';

/**
 * Arguments for scripted use (tests, other extensions); every field given skips its prompt. A bare
 * title string means "just this title": no other question is asked.
 */
export interface NewDocumentArgs {
  title?: string;
  /** Id of the decision the new one supersedes; `null` skips the question without superseding. */
  supersedes?: string | null;
  /** Workspace folder (URI string) to create in, when several are open. */
  folderUri?: string;
  /** Open the new document (default true). */
  open?: boolean;
}

const documentKinds: readonly DocumentKind[] = ['goal', 'project', 'decision'];

/** Command arguments arrive untyped: a title string, an args object, or a tree element. */
export function newDocumentArgs(arg: unknown): NewDocumentArgs {
  if (typeof arg === 'string') return { title: arg, supersedes: null };
  if (arg && typeof arg === 'object' && !Array.isArray(arg)) {
    const a = arg as Record<string, unknown>;
    return {
      title: typeof a.title === 'string' ? a.title : undefined,
      supersedes: typeof a.supersedes === 'string' || a.supersedes === null ? (a.supersedes as string | null) : undefined,
      folderUri: typeof a.folderUri === 'string' ? a.folderUri : undefined,
      open: typeof a.open === 'boolean' ? a.open : undefined,
    };
  }
  return {};
}

export function validateTitle(value: string): string | undefined {
  const t = value.trim();
  if (!t) return 'Enter a title.';
  if (t.length > 200) return 'Keep the title under 200 characters: it becomes the file name.';
  if (!/[\p{L}\p{N}]/u.test(t)) return 'The title needs at least one letter or digit.';
  return undefined;
}

async function askTitle(kind: DocumentKind, prompt: string, value?: string): Promise<string | undefined> {
  const title = await vscode.window.showInputBox({
    title: `Rationale: New ${kindLabels[kind]}`,
    prompt,
    value,
    placeHolder: kind === 'decision' ? 'e.g. Use PostgreSQL for billing data' : kind === 'project' ? 'e.g. Self-serve onboarding' : 'e.g. Grow self-serve revenue',
    validateInput: validateTitle,
    ignoreFocusOut: true,
  });
  return title?.trim();
}

/** The folder to create in: the given one, the only one, the active editor's, or the user's choice. */
async function chooseFolder(folderUri?: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folderUri) return vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(folderUri, true));
  if (folders.length === 0) {
    void vscode.window.showErrorMessage('Rationale: open a folder first; documents are created inside a workspace folder.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const ofActive = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  return ofActive ?? vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create the document in which folder?' });
}

const inForceFirst = (a: DocumentSummary, b: DocumentSummary) =>
  Number(isRetired(a)) - Number(isRetired(b)) || b.id.localeCompare(a.id, undefined, { numeric: true });

/** Writes the planned document, opens it and says what else changed. Returns the new file. */
async function create(server: RationaleServer, params: PlanParams, open: boolean, confirm?: WriteOptions['confirm']): Promise<vscode.Uri | undefined> {
  const label = params.supersedes ? `Rationale: supersede ${params.supersedes}` : `Rationale: new ${params.kind}`;
  const tree = params.supersedes ? await server.tree() : undefined;
  let projects: string[] = [];
  const content = (plan: PlanNewDocumentResult) => {
    const edited = new Set(plan.edits.map((e) => e.uri));
    projects = tree ? projectsOfDecision(tree, (d) => edited.has(d.uri)) : [];
    return withProjects(plan.content, projects);
  };
  const written = await writeNewDocument(server, params, { label, confirm, content });
  if (!written) return undefined;
  if (open) await vscode.window.showTextDocument(written.uri, { preview: false });
  if (written.plan.edits.length) {
    const id = written.plan.id;
    const names = (uris: vscode.Uri[]) => uris.map((u) => vscode.workspace.asRelativePath(u)).join(', ');
    const takenOver = projects.length ? ` ${id} serves ${projects.join(', ')} like its predecessor.` : '';
    // One workspace edit: Undo in the new document reverts the status change too.
    if (written.unsaved.length === 0) {
      void vscode.window.showInformationMessage(`${id} created; ${params.supersedes} now says it is superseded by ${id}. Both files are saved.${takenOver}`);
    } else {
      void vscode.window.showWarningMessage(
        `${id} created; ${params.supersedes} now says it is superseded by ${id}, but ${names(written.unsaved)} is NOT saved (it had unsaved changes of yours, or saving failed): review and save it.${takenOver}`,
      );
    }
  }
  return written.uri;
}

export async function newDocument(server: RationaleServer, kind: DocumentKind, arg?: unknown): Promise<vscode.Uri | undefined> {
  const args = newDocumentArgs(arg);
  const folder = await chooseFolder(args.folderUri);
  if (!folder) return undefined;
  const title = args.title !== undefined ? args.title.trim() : await askTitle(kind, `Title of the new ${kind}`);
  if (title === undefined) return undefined;
  const invalid = validateTitle(title);
  if (invalid) throw new Error(invalid);
  let supersedes = args.supersedes ?? undefined;
  if (kind === 'decision' && args.supersedes === undefined) {
    const old = await pickDocument(server, {
      title: `Rationale: New Decision "${title}"`,
      placeholder: 'Does it supersede an earlier decision? Pick it, or choose "No".',
      kind: 'decision',
      exclude: isRetired,
      sort: inForceFirst,
      noneLabel: 'No, it supersedes nothing',
    });
    // Escape here means "no, it supersedes nothing" rather than cancelling: the title was just typed
    // and would be lost, and a decision that replaces none is the common case (re-asking would nag).
    // A decision created by mistake is one Undo away; a forgotten supersede is one command away.
    supersedes = old?.id;
  }
  return create(server, { kind, title, supersedes, folderUri: folder.uri.toString() }, args.open !== false);
}

/** Supersede Decision: pick the decision to replace (or get it from a tree item), then the title. */
export async function supersedeDecision(server: RationaleServer, arg?: unknown, titleArg?: unknown): Promise<vscode.Uri | undefined> {
  let oldId = idFromArgument(arg);
  if (!oldId) {
    const old = await pickDocument(server, {
      title: 'Rationale: Supersede Decision',
      placeholder: 'Which decision does the new one replace?',
      kind: 'decision',
      exclude: (d) => d.status === 'superseded',
      sort: inForceFirst,
    });
    if (!old) return undefined;
    oldId = old.id;
  }
  const folder = await chooseFolder();
  if (!folder) return undefined;
  const title = typeof titleArg === 'string' ? titleArg.trim() : await askTitle('decision', `Title of the decision that supersedes ${oldId}`);
  if (title === undefined) return undefined;
  const invalid = validateTitle(title);
  if (invalid) throw new Error(invalid);
  return create(server, { kind: 'decision', title, supersedes: oldId, folderUri: folder.uri.toString() }, true);
}

/**
 * `rationale.createDocumentForId` (the "Create decision ADR-0042…" quick fix): args `[id, kind]`.
 * The new document must get exactly that id, or the annotation that cited it stays unknown.
 */
export async function createDocumentForId(server: RationaleServer, idArg?: unknown, kindArg?: unknown, titleArg?: unknown): Promise<vscode.Uri | undefined> {
  if (typeof idArg !== 'string' || !idArg.trim() || idArg.length > 200) throw new Error('No id to create a document for.');
  const id = idArg.trim();
  const kind: DocumentKind = documentKinds.includes(kindArg as DocumentKind) ? (kindArg as DocumentKind) : 'decision';
  const folder = await chooseFolder();
  if (!folder) return undefined;
  const title = typeof titleArg === 'string' ? titleArg.trim() : await askTitle(kind, `Title of ${kind} ${id}`);
  if (title === undefined) return undefined;
  const invalid = validateTitle(title);
  if (invalid) throw new Error(invalid);
  return create(server, { kind, title, id, folderUri: folder.uri.toString() }, true, async (plan) => {
    if (sameId(plan.id, id)) return true;
    const choice = await vscode.window.showWarningMessage(
      `Rationale would create ${plan.id}, not ${id}: the references to ${id} would stay unknown.`,
      { modal: true },
      `Create ${plan.id}`,
    );
    return choice === `Create ${plan.id}`;
  });
}

/**
 * `ADR-42`, `adr 0042` and `ADR-0042` name the same document, and a bare `42` (`@adr 42`) names
 * the numbered document of its kind (the server resolves such aliases the same way).
 */
export function sameId(planned: string, wanted: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').replace(/\d+/g, (n) => String(Number(n)));
  if (key(planned) === key(wanted)) return true;
  const bare = /^\s*0*(\d+)\s*$/.exec(wanted);
  const number = /(\d+)$/.exec(planned);
  return bare !== null && number !== null && Number(bare[1]) === Number(number[1]);
}
