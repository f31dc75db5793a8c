import type { ReadProblem, Workspace } from '../../workspace/workspace.js';

/**
 * A workspace with one file's text replaced (or added) in memory: how `check_file` checks content
 * an agent proposes without writing it. Everything else reads through to the host's workspace, and
 * the listing is the host's own array whenever the file is already in it, so the index update that
 * follows knows the file list is unchanged without comparing it.
 */
export class OverlayWorkspace implements Workspace {
  private listing: readonly string[] | undefined;

  constructor(private readonly base: Workspace, private readonly path: string, private readonly text: string) {}

  listFiles(): readonly string[] {
    if (this.listing) return this.listing;
    const files = this.base.listFiles();
    this.listing = files.includes(this.path) || this.base.exists(this.path) === 'file' ? files : [...files, this.path].sort();
    return this.listing;
  }

  readText(path: string): string | undefined {
    return path === this.path ? this.text : this.base.readText(path);
  }

  readProblem(path: string): ReadProblem | undefined {
    return path === this.path ? undefined : this.base.readProblem?.(path);
  }

  exists(path: string): 'file' | 'directory' | undefined {
    return path === this.path ? 'file' : this.base.exists(path);
  }
}
