import { FileChangeType, type FileEvent, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerState } from './serverState.js';
import type { WorkspaceSession } from './workspaceSession.js';

/** Files changed on disk, by the session they belong to. */
function changesBySession(state: ServerState, changes: readonly FileEvent[]): Map<WorkspaceSession, { changed: string[]; created: string[]; deleted: string[] }> {
  const bySession = new Map<WorkspaceSession, { changed: string[]; created: string[]; deleted: string[] }>();
  for (const c of changes) {
    const at = state.sessions.locate(c.uri);
    if (!at) continue;
    const entry = bySession.get(at.session) ?? { changed: [], created: [], deleted: [] };
    (c.type === FileChangeType.Created ? entry.created : c.type === FileChangeType.Deleted ? entry.deleted : entry.changed).push(at.path);
    bySession.set(at.session, entry);
  }
  return bySession;
}

/**
 * Keeps the sessions in step with the editor (open, changed and closed documents) and with the disk
 * (watched files), as each change arrives; a failure is logged, never a crashed server.
 */
export function registerDocumentSync(state: ServerState, documents: TextDocuments<TextDocument>): void {
  const { connection, sessions, indexing } = state;
  /**
   * Applied at once, in the order they arrive, never queued behind an index: a session that is
   * reindexing keeps the edit and applies it again on the new snapshot. A failure costs the edit's
   * re-check, logged, never the server.
   */
  const now = (what: string, work: () => void) => {
    try {
      work();
    } catch (e) {
      connection.console.error(`Rationale: ${what} failed: ${(e as Error).stack ?? e}`);
    }
  };
  const editorText = (uri: string, text: string | undefined) => {
    const at = sessions.locate(uri);
    if (!at) return;
    const changed = text === undefined ? at.session.closeDocument(at.path) : at.session.setOpenText(at.path, text);
    if (!changed) return;
    // The other folders of a multi-root workspace see this one's documents.
    sessions.linkPeers();
    indexing.documentsChanged();
  };
  documents.onDidOpen((e) => now('didOpen', () => editorText(e.document.uri, documents.get(e.document.uri)?.getText())));
  documents.onDidChangeContent((e) => now('didChange', () => editorText(e.document.uri, documents.get(e.document.uri)?.getText())));
  documents.onDidClose((e) => now('didClose', () => editorText(e.document.uri, undefined)));

  connection.onDidChangeWatchedFiles((params) => {
    now('file changes', () => {
      const bySession = changesBySession(state, params.changes);
      for (const [s, e] of bySession) s.diskChanged(e.changed, e.created, e.deleted);
      sessions.linkPeers();
      // Files of configured sources, outside every folder (their own watchers report them).
      const sourcesChanged = state.sourceWatchers.changed(params.changes.filter((c) => !sessions.locate(c.uri)));
      // Code changed on disk too: workspace diagnostics of unopened files may differ.
      if (bySession.size > 0 || sourcesChanged) indexing.documentsChanged();
    });
  });
}
