/**
 * Rationale's custom LSP messages, defined once and imported by both the server and the VS Code
 * client (as vscode-eslint does), so a change of shape is a compile error on both sides.
 *
 * Positions are LSP's: zero-based lines and UTF-16 characters. URIs are strings.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
// Type-only: the formats' one home is the core's setup report; nothing of it is bundled into the client.
import type { ReportFormat } from './core/features/setupReport.js';

// @decision ADR-0004: the one contract between the client and the server.

/**
 * Node flags the server runs with, wherever it is started (the VS Code client, the bench).
 * `--optimize-for-size` makes V8 grow and keep its heap closer to what is live: at 100,000 files the
 * server held 130 MB live but 340 MB resident without it, and about 200 MB with it.
 */
export const serverNodeFlags: readonly string[] = ['--optimize-for-size'];

export type DocumentKind = 'goal' | 'project' | 'decision';

/** A goal, project or decision as the client shows it. */
export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  title: string;
  /**
   * The status in force (server/src/core/index/statusInForce.ts): a decision an accepted decision
   * supersedes is `superseded` even while its own file still says `accepted`.
   */
  status?: string;
  /** The canonical status the file states, only when it differs from `status`. */
  writtenStatus?: string;
  /** How the status reads wherever it is shown: `superseded (file says accepted)`; one wording, the server's. */
  statusText?: string;
  /** Whether `status` no longer governs anything (superseded, deprecated, rejected, cancelled, dropped). */
  retired: boolean;
  /** False when the written status is not in the status map (shown with a warning icon). */
  statusKnown: boolean;
  date?: string;
  priority?: string | number;
  appetite?: string;
  owner?: string;
  summary: string;
  uri: string;
}

export interface CodeLocation {
  uri: string;
  /** Zero-based line of the annotation. */
  line: number;
  /** The line's text, trimmed, for the tree label. */
  preview: string;
}

/** A specification item (`req~login~2`) with its coverage: covered out of needed artifact types. */
export interface RequirementSummary {
  id: string;
  title?: string;
  uri: string;
  /** Zero-based line of the item's id. */
  line: number;
  covered: number;
  needed: number;
  /** Needed artifact types nothing covers yet. */
  missing: string[];
}

/** The Mental Model tree: goals → projects → decisions → code, plus what links to nothing. */
export interface TreeNode {
  document: DocumentSummary;
  children: TreeNode[];
  /** For decisions: code that cites them by annotation. */
  code?: CodeLocation[];
  /** For projects: the specification items their documents (and their decisions') define. */
  requirements?: RequirementSummary[];
  /** For decisions with open debt, once the whole folder is checked: the counts of `rationale check`'s `byDecision`. */
  debt?: DecisionDebtSummary;
}

/** A decision's open debt: new findings, exceptions in force, expired exceptions, baselined findings. */
export interface DecisionDebtSummary {
  findings: number;
  exceptions: number;
  expired: number;
  baselined: number;
  /** `3 findings, 1 exception, 2 baselined`: the server's wording. */
  text: string;
}

export interface TreeResult {
  goals: TreeNode[];
  /** Projects with no goal and decisions with no project or goal. */
  unlinked: TreeNode[];
  counts: Record<DocumentKind, number>;
}

export const treeRequest = new RequestType0<TreeResult, void>('rationale/tree');

export interface GoverningParams {
  uri: string;
  /** Omit for the whole file. */
  line?: number;
}

export interface GoverningEntry {
  document: DocumentSummary;
  /** How it governs, strongest first: annotation, applies-to scope, a rule's own scope, a bare id in a comment, a mention in its text. */
  via: 'annotation' | 'scope' | 'rule' | 'bare-id' | 'mention';
  /** Annotations, scopes and rules are strong; bare ids and mentions only suggest a link and are shown apart. */
  strength: 'strong' | 'weak';
  /** The reason in words: `cited on line 3`, `its rule scopes src/ui/**`, `mentioned in ADR-0021 as \`src/db/\``. */
  reason: string;
  /** Where the annotation or bare id is, when via is annotation or bare-id. */
  line?: number;
  projects: DocumentSummary[];
  goals: DocumentSummary[];
}

/** "What governs this file (or line)": the This File view, the status bar and Show What Governs. */
export const governingRequest = new RequestType<GoverningParams, GoverningEntry[], void>('rationale/governing');

/** A coverage tag in a file (`impl` arrow `req~login~2` in brackets) and the item it covers, if that id names one. */
export interface CoveredRequirement {
  /** Zero-based line of the tag. */
  line: number;
  /** The tag's artifact type, `impl`. */
  type: string;
  /** The id the tag names, as written. */
  target: string;
  requirement?: RequirementSummary;
}

/** What a file covers: the This File view lists it under the documents that govern the file. */
export const coveredRequirementsRequest = new RequestType<GoverningParams, CoveredRequirement[], void>('rationale/coveredRequirements');

export interface SearchParams {
  query: string;
  kind?: DocumentKind;
  limit?: number;
}

export interface SearchHit {
  document: DocumentSummary;
  /** 0 (perfect) … 1 (barely), fuse.js' score. */
  score: number;
}

/** Fuzzy search over ids, titles and text (Find Decision). */
export const searchRequest = new RequestType<SearchParams, SearchHit[], void>('rationale/search');

export interface PlanNewDocumentParams {
  kind: DocumentKind;
  title: string;
  /** Id of a decision the new one supersedes. */
  supersedes?: string;
  /** Force an id (e.g. creating a document for an unknown id from a quick fix). */
  id?: string;
  /** A URI inside the workspace folder to create the document in (multi-root workspaces). */
  folderUri?: string;
  /** File names found taken by a failed exclusive create, so a re-plan picks another. */
  taken?: string[];
}

export interface TextEditPlan {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export interface PlanNewDocumentResult {
  /** Where the new file goes; the client creates it exclusively (never overwriting). */
  uri: string;
  content: string;
  id: string;
  /** Edits to existing documents (the superseded decision's status), applied as one undoable edit. */
  edits: TextEditPlan[];
}

/** Plans New Decision / Project / Goal and Supersede Decision; the client does the writing. */
export const planNewDocumentRequest = new RequestType<PlanNewDocumentParams, PlanNewDocumentResult, void>('rationale/planNewDocument');

/** Rebuild the index from disk (Reindex command). Resolves when done. */
export const reindexRequest = new RequestType0<IndexedParams, void>('rationale/reindex');

export interface IndexedParams {
  counts: Record<DocumentKind, number>;
  files: number;
  millis: number;
  /** Configuration problems (invalid .rationale.json), to show once. */
  configErrors: string[];
}

/** Sent after every (re)index and after changes to documents: the client refreshes its views. */
export const indexedNotification = new NotificationType<IndexedParams>('rationale/indexed');

/** Commands the server's hovers and code actions may invoke; the client enables exactly these. */
export { clientCommands, type ClientCommand } from './core/features/commandIds.js';

/**
 * The settings the client passes in `initializationOptions`, read once at start (changing one of
 * them restarts the server). Every field is optional for the server: another client may send none.
 */
export interface ServerInitializationOptions {
  /** Files (on disk or open in the editor) above this size are not indexed (`rationale.maxFileSizeBytes`). */
  maxFileSizeBytes?: number;
  /** Report findings of files that are not open (Problems shows the whole workspace). */
  workspaceDiagnostics?: boolean;
  /** Use the persistent check cache in the user's cache folder (shared with the CLI). */
  cache?: boolean;
  /** The extension's version: a cache written by another version is not trusted. */
  version?: string;
  /** VS Code's install folder (`vscode.env.appRoot`): its bundled ripgrep speeds up start-up when none is on the PATH. */
  appRoot?: string;
  /** Days ahead the exception quick fix's `until` date lies (`rationale.exceptions.defaultDays`); 0: no end date. */
  exceptionDays?: number;
}

export interface AnnotationTextParams {
  /** The document to annotate. */
  uri: string;
  /** The goal, project or decision the code follows. */
  id: string;
  /** Zero-based line the annotation goes above; its indentation is copied. */
  line: number;
  /** The editor's language id, which picks the comment syntax before the file name does. */
  languageId?: string;
}

export interface AnnotationTextResult {
  /** The line to insert, indented, without a line break (the client adds the document's own). */
  text: string;
}

/** Link Code to Decision: the annotation line in the file's own comment syntax. */
export const annotationTextRequest = new RequestType<AnnotationTextParams, AnnotationTextResult, void>('rationale/annotationText');

/** One folder's documents read in one format (server/src/core/features/setupReport.ts). */
export interface SetupReportRow {
  /** Workspace-relative; `.` for the root. */
  folder: string;
  format: ReportFormat;
  documents: number;
  byKind: Record<DocumentKind, number>;
  /** By canonical status, the verbatim word when unrecognised, or `(none)`; most frequent first. */
  byStatus: Record<string, number>;
}

/** The setup report of one workspace folder, as `rationale doctor --json` prints it. */
export interface SetupReportData {
  documents: number;
  read: SetupReportRow[];
  /** Statuses no status map knows, each with the `"statusMap": {…}` line that maps it. */
  unrecognisedStatuses: { written: string; kinds: DocumentKind[]; documents: string[]; guess?: string; configLine: string }[];
  /** Folders of Markdown files that look like decision records but were not read. */
  candidates: { folder: string; files: string[] }[];
  /** The `"folders": {…}` line that reads every candidate folder. */
  candidatesConfigLine?: string;
  /** Candidates in the root folder, read only with front matter `kind: decision`. */
  rootCandidates: string[];
  configuration: {
    /** `.rationale.json`, or undefined when the defaults apply. */
    source?: string;
    config: {
      folders: Record<DocumentKind, string[]>;
      idPrefixes: Record<DocumentKind, string>;
      statusMap: Record<string, string>;
      ignore: string[];
      severity: Record<string, string>;
      template: string;
      maxFileSizeBytes: number;
    };
    errors: string[];
    declared: { folder: string; kind: DocumentKind; package?: string; source: string }[];
  };
}

export interface SetupReportFolder {
  /** The workspace folder's URI. */
  uri: string;
  /** The folder's name, for headings. */
  name: string;
  report: SetupReportData;
  /** The report rendered as Markdown by the server, repository text escaped. */
  markdown: string;
}

/** Show Setup Report (`rationale doctor` in the editor): one report per workspace folder. */
export const setupReportRequest = new RequestType0<SetupReportFolder[], void>('rationale/setupReport');

/** A node of the mental model graph: a goal, project or decision, or a requirement item. */
export interface GraphNode {
  /** Unique in the graph: the document's URI, or `<uri>#<item id>` for a requirement item. */
  key: string;
  kind: DocumentKind | 'requirement';
  /** The document's id (`ADR-0007`) or the item's (`req~login~2`). */
  id: string;
  title: string;
  /** Documents: the status in force, as `DocumentSummary.status`. */
  status?: string;
  /** How the status reads (`superseded (file says accepted)`). */
  statusText?: string;
  /** in-force, pending, done or retired; undefined for no status or an unknown one. Items: `covered` or `uncovered`. */
  statusClass?: 'in-force' | 'pending' | 'done' | 'retired' | 'covered' | 'uncovered';
  retired: boolean;
  summary: string;
  /** Code files the document governs by annotation, applies-to or a rule's own scope (documents only). */
  governedFileCount?: number;
  uri: string;
  /** Where to open it: the title, or the item's id. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface GraphEdge {
  /** Node keys. serves: goal → project; decided-for: project or goal → decision; supersedes and amends: newer → older; belongs-to: item → its document. */
  from: string;
  to: string;
  kind: 'serves' | 'decided-for' | 'supersedes' | 'amends' | 'belongs-to';
}

export interface GraphResult {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Show Mental Model Graph: every folder's goals, projects, decisions and requirement items, with their links. */
export const graphRequest = new RequestType0<GraphResult, void>('rationale/graph');

/** The agent tools' names (server/src/core/features/agentTools/registry.ts); package.json declares the same five. */
export type AgentToolName = 'governing_decisions' | 'check_file' | 'search_documents' | 'list_documents' | 'propose_decision';

export interface AgentToolParams {
  name: AgentToolName;
  /** The tool's input as the language model gave it; the server validates it. */
  input: Record<string, unknown>;
  /** A URI inside the workspace folder to answer for (multi-root workspaces); else the folder of `input.path`, else the first. */
  folderUri?: string;
  /** propose_decision: file names a failed exclusive create found taken, so a re-plan picks another. */
  taken?: string[];
}

export interface AgentToolAnswer {
  /** Markdown for the model. */
  text: string;
  /** The same facts as data. */
  structured: Record<string, unknown>;
  /** Bad input (the text says what was wrong). */
  isError: boolean;
  /** propose_decision: the file to create exclusively; its text holds only once the client has written it. */
  create?: { uri: string; content: string };
}

/** One of VS Code's language-model tools (contributes.languageModelTools), run by the core's agent tools. */
export const agentToolRequest = new RequestType<AgentToolParams, AgentToolAnswer, void>('rationale/agentTool');
