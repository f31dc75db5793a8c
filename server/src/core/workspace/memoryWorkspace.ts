import { normalizePath, type Workspace } from './workspace.js';

/** A workspace held in memory, for tests and for documents not yet saved. */
export class MemoryWorkspace implements Workspace {
  private readonly files = new Map<string, string>();
  /** A write counter per file: the in-memory equivalent of a modification time. */
  private readonly versions = new Map<string, number>();
  private writes = 0;

  constructor(files: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(files)) this.set(p, t);
  }

  set(path: string, text: string): void {
    const p = normalizePath(path);
    if (p === undefined) throw new Error(`path outside the workspace: ${path}`);
    this.files.set(p, text);
    this.versions.set(p, ++this.writes);
  }

  delete(path: string): void {
    this.files.delete(path);
    this.versions.delete(path);
  }

  stamp(path: string): string | undefined {
    const v = this.versions.get(path);
    return v === undefined ? undefined : String(v);
  }

  listFiles(): readonly string[] {
    return [...this.files.keys()].sort();
  }

  readText(path: string): string | undefined {
    return this.files.get(path);
  }

  exists(path: string): 'file' | 'directory' | undefined {
    const p = normalizePath(path);
    if (p === undefined) return undefined;
    if (p === '' ) return 'directory';
    if (this.files.has(p)) return 'file';
    const prefix = `${p}/`;
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return 'directory';
    return undefined;
  }
}
