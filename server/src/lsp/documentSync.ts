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
 * (watched files). Work runs after indexing; a failure is logged, never a crashed server.
 */
export function registerDocumentSync(state: ServerState, documents: TextDocuments<TextDocument>): void {
  const { connection, sessions, readiness, indexing } = state;
  const editorText = (uri: string, text: string | undefined) => {
    const at = sessions.locate(uri);
    if (!at) return;
    const changed = text === undefined ? at.session.closeDocument(at.path) : at.session.setOpenText(at.path, text);
    if (!changed) return;
    // The other folders of a multi-root workspace see this one's documents.
    sessions.linkPeers();
    indexing.documentsChanged();
  };
  // The text is read when the work runs, not captured now: a closed document's text is then
  // referenced by nothing, and a burst of changes reads only the latest.
  documents.onDidOpen((e) => readiness.queue('didOpen', () => editorText(e.document.uri, documents.get(e.document.uri)?.getText())));
  documents.onDidChangeContent((e) => readiness.queue('didChange', () => editorText(e.document.uri, documents.get(e.document.uri)?.getText())));
  documents.onDidClose((e) => readiness.queue('didClose', () => editorText(e.document.uri, undefined)));

  connection.onDidChangeWatchedFiles((params) => {
    readiness.queue('file changes', () => {
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
