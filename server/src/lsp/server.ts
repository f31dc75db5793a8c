import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { governingRequest, indexedNotification, planNewDocumentRequest, reindexRequest, searchRequest, treeRequest, type IndexedParams } from '../protocol.js';
import { onCodeAction } from './codeActions.js';
import { onCompletion } from './completion.js';
import { onGoverning, onPlanNewDocument, onSearch, onTree } from './customRequests.js';
import { onDocumentDiagnostics, onWorkspaceDiagnostics } from './diagnostics.js';
import { onHover } from './hover.js';
import { onDefinition, onDocumentLinks, onReferences, onWorkspaceSymbol } from './navigation.js';
import { Sessions } from './sessions.js';
import type { WorkspaceSessionOptions } from './workspaceSession.js';
import { defaultCacheFolder } from '../node/checkCacheStore.js';
import type { WorkspaceSession } from './workspaceSession.js';

/** Settings the client passes in `initializationOptions`. */
export interface ServerOptions {
  maxFileSizeBytes?: number;
  /** Report findings of files that are not open (Problems shows the whole workspace). */
  workspaceDiagnostics?: boolean;
  /** Use the persistent check cache in the user's cache folder (shared with the CLI). */
  cache?: boolean;
  /** The extension's version, which a cache must have been written by. */
  version?: string;
}

function sessionOptions(options: ServerOptions): WorkspaceSessionOptions {
  return { maxFileSizeBytes: options.maxFileSizeBytes, cache: options.cache ? { folder: defaultCacheFolder(), toolVersion: options.version ?? 'dev' } : undefined };
}

/**
 * Wires the LSP connection to the core. Handlers only locate the document, call the core and convert
 * the result; all state lives in `Sessions`. Exported so tests can run the server in-process.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const sessions = new Sessions();
  let options: ServerOptions = {};
  let ready: Promise<void> = Promise.resolve();
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let supportsRefresh = false;
  let supportsWatchRegistration = false;
  const reported = new Set<string>();

  const indexedParams = (millis: number): IndexedParams => {
    const counts = { goal: 0, project: 0, decision: 0 };
    let files = 0;
    const configErrors: string[] = [];
    for (const s of sessions.all()) {
      for (const d of s.index.documents.values()) counts[d.kind]++;
      files += s.index.files.length;
      configErrors.push(...s.index.configErrors);
    }
    return { counts, files, millis, configErrors };
  };

  /** Documents changed: every file's diagnostics may change, and the views must redraw. */
  const documentsChanged = () => {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      if (supportsRefresh) void connection.languages.diagnostics.refresh();
      void connection.sendNotification(indexedNotification, indexedParams(0));
    }, 250);
  };

  const indexAll = async (title: string) => {
    const started = Date.now();
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin(title, 0, 'listing files…', false);
    try {
      for (const s of sessions.all()) {
        await s.reindex((done, total, phase) => {
          // Documents first (they define the rules), then every other file: one bar, two stretches.
          const share = total ? done / total : 0;
          if (phase === 'scan') progress.report(20 + Math.round(share * 80), `checking files ${done}/${total}`);
          else progress.report(Math.round(share * 20), 'reading goals, projects and decisions…');
        });
        if (s.cacheProblem) connection.console.warn(`Rationale: ${s.cacheProblem}`);
      }
    } finally {
      progress.done();
    }
    const params = indexedParams(Date.now() - started);
    connection.console.info(`Rationale indexed ${params.counts.decision} decisions, ${params.counts.project} projects and ${params.counts.goal} goals in ${params.files} files (${params.millis} ms).`);
    for (const e of params.configErrors) connection.console.warn(e);
    void connection.sendNotification(indexedNotification, params);
    if (supportsRefresh) void connection.languages.diagnostics.refresh();
  };

  const withSession = <P, R>(fallback: R, fn: (params: P) => R) => async (params: P): Promise<R> => {
    await ready;
    try {
      return fn(params);
    } catch (e) {
      connection.console.error(`Rationale: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    options = (params.initializationOptions ?? {}) as ServerOptions;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    for (const f of folders) sessions.add(f.uri, sessionOptions(options));
    supportsRefresh = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    supportsWatchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '-', ','], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        diagnosticProvider: { identifier: 'rationale', interFileDependencies: true, workspaceDiagnostics: options.workspaceDiagnostics !== false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'Rationale' },
    };
  });

  connection.onInitialized(() => {
    if (supportsWatchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
    ready = indexAll('Rationale: indexing goals, projects and decisions').catch((e: unknown) => {
      connection.console.error(`Rationale: indexing failed: ${(e as Error).stack ?? e}`);
    });
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e.removed) sessions.remove(f.uri);
      const added = e.added.map((f) => sessions.add(f.uri, sessionOptions(options)));
      ready = ready.then(async () => {
        for (const s of added) await s.reindex();
        documentsChanged();
      });
    });
  });

  /** Runs a notification's work after indexing; a failure is logged, never a crashed server. */
  const afterReady = (what: string, fn: () => void) => {
    void ready.then(fn).catch((e: unknown) => connection.console.error(`Rationale: ${what} failed: ${(e as Error).stack ?? e}`));
  };
  const editorText = (uri: string, text: string | undefined) => {
    const at = sessions.locate(uri);
    if (!at) return;
    const changed = text === undefined ? at.session.closeDocument(at.path) : at.session.setOpenText(at.path, text);
    if (changed) documentsChanged();
  };
  documents.onDidOpen((e) => afterReady('didOpen', () => editorText(e.document.uri, e.document.getText())));
  documents.onDidChangeContent((e) => afterReady('didChange', () => editorText(e.document.uri, e.document.getText())));
  documents.onDidClose((e) => afterReady('didClose', () => editorText(e.document.uri, undefined)));

  connection.onDidChangeWatchedFiles((params) => {
    afterReady('file changes', () => {
      const bySession = new Map<WorkspaceSession, { changed: string[]; created: string[]; deleted: string[] }>();
      for (const c of params.changes) {
        const at = sessions.locate(c.uri);
        if (!at) continue;
        const entry = bySession.get(at.session) ?? { changed: [], created: [], deleted: [] };
        (c.type === FileChangeType.Created ? entry.created : c.type === FileChangeType.Deleted ? entry.deleted : entry.changed).push(at.path);
        bySession.set(at.session, entry);
      }
      let any = false;
      for (const [s, e] of bySession) any = s.diskChanged(e.changed, e.created, e.deleted) || any;
      // Code changed on disk too: workspace diagnostics of unopened files may differ.
      if (any || bySession.size > 0) documentsChanged();
    });
  });

  connection.onHover(withSession(null, (p) => onHover(sessions, p)));
  connection.onCompletion(withSession(null, (p) => onCompletion(sessions, p)));
  connection.onDefinition(withSession(null, (p) => onDefinition(sessions, p)));
  connection.onReferences(withSession([], (p) => onReferences(sessions, p)));
  connection.onWorkspaceSymbol(withSession([], (p) => onWorkspaceSymbol(sessions, p)));
  connection.onDocumentLinks(withSession([], (p) => onDocumentLinks(sessions, p)));
  connection.onCodeAction(withSession([], (p) => onCodeAction(sessions, p)));
  connection.languages.diagnostics.on(withSession({ kind: 'full', items: [] }, (p) => onDocumentDiagnostics(sessions, p)));
  connection.languages.diagnostics.onWorkspace(withSession({ items: [] }, (p) => onWorkspaceDiagnostics(sessions, p, reported)));

  connection.onRequest(treeRequest, withSession({ goals: [], unlinked: [], counts: { goal: 0, project: 0, decision: 0 } }, () => onTree(sessions)));
  connection.onRequest(governingRequest, withSession([], (p) => onGoverning(sessions, p)));
  connection.onRequest(searchRequest, withSession([], (p) => onSearch(sessions, p)));
  // Planning errors (unknown id to supersede) must reach the user, so they are not swallowed.
  connection.onRequest(planNewDocumentRequest, async (p) => {
    await ready;
    return onPlanNewDocument(sessions, p);
  });
  connection.onRequest(reindexRequest, async () => {
    await ready;
    const started = Date.now();
    ready = indexAll('Rationale: reindexing');
    await ready;
    return indexedParams(Date.now() - started);
  });

  documents.listen(connection);
  connection.listen();
}
