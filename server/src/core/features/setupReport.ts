import type { DocKind, DocumentFormat, RationaleDocument } from '../documents/document.js';
import { docKinds } from '../documents/document.js';
import { closesFence, fenceOpenedBy } from '../documents/codeFence.js';
import { statusKey, statusWords } from '../documents/statusMap.js';
import { canonicalStatuses } from '../documents/statusClass.js';
import type { WorkspaceIndex } from '../index/workspaceIndex.js';
import { configFileName, type RationaleConfig } from '../workspace/config.js';
import { basename, dirname, type Workspace } from '../workspace/workspace.js';
import { isDocumentFileName, type DeclaredFolder } from '../workspace/discovery.js';

/**
 * `rationale doctor` and "Rationale: Show Setup Report": what Rationale read, what it could not
 * make sense of, and what it probably missed, each with the configuration line that fixes it. A
 * pure function of the index and the workspace, so the CLI and the editor report the same.
 */

/** How a document was read: its own format, or `log4brains` in a folder `.log4brains.yml` declares. */
export type ReportFormat = DocumentFormat | 'log4brains';

/** Words for each format, shared by every rendering of the report. */
export const reportFormatNames: Readonly<Record<ReportFormat, string>> = {
  'front-matter': 'front matter',
  'header-bullets': 'MADR bullets',
  'status-section': 'adr-tools sections',
  log4brains: 'log4brains',
  kep: 'kep.yaml (enhancement proposals)',
  plain: 'no status',
};

/** The key of documents without a status in `byStatus`. */
export const noStatus = '(none)';

/** The documents of one folder read in one format. */
export interface FolderFormatCounts {
  /** The documents' folder, workspace-relative (`.` for the root). */
  folder: string;
  format: ReportFormat;
  documents: number;
  byKind: Record<DocKind, number>;
  /** By the canonical status read, the verbatim word when it is unrecognised, or `(none)`. */
  byStatus: Record<string, number>;
}

/** A written status no status map knows, with the line that maps it. */
export interface UnrecognisedStatus {
  /** The status as written. */
  written: string;
  kinds: DocKind[];
  /** The documents that say it, by path. */
  documents: string[];
  /** The canonical status it most likely means, or undefined when nothing is close. */
  guess?: string;
  /** The `.rationale.json` line to add, e.g. `"statusMap": {"Approved by CAB": "accepted"}`. */
  configLine: string;
}

/** A folder of Markdown files that look like decision records but were not read. */
export interface CandidateFolder {
  /** Workspace-relative (`.` for the root). */
  folder: string;
  files: string[];
}

export interface ReportConfiguration {
  /** The configuration file read, or undefined when there is none and the defaults apply. */
  source?: string;
  config: RationaleConfig;
  errors: string[];
  /** Document folders that `.rationale.json`, `.adr-dir` or `.log4brains.yml` declare. */
  declared: DeclaredFolder[];
}

export interface SetupReport {
  documents: number;
  read: FolderFormatCounts[];
  unrecognisedStatuses: UnrecognisedStatus[];
  candidates: CandidateFolder[];
  /**
   * The `.rationale.json` line that reads every candidate folder, keeping the folders configured
   * already (a kind's list replaces the default, so a second `folders` line would lose them).
   * Undefined when there is no candidate outside the root folder.
   */
  candidatesConfigLine?: string;
  /**
   * Candidates in the root folder cannot be read through `folders` (the root would make every
   * Markdown file a decision); front matter `kind: decision` makes each one a document.
   */
  rootCandidates: string[];
  configuration: ReportConfiguration;
}

export function setupReport(index: WorkspaceIndex, workspace: Workspace): SetupReport {
  const docs = [...index.documents.values()].sort((a, b) => compare(a.path, b.path));
  const candidates = candidateFiles(index, workspace);
  const byFolder = groupBy(candidates, (p) => folderOf(p));
  const inFolders = [...byFolder.entries()].filter(([folder]) => folder !== '.').map(([folder, files]) => ({ folder, files }));
  return {
    documents: docs.length,
    read: readCounts(index, docs),
    unrecognisedStatuses: unrecognisedStatuses(docs, index.config.statusMap),
    candidates: inFolders,
    candidatesConfigLine: inFolders.length ? foldersLine(index.config, inFolders.map((c) => c.folder)) : undefined,
    rootCandidates: byFolder.get('.') ?? [],
    configuration: {
      source: workspace.exists(configFileName) === 'file' ? configFileName : undefined,
      config: index.config,
      errors: [...index.configErrors],
      declared: [...index.declared],
    },
  };
}

function readCounts(index: WorkspaceIndex, docs: readonly RationaleDocument[]): FolderFormatCounts[] {
  const rows = new Map<string, FolderFormatCounts>();
  for (const d of docs) {
    const folder = folderOf(d.path);
    const format = formatOf(d, index.declared);
    const key = `${folder}\u0000${format}`;
    let row = rows.get(key);
    if (!row) {
      row = { folder, format, documents: 0, byKind: { goal: 0, project: 0, decision: 0 }, byStatus: {} };
      rows.set(key, row);
    }
    row.documents++;
    row.byKind[d.kind]++;
    const status = d.status ?? noStatus;
    row.byStatus[status] = (row.byStatus[status] ?? 0) + 1;
  }
  // Most frequent status first, so the report reads the same on every run.
  for (const row of rows.values()) row.byStatus = Object.fromEntries(Object.entries(row.byStatus).sort(([a, m], [b, n]) => n - m || compare(a, b)));
  return [...rows.values()].sort((a, b) => compare(a.folder, b.folder) || compare(a.format, b.format));
}

function formatOf(d: RationaleDocument, declared: readonly DeclaredFolder[]): ReportFormat {
  const folder = declared.find((f) => d.path.startsWith(`${f.folder}/`));
  return folder && /^\.log4brains\.ya?ml$/.test(basename(folder.source)) ? 'log4brains' : d.format;
}

function unrecognisedStatuses(docs: readonly RationaleDocument[], statusMap: Record<string, string>): UnrecognisedStatus[] {
  const groups = new Map<string, UnrecognisedStatus>();
  for (const d of docs) {
    if (d.statusKnown || d.rawStatus === undefined) continue;
    const written = d.rawStatus;
    let g = groups.get(written);
    if (!g) {
      const guess = guessStatus(written, d.kind);
      g = { written, kinds: [], documents: [], guess, configLine: statusMapLine(written, guess, d.kind, statusMap) };
      groups.set(written, g);
    }
    if (!g.kinds.includes(d.kind)) g.kinds.push(d.kind);
    g.documents.push(d.path);
  }
  return [...groups.values()].sort((a, b) => b.documents.length - a.documents.length || compare(a.written, b.written));
}

/**
 * The `statusMap` line for a word, keeping the entries configured already (the setting is one
 * object). Without a guess the value is a placeholder naming the choices, which the schema rejects
 * until someone picks one.
 */
function statusMapLine(written: string, guess: string | undefined, kind: DocKind, statusMap: Record<string, string>): string {
  const value = guess ?? `<choose one of: ${canonicalStatuses(kind).join(', ')}>`;
  const entries = [...Object.entries(statusMap).filter(([k]) => k !== written), [written, value]];
  return `"statusMap": {${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
}

/** Words that turn a status word into its opposite: "not approved" must not be guessed as accepted. */
const negations = new Set(['not', 'no', 'never', 'non', 'un']);

/**
 * The canonical status a written one most likely means: a known status word or two-word phrase
 * inside it ("Approved by CAB" → accepted), else a known word within two typos ("Acepted").
 */
export function guessStatus(written: string, kind: DocKind): string | undefined {
  const words = statusKey(written).split(/[\s-]+/).filter(Boolean);
  if (words.some((w) => negations.has(w))) return undefined;
  const table = statusWords[kind];
  for (let i = 0; i + 1 < words.length; i++) {
    const hit = table[`${words[i]} ${words[i + 1]}`];
    if (hit) return hit;
  }
  for (const w of words) if (table[w]) return table[w];
  let best: { status: string; distance: number } | undefined;
  for (const w of words) {
    if (w.length < 4) continue;
    for (const [known, status] of Object.entries(table)) {
      if (status === undefined || known.includes(' ')) continue;
      const distance = editDistance(w, known);
      if (distance <= Math.min(2, Math.floor(known.length / 3)) && (!best || distance < best.distance)) best = { status, distance };
    }
  }
  return best?.status;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

/** The `folders` line with every configured folder kept and the new decision folders added. */
function foldersLine(config: RationaleConfig, decisionFolders: readonly string[]): string {
  const folders: Partial<Record<DocKind, string[]>> = {};
  for (const kind of docKinds) if (config.folders[kind].length) folders[kind] = [...config.folders[kind]];
  folders.decision = [...new Set([...(folders.decision ?? []), ...decisionFolders])];
  const parts = docKinds.filter((k) => folders[k]).map((k) => `${JSON.stringify(k)}: [${folders[k]!.map((f) => JSON.stringify(f)).join(', ')}]`);
  return `"folders": {${parts.join(', ')}}`;
}

/**
 * Markdown files that were not read as documents but look like decision records. Only `.md` files
 * that could become documents (not READMEs or templates) are read, within the size limit, and only
 * those that mention "status" at all are scanned line by line.
 */
function candidateFiles(index: WorkspaceIndex, workspace: Workspace): string[] {
  const out: string[] = [];
  for (const path of index.files) {
    if (!/\.md$/i.test(path) || index.documents.has(path) || !isDocumentFileName(basename(path))) continue;
    // A file that cannot be read is no candidate; `check` reports unreadable files.
    const text = workspace.readText(path);
    if (text === undefined || text.length > index.config.maxFileSizeBytes || !/status/i.test(text)) continue;
    if (looksLikeDecisionRecord(text)) out.push(path);
  }
  return out;
}

/** A `## Status` heading and a `## Decision` or `## Context` heading, outside code fences, in any case. */
export function looksLikeDecisionRecord(text: string): boolean {
  let status = false;
  let body = false;
  let fence: string | undefined;
  for (const raw of text.split(/\r?\n|\r/)) {
    if (fence) {
      if (closesFence(raw, fence)) fence = undefined;
      continue;
    }
    fence = fenceOpenedBy(raw);
    if (fence) continue;
    const h = /^ {0,3}##[ \t]+(.*?)[ \t#]*$/.exec(raw);
    if (!h) continue;
    const title = h[1].replace(/[*_`]/g, '').trim().toLowerCase();
    if (title === 'status') status = true;
    else if (title === 'decision' || title === 'context') body = true;
    if (status && body) return true;
  }
  return false;
}

function folderOf(path: string): string {
  return dirname(path) || '.';
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
