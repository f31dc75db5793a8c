import { DidChangeWatchedFilesNotification, TextDocumentSyncKind, type InitializeParams, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { ServerInitializationOptions } from '../protocol.js';
import type { WorkspaceSessionOptions } from './workspaceSession.js';
import { defaultCacheFolder } from '../node/checkCacheStore.js';
import { codeStamp } from '../node/codeStamp.js';
import { findRipgrep } from '../node/ripgrepPrefilter.js';
import type { ClientSupport, ServerState } from './serverState.js';

/** How sessions are made beyond the client's settings (tests inject a failing disk). */
export type SessionDefaults = Pick<WorkspaceSessionOptions, 'disk' | 'today'>;

export function sessionOptions(options: ServerInitializationOptions, defaults: SessionDefaults, ripgrep: string | undefined, warn: (message: string) => void): WorkspaceSessionOptions {
  return {
    ...defaults,
    onCacheProblem: warn,
    ripgrep,
    maxFileSizeBytes: options.maxFileSizeBytes,
    exceptionDays: options.exceptionDays,
    cache: options.cache ? { folder: defaultCacheFolder(), toolVersion: `${options.version ?? 'dev'}+${codeStamp(process.argv[1])}` } : undefined,
  };
}

/** The folders to serve: the workspace folders, else (older clients, no folder support) the root. */
export function initialFolders(params: InitializeParams): { uri: string; name?: string }[] {
  if (params.workspaceFolders) return params.workspaceFolders;
  if (params.rootUri) return [{ uri: params.rootUri }];
  // `rootPath` is deprecated in favour of rootUri, but a client may still send only that.
  if (params.rootPath) return [{ uri: URI.file(params.rootPath).toString() }];
  return [];
}

function clientSupport(params: InitializeParams): ClientSupport {
  const workspace = params.capabilities.workspace;
  return {
    diagnosticRefresh: workspace?.diagnostics?.refreshSupport === true,
    watchRegistration: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolderChanges: workspace?.workspaceFolders === true,
    snippetEdits: workspace?.workspaceEdit?.snippetEditSupport === true,
  };
}

function capabilities(options: ServerInitializationOptions): ServerCapabilities {
  return {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    hoverProvider: true,
    completionProvider: { triggerCharacters: [' ', '-', ',', '>'], resolveProvider: false },
    definitionProvider: true,
    referencesProvider: true,
    workspaceSymbolProvider: true,
    documentLinkProvider: { resolveProvider: false },
    codeActionProvider: { codeActionKinds: ['quickfix'] },
    diagnosticProvider: { identifier: 'rationale', interFileDependencies: true, workspaceDiagnostics: options.workspaceDiagnostics !== false },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

/** `initialize` and `initialized`: read the client's settings and abilities, add the folders, index. */
export function registerLifecycle(state: ServerState, defaults: SessionDefaults): void {
  const { connection, sessions } = state;
  let ripgrep: string | undefined;
  const warn = (m: string) => connection.console.warn(`Rationale: ${m}`);
  connection.onInitialize((params): InitializeResult => {
    state.options = (params.initializationOptions ?? {}) as ServerInitializationOptions;
    state.client = clientSupport(params);
    // Found once: RATIONALE_RG, the PATH, then the ripgrep VS Code bundles. Without it every file is read.
    ripgrep = findRipgrep({ env: process.env, appRoot: state.options.appRoot, onWarning: (m) => connection.console.warn(`Rationale: ${m}`) });
    for (const f of initialFolders(params)) sessions.add(f.uri, sessionOptions(state.options, defaults, ripgrep, warn), f.name);
    return { capabilities: capabilities(state.options), serverInfo: { name: 'Rationale' } };
  });

  connection.onInitialized(() => {
    if (state.client.watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
    state.readiness.queue('indexing', () => state.indexing.indexAll('Rationale: indexing goals, projects and decisions'));
    // Asking a client that did not announce folder support for folder events is an error.
    if (!state.client.workspaceFolderChanges) return;
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e.removed) sessions.remove(f.uri);
      const added = e.added.map((f) => sessions.add(f.uri, sessionOptions(state.options, defaults, ripgrep, warn), f.name));
      // The remaining folders no longer see a removed one's documents.
      if (e.removed.length > 0 && sessions.linkPeers()) state.indexing.documentsChanged();
      state.readiness.queue('indexing added folders', () => state.indexing.indexFolders(added));
    });
  });
}
