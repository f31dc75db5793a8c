import * as fs from 'node:fs';
import * as nodePath from 'node:path';

/**
 * Which folders holding documents changed since the last look, so a long-running host re-stats the
 * documents of those folders only, not every document before every call. One `fs.watch` per folder,
 * unreferenced (it never keeps the process alive). When watching is unavailable or fails, every
 * folder counts as changed from then on: slower, never stale.
 */
export class DocumentFolderWatch {
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private dirty = new Set<string>();
  private failed = false;

  constructor(private readonly root: string, private readonly log: (message: string) => void) {}

  /** Watches these workspace-relative folders too. */
  watch(folders: Iterable<string>): void {
    for (const folder of folders) {
      if (this.failed || this.watchers.has(folder)) continue;
      try {
        const watcher = fs.watch(nodePath.join(this.root, folder), () => this.dirty.add(folder));
        watcher.on('error', (e) => this.fail(`watching ${folder || '.'} failed (${e.message})`));
        watcher.unref();
        this.watchers.set(folder, watcher);
      } catch (e) {
        this.fail(`cannot watch ${folder || '.'} (${(e as Error).message})`);
      }
    }
  }

  /** The folders that changed since the last call, or `all` once watching has failed. */
  takeChanged(): ReadonlySet<string> | 'all' {
    if (this.failed) return 'all';
    const changed = this.dirty;
    this.dirty = new Set();
    return changed;
  }

  close(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  // Said once, then every document is stat'ed before each call: correct, only slower.
  private fail(why: string): void {
    if (!this.failed) this.log(`${why}; documents are now checked for changes before every call`);
    this.failed = true;
    this.close();
  }
}
