import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgentToolHost, CreateDocument } from '../../core/features/agentTools/agentTool.js';
import { contentHash } from '../../core/base/contentHash.js';
import { createLanguageService, type LanguageService } from '../../core/features/languageService.js';
import { updateIndex, type WorkspaceIndex } from '../../core/index/workspaceIndex.js';
import { isDocumentFileName } from '../../core/workspace/discovery.js';
import { dirname, normalizePath } from '../../core/workspace/workspace.js';
import type { NodeWorkspace } from '../nodeWorkspace.js';
import { DocumentFolderWatch } from './documentFolderWatch.js';

export interface NodeAgentHostOptions {
  workspace: NodeWorkspace;
  /** The index built at start-up. */
  index: WorkspaceIndex;
  today(): string;
  /** The exclusive create of new documents; the host updates its index after each. */
  createDocument?: CreateDocument;
  /** Compare every index update with a rebuild (`RATIONALE_PARANOID`). */
  paranoid?: boolean;
  /** For a long-running host: watch the documents' folders, so a call re-stats only those that changed (and sees new documents in them). */
  watch?: { log(message: string): void };
}

/**
 * The agent tools' host over a folder on disk, for a long-running process (the MCP server): it
 * indexes once, then keeps the index current cheaply. Before each call it re-reads the documents
 * whose size or modification time changed (a stat each, in the folders a watch saw change, or all
 * without one), new documents in those folders, and the file a call names if its text changed;
 * after a document is created, that file. Nothing else is walked again.
 */
/**
 * How often every document is stat'ed again, in case a watch missed a change: a sweep starts at
 * most this often and is spread over the calls that follow, `sweepSlice` documents each, so no one
 * call pays for thousands of stats (12 ms for 2,000 documents, far more on a busy machine). A change
 * a watch missed is seen at worst this long plus a few calls later.
 */
const sweepEveryMs = 2000;
const sweepSlice = 250;

export class NodeAgentHost implements AgentToolHost {
  readonly workspace: NodeWorkspace;
  readonly features: LanguageService;
  readonly createDocument?: CreateDocument;
  private current: WorkspaceIndex;
  private readonly documentStamps = new Map<string, string | undefined>();
  private readonly folders?: DocumentFolderWatch;
  private lastSweep = performance.now();
  /** The documents the current sweep has still to stat. */
  private sweepQueue: string[] = [];

  constructor(private readonly options: NodeAgentHostOptions) {
    this.workspace = options.workspace;
    this.current = options.index;
    this.features = createLanguageService({ workspace: this.workspace, index: () => this.current, uriOf: (p) => `file://${this.workspace.absolute(p) ?? p}`, today: options.today });
    if (options.createDocument) {
      const create = options.createDocument;
      this.createDocument = async (folder, plan) => {
        const file = await create(folder, plan);
        this.workspace.invalidate();
        this.update([file.path], []);
        return file;
      };
    }
    if (options.watch) this.folders = new DocumentFolderWatch(this.workspace.root, options.watch.log);
    this.recordStamps(this.current.documents.keys());
  }

  /** Stops watching (the MCP server closes it). */
  close(): void {
    this.folders?.close();
  }

  index(): WorkspaceIndex {
    return this.current;
  }

  today(): string {
    return this.options.today();
  }

  workspacePath(input: string): string | undefined {
    const raw = input.startsWith('file://') ? fileURLToPath(input) : input;
    const rel = nodePath.relative(this.workspace.root, nodePath.resolve(this.workspace.root, raw));
    if (rel.startsWith('..') || nodePath.isAbsolute(rel)) return undefined;
    return normalizePath(rel.split(nodePath.sep).join('/'));
  }

  /** Brings the index up to date with the documents on disk, and with `path` when a call names one. */
  refresh(path?: string): void {
    const watched = this.folders?.takeChanged() ?? 'all';
    const changed = watched === 'all' ? [] : this.newDocumentsIn(watched);
    const swept = watched === 'all' ? undefined : this.sweepSliceNow();
    const deleted: string[] = [];
    for (const [p, stamp] of this.documentStamps) {
      if (watched !== 'all' && !swept?.has(p) && !watched.has(dirname(p))) continue;
      const now = this.stampOf(p);
      if (now === stamp) continue;
      (now === undefined ? deleted : changed).push(p);
    }
    if (path !== undefined && !changed.includes(path)) {
      const onDisk = this.workspace.exists(path) === 'file';
      // A file created since start-up is not in the listing the index was built from.
      if (onDisk && !this.workspace.listFiles().includes(path)) this.workspace.invalidate();
      if (onDisk && !this.unchanged(path)) changed.push(path);
      else if (!onDisk && this.current.fileSet.has(path)) deleted.push(path);
    }
    if (changed.length || deleted.length) this.update(changed, deleted);
  }

  /** Every document now and then as well, a slice per call: a watch may report late, or miss what a network file system does. */
  private sweepSliceNow(): ReadonlySet<string> {
    if (this.sweepQueue.length === 0 && performance.now() - this.lastSweep > sweepEveryMs) {
      this.lastSweep = performance.now();
      this.sweepQueue = [...this.documentStamps.keys()];
    }
    return new Set(this.sweepQueue.splice(0, sweepSlice));
  }

  /** Whether the file's text is the one the index holds: an update would only make a new snapshot, and drop its caches. */
  private unchanged(path: string): boolean {
    const held = this.current.hashes.get(path);
    if (held === undefined) return false;
    const text = this.workspace.readText(path);
    return text !== undefined && contentHash(text) === held;
  }

  private update(changed: readonly string[], deleted: readonly string[]): void {
    if (deleted.length) this.workspace.invalidate();
    this.current = updateIndex(this.current, this.workspace, changed, deleted, { paranoid: this.options.paranoid });
    for (const p of deleted) this.documentStamps.delete(p);
    this.recordStamps(changed);
  }

  /** Remembers the stamps of those of `paths` that are documents now, and watches their folders. */
  private recordStamps(paths: Iterable<string>): void {
    const folders = new Set<string>();
    for (const p of paths) {
      if (!this.current.documents.has(p)) {
        this.documentStamps.delete(p);
        continue;
      }
      this.documentStamps.set(p, this.stampOf(p));
      folders.add(dirname(p));
    }
    this.folders?.watch(folders);
  }

  /** Document files in changed folders that the index does not hold yet: written since start-up by someone else. */
  private newDocumentsIn(folders: ReadonlySet<string>): string[] {
    const out: string[] = [];
    for (const folder of folders) {
      let names: string[];
      try {
        names = fs.readdirSync(nodePath.join(this.workspace.root, folder));
      } catch {
        continue; // the folder is gone: its documents' stamps say so, and they are dropped
      }
      for (const name of names.filter(isDocumentFileName)) {
        const p = folder ? `${folder}/${name}` : name;
        if (!this.documentStamps.has(p)) out.push(p);
      }
    }
    // The listing the index was built from does not have them.
    if (out.length) this.workspace.invalidate();
    return out;
  }

  /** Size and modification time: a stat, far cheaper than reading the file. */
  private stampOf(path: string): string | undefined {
    const abs = this.workspace.absolute(path);
    try {
      const st = abs === undefined ? undefined : fs.statSync(abs, { throwIfNoEntry: false });
      return st?.isFile() ? `${st.size}:${st.mtimeMs}:${st.ino}` : undefined;
    } catch (e) {
      // Unreachable now (permissions): a stamp of its own, so the update re-reads it and the index
      // reports what reading finds, as the start-up walk would.
      return `error:${(e as NodeJS.ErrnoException).code ?? 'unknown'}`;
    }
  }
}
