import * as nodePath from 'node:path';
import { DidChangeWatchedFilesNotification, type Connection, type Disposable, type FileEvent } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { Sessions } from './sessions.js';

export interface SourceWatchersOptions {
  connection: Connection;
  sessions: Sessions;
  /** Whether the client accepts watcher registrations (read at call time: known after initialize). */
  canRegister(): boolean;
}

/**
 * The folders named in `.rationale.json` `sources` usually lie outside the workspace, where the
 * client's `**` watcher does not reach: each gets a watcher of its own (an LSP relative pattern),
 * re-registered whenever the set of folders changes.
 */
export class SourceWatchers {
  private watched = '';
  private registration: Promise<Disposable | undefined> | undefined;

  constructor(private readonly options: SourceWatchersOptions) {}

  /** Registers watchers for the sources every folder reads now, if they differ from the last ones. */
  update(): void {
    const { connection, sessions } = this.options;
    if (!this.options.canRegister()) return;
    const folders = [...new Set(sessions.all().flatMap((s) => s.sourceFolders()))].sort();
    const key = folders.join('\n');
    if (key === this.watched) return;
    this.watched = key;
    const previous = this.registration;
    this.registration = (async () => {
      (await previous)?.dispose();
      if (folders.length === 0) return undefined;
      const watchers = folders.map((f) => ({ globPattern: { baseUri: URI.file(f).toString(), pattern: '**/*.{md,markdown,mdx,yml,yaml,json}' } }));
      return connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    })().catch((e: unknown) => {
      // Surfaced, not fatal: without the watcher, sources are still read again on every reindex.
      connection.console.warn(`Rationale: could not watch the configured sources: ${(e as Error).message ?? e}`);
      return undefined;
    });
  }

  /** Reads the sources again in every folder that reads a changed file; returns whether any did. */
  changed(events: readonly FileEvent[]): boolean {
    const files = events.map((e) => URI.parse(e.uri).fsPath);
    let any = false;
    for (const s of this.options.sessions.all()) {
      const folders = s.sourceFolders();
      if (files.some((f) => folders.some((d) => f.startsWith(d + nodePath.sep))) && s.reloadSources()) any = true;
    }
    return any;
  }
}
