/** Reindex: rebuilds the server's index from disk, with progress, and says what it found. */
import * as vscode from 'vscode';
import type { IndexedParams } from '../../../server/src/protocol';
import type { RationaleServer } from '../rationaleServer';

export async function reindex(server: RationaleServer): Promise<IndexedParams> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Rationale: reindexing' },
    () => server.reindex(),
  );
  const { counts, files, millis } = result;
  vscode.window.setStatusBarMessage(
    `$(check) Rationale: ${counts.decision} decisions, ${counts.project} projects, ${counts.goal} goals in ${files} files (${millis} ms)`,
    8000,
  );
  return result;
}
