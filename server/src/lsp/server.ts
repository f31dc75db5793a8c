import { TextDocuments, type Connection, type HoverParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { agentToolRequest, annotationTextRequest, coveredRequirementsRequest, governingRequest, graphRequest, planNewDocumentRequest, reindexRequest, searchRequest, setupReportRequest, treeRequest } from '../protocol.js';
import { onAgentTool } from './agentTools.js';
import { onCodeAction } from './codeActions.js';
import { onCompletion } from './completion.js';
import { onAnnotationText, onCoveredRequirements, onGoverning, onPlanNewDocument, onSearch, onSetupReport, onTree } from './customRequests.js';
import { onDocumentDiagnostics, onWorkspaceDiagnostics } from './diagnostics.js';
import { onGraph } from './graphRequest.js';
import { registerDocumentSync } from './documentSync.js';
import { indexingHover, onHover } from './hover.js';
import { Indexing } from './indexing.js';
import { SourceWatchers } from './sourceWatchers.js';
import { registerLifecycle, type SessionDefaults } from './lifecycle.js';
import { onDefinition, onDocumentLinks, onReferences, onWorkspaceSymbol } from './navigation.js';
import { Readiness } from './readiness.js';
import type { ServerState } from './serverState.js';
import { Sessions } from './sessions.js';
import { utcToday } from '../node/today.js';

/** How the server is put together beyond what the client sends; tests inject these. */
export interface StartServerOptions extends SessionDefaults {
  /** Today as `YYYY-MM-DD`, the date of new documents (default: the clock's UTC date). */
  today?: () => string;
}

function createState(connection: Connection): ServerState {
  const sessions = new Sessions();
  const state: ServerState = {
    connection,
    sessions,
    readiness: new Readiness((what, e) => connection.console.error(`Rationale: ${what} failed: ${(e as Error).stack ?? e}`)),
    indexing: new Indexing({ connection, sessions, supportsDiagnosticRefresh: () => state.client.diagnosticRefresh, onAnnounce: () => state.sourceWatchers.update() }),
    sourceWatchers: new SourceWatchers({ connection, sessions, canRegister: () => state.client.watchRegistration }),
    options: {},
    client: { diagnosticRefresh: false, watchRegistration: false, workspaceFolderChanges: false, snippetEdits: false },
  };
  return state;
}

/**
 * A request handler that waits for indexing and answers `fallback` when the core throws: one bad
 * file must cost one answer, logged, never the server. Answers that documents alone can give
 * (hover, navigation, the views) wait only until the documents are read (`whenDocuments`); the
 * others, whose findings need every code file, wait for the whole index.
 */
function afterIndexing<P, R>(state: ServerState, fallback: R, handle: (params: P) => R | Promise<R>, wait: 'whole index' | 'documents' = 'whole index') {
  return async (params: P): Promise<R> => {
    await (wait === 'documents' ? state.sessions.whenAnswerable() : state.readiness.whenReady());
    try {
      return await handle(params);
    } catch (e) {
      state.connection.console.error(`Rationale: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };
}

/** The standard LSP features: each looks up the document's folder, asks its language service, converts. */
function registerLanguageFeatures(state: ServerState): void {
  const { connection, sessions } = state;
  const reported = new Set<string>();
  const hover = afterIndexing(state, null, (p: HoverParams) => onHover(sessions, p), 'documents');
  // Before the documents are read nothing can be said of a line, but the user hears why at once.
  connection.onHover((p) => (sessions.answerable ? hover(p) : indexingHover));
  connection.onCompletion(afterIndexing(state, null, (p) => onCompletion(sessions, p), 'documents'));
  connection.onDefinition(afterIndexing(state, null, (p) => onDefinition(sessions, p), 'documents'));
  connection.onReferences(afterIndexing(state, [], (p) => onReferences(sessions, p), 'documents'));
  connection.onWorkspaceSymbol(afterIndexing(state, [], (p) => onWorkspaceSymbol(sessions, p), 'documents'));
  connection.onDocumentLinks(afterIndexing(state, [], (p) => onDocumentLinks(sessions, p), 'documents'));
  connection.onCodeAction(afterIndexing(state, [], (p) => onCodeAction(sessions, p, { snippetEdits: state.client.snippetEdits })));
  connection.languages.diagnostics.on(afterIndexing(state, { kind: 'full', items: [] }, (p) => onDocumentDiagnostics(sessions, p)));
  // After a document edit the folder is checked again in the background; the pull waits for that
  // (other requests are served meanwhile) rather than answering with findings about to change.
  connection.languages.diagnostics.onWorkspace(async (params, token, workDone, resultProgress) => {
    await Promise.all(sessions.all().map((s) => s.findingsSettled()));
    return afterIndexing(state, { items: [] }, (p: typeof params) => onWorkspaceDiagnostics(sessions, p, reported, resultProgress))(params);
  });
}

/** Rationale's own requests (protocol.ts). */
function registerCustomRequests(state: ServerState, documents: TextDocuments<TextDocument>, today: () => string): void {
  const { connection, sessions, readiness, indexing } = state;
  const tree = afterIndexing(state, { goals: [], unlinked: [], counts: { goal: 0, project: 0, decision: 0 } }, () => onTree(sessions), 'documents');
  // Decisions' debt counts every file's findings: after a document edit, the tree waits for the recheck like the workspace pull.
  connection.onRequest(treeRequest, async () => {
    await Promise.all(sessions.all().map((s) => s.findingsSettled()));
    return tree(undefined);
  });
  connection.onRequest(governingRequest, afterIndexing(state, [], (p) => onGoverning(sessions, p), 'documents'));
  connection.onRequest(coveredRequirementsRequest, afterIndexing(state, [], (p) => onCoveredRequirements(sessions, p), 'documents'));
  connection.onRequest(searchRequest, afterIndexing(state, [], (p) => onSearch(sessions, p), 'documents'));
  // Governed-file counts and requirement items come from code files: the whole index.
  connection.onRequest(graphRequest, afterIndexing(state, { nodes: [], edges: [] }, () => onGraph(sessions)));
  // Its errors reach the user: an empty report would read as "nothing wrong".
  connection.onRequest(setupReportRequest, async () => {
    await readiness.whenReady();
    return onSetupReport(sessions);
  });
  // Their errors (an unknown id to supersede, no folder open) must reach the user: not caught.
  connection.onRequest(planNewDocumentRequest, async (p) => {
    await readiness.whenReady();
    return onPlanNewDocument(sessions, p, today());
  });
  connection.onRequest(annotationTextRequest, async (p) => {
    await readiness.whenReady();
    return onAnnotationText(sessions, p, (uri) => documents.get(uri)?.getText());
  });
  // Bad input and tool failures come back as error answers (the registry never throws).
  connection.onRequest(agentToolRequest, async (p) => {
    await readiness.whenReady();
    return onAgentTool(sessions, p, today);
  });
  // A failed reindex fails this request only; requests after it are answered from the last index.
  connection.onRequest(reindexRequest, () => readiness.run('reindex', () => indexing.indexAll('Rationale: reindexing')));
}

/**
 * Wires the LSP connection to the core. Handlers only locate the document, call the core and convert
 * the result; all state lives in `ServerState`. Exported so tests can run the server in-process.
 */
export function startServer(connection: Connection, options: StartServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const state = createState(connection);
  const today = options.today ?? (() => utcToday());
  registerLifecycle(state, { disk: options.disk, today });
  registerDocumentSync(state, documents);
  registerLanguageFeatures(state);
  registerCustomRequests(state, documents, today);
  documents.listen(connection);
  connection.listen();
}
