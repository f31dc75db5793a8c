import type { Connection } from 'vscode-languageserver/node';
import type { ServerInitializationOptions } from '../protocol.js';
import type { Indexing } from './indexing.js';
import type { Readiness } from './readiness.js';
import type { Sessions } from './sessions.js';
import type { SourceWatchers } from './sourceWatchers.js';

/** What the client said it can do, from `initialize`. */
export interface ClientSupport {
  diagnosticRefresh: boolean;
  watchRegistration: boolean;
  /** `workspace/didChangeWorkspaceFolders`: only a client that announces it may be asked for it. */
  workspaceFolderChanges: boolean;
  /** LSP 3.18 snippet text edits in workspace edits (the cursor lands in the inserted text). */
  snippetEdits: boolean;
}

/** Everything the server's handlers share; one per connection. */
export interface ServerState {
  connection: Connection;
  sessions: Sessions;
  readiness: Readiness;
  indexing: Indexing;
  sourceWatchers: SourceWatchers;
  /** From `initializationOptions`; set by `initialize`. */
  options: ServerInitializationOptions;
  client: ClientSupport;
}
