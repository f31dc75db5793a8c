import type { DocKind, RationaleDocument } from '../documents/document.js';
import { chooseFolder, folderChoice, planNewDocument, type NewDocumentPlan } from './newDocument.js';
import { basename, dirname, normalizePath, type Workspace } from '../workspace/workspace.js';
import type { WorkspaceIndex } from '../index/workspaceIndex.js';
import { idKey, qualifyBareNumber } from '../documents/ids.js';

export interface PlanInWorkspaceRequest {
  kind: DocKind;
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  supersedes?: RationaleDocument;
  /** A folder chosen by the user; else the workspace's own folder for the kind. */
  folder?: string;
  /** An id the new document must have (`ADR-0042`, `42`, `GOAL-growth`). */
  id?: string;
}

/**
 * Plans a new document against the workspace as it is now: the folder for its kind, the names
 * already taken there, and a few sibling documents whose template family it should follow.
 * Callers create the file exclusively and re-plan if the name was taken meanwhile.
 */
export function planDocumentInWorkspace(index: WorkspaceIndex, workspace: Workspace, req: PlanInWorkspaceRequest, extraTaken: readonly string[] = []): NewDocumentPlan {
  const folder = req.folder !== undefined
    ? folderChoice(req.kind, normalizePath(req.folder) ?? '', index.declared)
    : chooseFolder(req.kind, index.declared, index.documents.values(), (p) => workspace.exists(p));
  const inFolder = workspace.listFiles().filter((p) => dirname(p) === folder.folder);
  const fileNames = [...inFolder.map(basename), ...extraTaken];
  const samples = [...index.documents.values()].filter((d) => dirname(d.path) === folder.folder && d.kind === req.kind).slice(-3);
  const sampleTexts = samples.map((d) => workspace.readText(d.path)).filter((t): t is string => t !== undefined);
  const supersedes = req.supersedes ? { document: req.supersedes, text: workspace.readText(req.supersedes.path) ?? '' } : undefined;
  const key = req.id ? idKey(qualifyBareNumber(req.id, req.kind, index.config.idPrefixes)) : undefined;
  const numbered = key ? new RegExp(`^${index.config.idPrefixes[req.kind].toLowerCase()}-(\\d+)$`).exec(key) : null;
  return planNewDocument({ kind: req.kind, title: req.title, date: req.date, config: index.config, folder, fileNames, sampleTexts, supersedes, id: req.id, number: numbered ? Number(numbered[1]) : undefined });
}
