import { randomUUID } from 'node:crypto';
import * as nodePath from 'node:path';
import { URI } from 'vscode-uri';
import { createCheckContext, findingsForFile, withIndex, type CheckContext, type FileCheckResult } from '../core/checks/checkWorkspace.js';
import { recheckSteps, ruleFindingsOf, type RecheckResult } from '../core/checks/recheckSteps.js';
import { SlicedWork, slicePace } from './slicedWork.js';
import { runSteps, runStepsPaced } from '../core/base/steps.js';
import { groupFindingsByPath, type Finding } from '../core/base/finding.js';
import { indexAndCheck } from '../core/checks/indexAndCheck.js';
import { baselineFileName, isBaselined, lineTextReader, markBaselined, readBaselineFile, type BaselineFile, type LineTextOf } from '../core/checks/baseline.js';
import { debtByDecision, type DecisionDebt } from '../core/checks/decisionDebt.js';
import type { Workspace } from '../core/workspace/workspace.js';
import { buildIndex, isDiscoveryFile, resolveLink, updateIndex, withSources, type IndexProgress, type WorkspaceIndex } from '../core/index/workspaceIndex.js';
import { configFileName, parseConfig } from '../core/workspace/config.js';
import { openSources, sourceFilePath, type OpenedSources } from '../node/sourceWorkspaces.js';
import { collectSourceDocuments, type SourceDocuments } from '../core/index/sourceDocuments.js';
import type { RationaleDocument } from '../core/documents/document.js';
import { joinablePeers, joinSources, peersStamp, type FolderPath, type PeerFolder } from './peerFolder.js';
import { CheckCacheStore } from '../node/checkCacheStore.js';
import { NodeWorkspace } from '../node/nodeWorkspace.js';
import { utcToday } from '../node/today.js';
import { paranoidIndex } from '../node/paranoidIndex.js';
import { createLanguageService, type LanguageService } from '../core/features/languageService.js';

/** The file system under one folder as a session reads it (NodeWorkspace; tests may wrap it). */
/** The files on disk; `listFilesSteps`, when there, lists them a folder at a time (see NodeWorkspace). */
export type DiskWorkspace = Workspace & { invalidate(): void; listFilesSteps?(): Generator<void, readonly string[]> };

export interface WorkspaceSessionOptions {
  /** Files larger than this, on disk or open in the editor, are not indexed (default 1 MiB). */
  maxFileSizeBytes?: number;
  /** Where the persistent check cache lives, and the version that must have written it; none: no cache. */
  cache?: { folder: string; toolVersion: string };
  /** The folder's files on disk; default a NodeWorkspace on the folder. */
  disk?: (root: string) => DiskWorkspace;
  /** Today as `YYYY-MM-DD` (review-by checks); default the clock's UTC date. */
  today?: () => string;
  /** Ripgrep's executable: start-up then reads only the code files that may hold something to check. */
  ripgrep?: string;
  /** Days ahead the exception quick fix's end date lies (`rationale.exceptions.defaultDays`). */
  exceptionDays?: number;
  /** Why the check cache could not be written (it is written in the background after each full index). */
  onCacheProblem?: (message: string) => void;
}

const defaultMaxFileSizeBytes = 1024 * 1024;

/**
 * One workspace folder as the server sees it: files on disk overlaid with the editor's open
 * documents, and the current index snapshot. Every change produces a new snapshot by diff.
 */
export class WorkspaceSession {
  readonly root: string;
  readonly rootUri: string;
  private readonly disk: DiskWorkspace;
  private readonly overlay = new Map<string, string>();
  /**
   * Open documents above the size limit, with their size: never indexed (a 20 MB document would
   * hold up every request while it is parsed), and their text is not kept here at all.
   */
  private readonly tooLarge = new Map<string, number>();
  private readonly maxFileSizeBytes: number;
  private readonly today: () => string;
  /** `RATIONALE_PARANOID=1`: every update is checked against a rebuild (the tests switch it on). */
  private readonly paranoid = paranoidIndex();
  private current: WorkspaceIndex | undefined;
  /** The folders named in `.rationale.json` `sources`, read at each full reindex. */
  private sources: OpenedSources | undefined;
  /** The other folders of a multi-root workspace, joined like sources (see PeerFolder). */
  private peers: readonly PeerFolder[] = [];
  /** The peers' documents as the current snapshot joined them. */
  private joinedPeers = '';
  /** Bumped whenever this folder's own documents change; peers compare it to know. */
  documentsVersion = 0;
  private listing: readonly string[] | undefined;
  private context: CheckContext | undefined;
  /**
   * Workspace-wide findings by file. A code edit leaves rules and documents as they were, so only
   * the edited files are checked again; a document edit invalidates everything.
   */
  private workspaceFindingsByPath: Map<string, Finding[]> | undefined;
  /** Each code file's rule findings under the rules with `key`: reused when a document edit leaves the rules as they were. */
  private ruleFindings: { key: string; byPath: Map<string, Finding[]> } | undefined;
  /** The check cache is written in slices after each full index: encoding 100,000 entries takes seconds. */
  private readonly cacheSave: SlicedWork<string | undefined>;
  /** What the first hover would build, built in slices after a full index or a change of the file list. */
  private readonly warm = new SlicedWork<void>(() => undefined);
  /** After a document edit, the whole folder is checked again in slices, in the background. */
  private readonly recheck: SlicedWork<RecheckResult & { rulesKey: string; newReports: ReadonlyMap<string, readonly Finding[]> }>;
  private readonly dirty = new Set<string>();
  /** `.rationale-baseline.json` as last read: undefined until asked, and again once it changed. */
  private baselineFile: BaselineFile | undefined;
  /** The baseline changed since the workspace reports were made: every file's marks may differ. */
  private baselineDirty = false;
  private workspaceResult: { index: WorkspaceIndex; findings: Finding[] } | undefined;
  /**
   * Each file's workspace findings with a result id that changes only when they do, so the
   * client's repeated workspace pulls (VS Code asks every 2 s) are answered `unchanged` without
   * converting or hashing anything.
   */
  private readonly reports = new Map<string, WorkspaceFileReport>();
  private reportCounter = 0;
  /** Distinguishes this server's result ids from those a client kept from an earlier server. */
  private readonly reportEpoch = randomUUID().slice(0, 8);
  /** Bumped on every new snapshot; lets caches and the client tell snapshots apart. */
  version = 0;
  /**
   * While a reindex runs: the files edited meanwhile. Their edits reach the overlay at once (what
   * the reindex has not read yet, it reads with them) and are applied again on its result.
   */
  private editedWhileIndexing: Set<string> | undefined;
  /**
   * True while the snapshot holds the documents only: at start-up, requests are answered as soon as
   * the goals, projects and decisions are read, while code files are still being scanned.
   */
  partial = false;
  private readonly firstSnapshot: Promise<void>;
  private firstSnapshotReady!: () => void;

  readonly workspace: Workspace;
  /** Hover, completion, navigation and the custom requests, over this folder's current snapshot. */
  readonly features: LanguageService;

  private readonly cacheStore: CheckCacheStore | undefined;
  /** Why the cache could not be read at the last full index, for the log. */
  cacheProblem: string | undefined;

  constructor(rootUri: string, options: WorkspaceSessionOptions = {}) {
    this.rootUri = rootUri.replace(/\/$/, '');
    this.root = URI.parse(rootUri).fsPath;
    this.maxFileSizeBytes = options.maxFileSizeBytes ?? defaultMaxFileSizeBytes;
    this.today = options.today ?? (() => utcToday());
    this.disk = options.disk?.(this.root) ?? new NodeWorkspace(this.root, { maxFileSizeBytes: this.maxFileSizeBytes, ripgrep: options.ripgrep });
    this.cacheStore = options.cache ? new CheckCacheStore(this.root, options.cache.toolVersion, options.cache.folder) : undefined;
    this.workspace = {
      // Open documents count even before the watcher reports them on disk (a file a command just created).
      listFiles: () => {
        if (!this.listing) {
          const disk = this.tooLarge.size ? this.disk.listFiles().filter((p) => !this.tooLarge.has(p)) : this.disk.listFiles();
          const extra = [...this.overlay.keys()].filter((p) => !disk.includes(p));
          this.listing = extra.length ? [...disk, ...extra].sort() : disk;
        }
        return this.listing;
      },
      // An oversized open document reads as nothing, like an oversized file on disk.
      readText: (p) => (this.tooLarge.has(p) ? undefined : (this.overlay.get(p) ?? this.disk.readText(p))),
      exists: (p) => (this.overlay.has(p) || this.tooLarge.has(p) ? 'file' : this.disk.exists(p)),
      // Open documents are read from the editor, and oversized ones get their own finding (tooLargeFinding).
      readProblem: (p) => (this.overlay.has(p) || this.tooLarge.has(p) ? undefined : this.disk.readProblem?.(p)),
      // An open document's text is not what is on disk: no stamp, so it is always read.
      stamp: (p) => (this.overlay.has(p) || this.tooLarge.has(p) ? undefined : this.disk.stamp?.(p)),
      // Ripgrep searches the disk: an open document is never spared on what its file on disk holds.
      ...(this.disk.filesMatchingNone ? { filesMatchingNone: (paths, needles) => this.disk.filesMatchingNone!(paths.filter((p) => !this.overlay.has(p) && !this.tooLarge.has(p)), needles) } : {}),
    };
    this.firstSnapshot = new Promise((resolve) => (this.firstSnapshotReady = resolve));
    const onCacheProblem = options.onCacheProblem ?? ((m: string) => process.emitWarning(m));
    this.cacheSave = new SlicedWork((problem) => problem && onCacheProblem(problem));
    this.recheck = new SlicedWork((r) => {
      this.workspaceFindingsByPath = r.findingsByPath;
      this.ruleFindings = { key: r.rulesKey, byPath: r.ruleFindingsByPath };
      this.applyReports(r.newReports, r.findingsByPath);
    });
    this.features = createLanguageService({ workspace: this.workspace, index: () => this.index, uriOf: (p) => this.uriOf(p), today: this.today, exceptionDays: options.exceptionDays });
  }

  get index(): WorkspaceIndex {
    if (!this.current) {
      this.sources = this.readSources();
      const own = buildIndex(this.workspace);
      const sources = this.joinedSources();
      this.setIndex(sources ? withSources(own, sources) : own);
      this.documentsVersion++;
    }
    return this.current!;
  }

  /** After an edit of `.rationale.json`, the sources it names now, read again; else the index as it is. */
  private withCurrentSources(index: WorkspaceIndex, touched: readonly string[]): WorkspaceIndex {
    if (!touched.includes(configFileName)) return index;
    this.sources = this.readSources();
    return withSources(index, this.joinedSources() ?? collectSourceDocuments([]));
  }

  /** The configured sources and the peers not shadowed by one, as the snapshot's source documents. */
  private joinedSources(): SourceDocuments | undefined {
    const peers = joinablePeers(this.peers, this.sources);
    this.joinedPeers = peersStamp(peers);
    return joinSources(this.root, this.sources, peers);
  }

  /** Where each of one of this folder's documents' links leads, as this folder resolves it. */
  linkTargets(doc: RationaleDocument): (FolderPath | undefined)[] {
    const index = this.index;
    return doc.links.map((link) => {
      const target = resolveLink(index, link, link.type === 'project' ? 'project' : link.type === 'goal' ? 'goal' : 'decision');
      if (!target) return undefined;
      if (!target.source) return { root: this.root, path: target.path };
      const peer = this.peers.find((p) => p.name === target.source!.name);
      return peer ? { root: peer.root, path: target.source.path } : undefined;
    });
  }

  /** The real folders of the configured sources that were read (watched for changes by the server). */
  sourceFolders(): string[] {
    return [...(this.sources?.folders.values() ?? [])];
  }

  /** A file in a configured source changed on disk: the sources are read again. Returns whether any were configured. */
  reloadSources(): boolean {
    if (!this.current || !this.sources) return false;
    this.sources = this.readSources();
    this.setIndex(withSources(this.current, this.joinedSources() ?? collectSourceDocuments([])));
    this.documentsEdited();
    return true;
  }

  /** This folder's own documents as the current snapshot has them; none before the first index. */
  ownDocuments(): Iterable<RationaleDocument> {
    return this.current?.documents.values() ?? [];
  }

  /**
   * The other folders of the workspace changed (added, removed, or their documents edited). Returns
   * whether this folder's model changed: then its findings are all checked again, since an id here
   * may now resolve, or no longer, to a document there.
   */
  setPeers(peers: readonly PeerFolder[]): boolean {
    this.peers = peers;
    if (!this.current || (this.joinedPeers === '' && joinablePeers(peers, this.sources).length === 0)) return false;
    this.setIndex(withSources(this.current, this.joinedSources() ?? collectSourceDocuments([])));
    this.documentsEdited();
    return true;
  }

  /**
   * The documents of the configured sources, read as the CLI reads them; their problems (a missing
   * folder, an unreadable one inside a source) become `invalid-config` findings of this folder.
   */
  private readSources(): OpenedSources | undefined {
    const { config } = parseConfig(this.workspace.exists(configFileName) === 'file' ? this.workspace.readText(configFileName) : undefined);
    return config.sources.length > 0 ? openSources(this.root, config.sources, { maxFileSizeBytes: this.maxFileSizeBytes }) : undefined;
  }

  get isIndexed(): boolean {
    return this.current !== undefined;
  }

  /** The current snapshot, or undefined before the first (unlike `index`, never builds one). */
  get snapshot(): WorkspaceIndex | undefined {
    return this.current;
  }

  /** Resolves once there is a snapshot to answer from: the documents at least (see `partial`). */
  whenAnswerable(): Promise<void> {
    return this.current ? Promise.resolve() : this.firstSnapshot;
  }

  /**
   * Indexes and checks the whole folder in one pass (the CLI's), in steps so requests are served
   * meanwhile, reusing the persistent cache for files unchanged since the last run.
   */
  async reindex(onProgress?: IndexProgress): Promise<WorkspaceIndex> {
    this.disk.invalidate();
    this.listing = undefined;
    this.baselineFile = undefined;
    const cache = this.cacheStore?.load();
    // Logged by the indexing that called us, like a cache that could not be written.
    const loadProblem = this.cacheStore?.loadProblem;
    this.sources = this.readSources();
    const edited = (this.editedWhileIndexing = new Set());
    let r;
    try {
      // The walk of a large tree holds the thread for a second: requests are served meanwhile.
      if (this.disk.listFilesSteps) await runStepsPaced(this.disk.listFilesSteps(), slicePace());
      r = await this.indexAndCheck(cache, onProgress);
    } finally {
      this.editedWhileIndexing = undefined;
    }
    this.partial = false;
    if (cache) this.cacheSave.start(this.cacheStore!.saveSteps(cache));
    this.cacheProblem = loadProblem;
    this.setIndex(r.index);
    this.documentsVersion++;
    this.context = r.context;
    this.ruleFindings = { key: r.context.rules.key, byPath: new Map(r.ruleFindingsByPath) };
    this.recheck.cancel();
    this.workspaceFindingsByPath = groupFindingsByPath(r.result.findings);
    this.refreshReports(this.workspaceFindingsByPath.keys(), true);
    this.dirty.clear();
    if (edited.size > 0) this.applyDiff(...this.existingAndGone(edited));
    this.warm.start(this.features.prepare());
    return this.index;
  }

  /** The one pass of `reindex`; the documents' index is answered from at once when there is no other yet. */
  private indexAndCheck(cache: ReturnType<CheckCacheStore['load']> | undefined, onProgress: IndexProgress | undefined) {
    return indexAndCheck(this.workspace, {
      cache,
      sources: this.joinedSources(),
      today: this.today(),
      pace: slicePace(),
      onDocumentIndex: (docIndex) => {
        if (this.current) return;
        this.partial = true;
        this.setIndex(docIndex);
      },
      // The document pass reports over the whole listing too; it is the `parse` phase here.
      onIndexProgress: (done, total, phase) => onProgress?.(done, total, phase === 'discover' ? 'discover' : 'parse'),
      onProgress: (done, total) => onProgress?.(done, total, 'scan'),
    });
  }

  /** Edited paths, as the files that still exist (changed) and those that are gone (deleted). */
  private existingAndGone(paths: Iterable<string>): [string[], string[]] {
    const changed: string[] = [];
    const gone: string[] = [];
    for (const p of paths) (this.workspace.exists(p) === 'file' ? changed : gone).push(p);
    return [changed, gone];
  }

  /** Workspace-relative path of a URI inside this folder, or undefined. */
  relative(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const fsPath = URI.parse(uri).fsPath;
    const rel = nodePath.relative(this.root, fsPath);
    if (!rel || rel.startsWith('..') || nodePath.isAbsolute(rel)) return undefined;
    return rel.split(nodePath.sep).join('/');
  }

  uriOf(path: string): string {
    // A source's document (`strategy:goals/3.md`) lives in its own folder, outside this one.
    const doc = this.current?.sources?.documents.get(path);
    const file = doc && this.sources ? sourceFilePath(this.sources, doc) : undefined;
    if (file) return URI.file(file).toString();
    const peer = doc?.source && this.peers.find((p) => p.name === doc.source!.name);
    if (peer) return URI.file(nodePath.join(peer.root, doc.source!.path)).toString();
    return URI.file(nodePath.join(this.root, path)).toString();
  }

  /** The path this folder knows a document's URI by: its own, or a source's or peer's qualified one. */
  documentPathOf(uri: string): string | undefined {
    const own = this.relative(uri);
    if (own !== undefined) return this.index.documents.has(own) ? own : undefined;
    for (const path of this.index.sources?.documents.keys() ?? []) if (this.uriOf(path) === uri) return path;
    return undefined;
  }

  textOf(path: string): string | undefined {
    return this.workspace.readText(path);
  }

  /** The editor opened or changed a document. Returns whether any goal, project or decision changed. */
  setOpenText(path: string, text: string): boolean {
    const size = utf8Size(text, this.maxFileSizeBytes);
    if (size > this.maxFileSizeBytes) {
      const known = this.tooLarge.has(path);
      this.tooLarge.set(path, size);
      if (known) return false;
      this.overlay.delete(path);
      this.listing = undefined;
      return this.applyDiff([path], []);
    }
    // Back under the limit: an oversized document is never in the overlay, so it is added below.
    this.tooLarge.delete(path);
    if (this.overlay.get(path) === text) return false;
    if (!this.overlay.has(path)) this.listing = undefined;
    this.overlay.set(path, text);
    return this.applyDiff([path], []);
  }

  /** The editor closed a document: disk is the truth again, and no reference to its text remains. */
  closeDocument(path: string): boolean {
    const wasOpen = this.overlay.delete(path);
    const wasTooLarge = this.tooLarge.delete(path);
    if (!wasOpen && !wasTooLarge) return false;
    this.listing = undefined;
    return this.applyDiff([path], []);
  }

  /** The size of an open document too large to index, or undefined. */
  oversizedOpenDocument(path: string): number | undefined {
    return this.tooLarge.get(path);
  }

  /** Files changed on disk (watcher events). Open documents keep their editor text. */
  diskChanged(changed: string[], created: string[], deleted: string[]): boolean {
    if (created.length || deleted.length) {
      this.disk.invalidate();
      this.listing = undefined;
    }
    const c = [...changed, ...created].filter((p) => !this.overlay.has(p));
    const documentsChanged = this.applyDiff(c, deleted.filter((p) => !this.overlay.has(p)));
    if (created.length || deleted.length) this.warm.start(this.features.prepare());
    return documentsChanged;
  }

  private applyDiff(changed: string[], deleted: string[]): boolean {
    if (this.editedWhileIndexing) {
      for (const p of [...changed, ...deleted]) this.editedWhileIndexing.add(p);
      return false;
    }
    if (!this.current) return true;
    const baselineTouched = [...changed, ...deleted].includes(baselineFileName);
    if (baselineTouched) {
      this.baselineFile = undefined;
      this.baselineDirty = true;
    }
    const before = this.current;
    const touchesDocuments = [...changed, ...deleted].some((p) => isDiscoveryFile(p) || before.documents.has(p));
    const after = this.withCurrentSources(updateIndex(before, this.workspace, changed, deleted, { paranoid: this.paranoid }), [...changed, ...deleted]);
    const documentsChanged = touchesDocuments || [...changed].some((p) => after.documents.has(p));
    this.setIndex(after);
    if (documentsChanged) this.documentsVersion++;
    // Rules and document findings depend only on documents; a code edit keeps them.
    this.context = documentsChanged || !this.context ? undefined : withIndex(this.context, after);
    // Requirement findings cross files (a tag here covers an item there): a change to either re-checks all.
    // Compared by value: a keystroke re-reads the file's tags, usually to the same ones.
    const requirementsChanged = [...changed, ...deleted].some((p) => JSON.stringify(before.requirements.get(p)) !== JSON.stringify(after.requirements.get(p)));
    // The edited files are checked again too: a recheck reusing rule findings has their old ones.
    for (const p of [...changed, ...deleted]) this.dirty.add(p);
    if (documentsChanged || requirementsChanged) this.documentsEdited();
    // Every file's diagnostics may change with the baseline, as with a document: the caller refreshes them.
    return documentsChanged || baselineTouched;
  }

  private setIndex(index: WorkspaceIndex): void {
    this.current = index;
    this.version++;
    this.firstSnapshotReady();
  }

  /**
   * Every file's findings may have changed: they are checked again in the background, in slices, and
   * until that is done the workspace pull waits (`findingsSettled`) while other requests are served.
   */
  private documentsEdited(): void {
    this.context = undefined;
    if (!this.workspaceFindingsByPath) return;
    const session = this;
    this.recheck.start(
      (function* () {
        const ctx = session.checkContext();
        const reuse = session.ruleFindings?.key === ctx.rules.key ? session.ruleFindings.byPath : undefined;
        const result = yield* recheckSteps(ctx, session.workspace, reuse);
        return { ...result, rulesKey: ctx.rules.key, newReports: yield* session.changedReports(result.findingsByPath) };
      })(),
    );
  }

  /** Resolves once the check cache of the last full index is written (or failed to be). */
  cacheWritten(): Promise<void> {
    return this.cacheSave.settled();
  }

  /** Resolves once no background recheck is left. */
  findingsSettled(): Promise<void> {
    return this.recheck.settled();
  }

  checkContext(): CheckContext {
    if (!this.context) this.context = createCheckContext(this.index, this.workspace, { today: this.today() });
    return this.context;
  }

  /** Findings of one file, with the editor's text when it is open; an oversized one gets only that finding. */
  fileFindings(path: string): FileCheckResult {
    const size = this.tooLarge.get(path);
    if (size !== undefined) return { findings: [tooLargeFinding(path, size, this.maxFileSizeBytes)], suppressed: [] };
    const r = findingsForFile(this.checkContext(), path, this.workspace.readText(path));
    return { ...r, findings: [...this.shown(path, r.findings)] };
  }

  private baseline(): BaselineFile {
    this.baselineFile ??= readBaselineFile(this.workspace.exists(baselineFileName) === 'file' ? this.workspace.readText(baselineFileName) : undefined);
    return this.baselineFile;
  }

  /** One file's findings as the editor shows them: those the baseline accepts marked, and the baseline file's own problem on it. */
  private shown(path: string, findings: readonly Finding[], lineTextOf: LineTextOf = lineTextReader(this.workspace)): readonly Finding[] {
    const baseline = this.baseline();
    const own = path === baselineFileName && baseline.problem ? [...findings, baseline.problem] : findings;
    return markBaselined(baseline, path, own, lineTextOf);
  }

  /** Findings of the whole workspace, cached per snapshot (the client polls workspace diagnostics). */
  workspaceFindings(): readonly Finding[] {
    const index = this.index;
    if (this.workspaceResult?.index === index) return this.workspaceResult.findings;
    const byPath = this.currentFindingsByPath();
    const findings = [...byPath.values()].flat();
    this.workspaceResult = { index, findings };
    return findings;
  }

  /**
   * Each decision's open debt over the folder, counted as `rationale check` counts its summary's
   * `byDecision`: the findings as the editor shows them (baselined ones apart), and the findings
   * exceptions excuse, from the files that have exceptions.
   */
  decisionDebt(): Record<string, DecisionDebt> {
    const shown = [...this.workspaceReports().values()].flatMap((r) => r.findings);
    const ctx = this.checkContext();
    const suppressed: Finding[] = [];
    for (const [path, annotations] of ctx.index.annotations) {
      if (annotations.suppressions.length === 0) continue;
      const rules = this.ruleFindings?.key === ctx.rules.key ? (this.ruleFindings.byPath.get(path) ?? []) : ctx.rules.appliesTo(path) ? ruleFindingsOf(ctx, this.workspace, path) : [];
      suppressed.push(...findingsForFile(ctx, path, undefined, { annotations, ruleFindings: rules }).suppressed);
    }
    return debtByDecision(shown.filter((f) => !isBaselined(f)), suppressed, shown.filter(isBaselined));
  }

  /** Each file with findings, and a result id that is the same as long as its findings are. */
  workspaceReports(): ReadonlyMap<string, WorkspaceFileReport> {
    this.currentFindingsByPath();
    return this.reports;
  }

  /** Brings the per-file findings up to date: all of them after a document changed, else only edited files. */
  private currentFindingsByPath(): ReadonlyMap<string, Finding[]> {
    const index = this.index;
    // A caller that cannot wait for the background recheck gets it finished now.
    this.recheck.drain();
    const ctx = this.checkContext();
    if (!this.workspaceFindingsByPath) {
      const r = runSteps(recheckSteps(ctx, this.workspace));
      this.workspaceFindingsByPath = r.findingsByPath;
      this.ruleFindings = { key: ctx.rules.key, byPath: r.ruleFindingsByPath };
      this.refreshReports(this.workspaceFindingsByPath.keys(), true);
    } else if (this.dirty.size > 0 || this.baselineDirty) {
      for (const p of this.dirty) {
        const findings = index.fileSet.has(p) ? this.recheckFile(ctx, p) : [];
        if (findings.length) this.workspaceFindingsByPath.set(p, findings);
        else this.workspaceFindingsByPath.delete(p);
      }
      // A new baseline may mark or unmark findings of any file.
      if (this.baselineDirty) this.refreshReports(this.workspaceFindingsByPath.keys(), true);
      else this.refreshReports(this.dirty, false);
    }
    this.dirty.clear();
    this.baselineDirty = false;
    return this.workspaceFindingsByPath;
  }

  /** One edited file's findings, keeping its rule findings for the next recheck to reuse. */
  private recheckFile(ctx: CheckContext, path: string): Finding[] {
    if (ctx.index.documents.has(path)) return findingsForFile(ctx, path, undefined).findings;
    const rules = ctx.rules.appliesTo(path) ? ruleFindingsOf(ctx, this.workspace, path) : [];
    if (this.ruleFindings?.key === ctx.rules.key) {
      if (rules.length > 0) this.ruleFindings.byPath.set(path, rules);
      else this.ruleFindings.byPath.delete(path);
    }
    return findingsForFile(ctx, path, undefined, { annotations: ctx.index.annotations.get(path), ruleFindings: rules }).findings;
  }

  /**
   * The files whose findings, as the editor shows them, differ from what was reported, compared by
   * value (a recheck usually finds the same), a file at a time: at 100,000 files the comparison
   * alone took most of a second. Reports do not change while a recheck runs (a pull drains it
   * first), so the answer still holds when it ends. An empty list: the file's report goes.
   */
  private *changedReports(findingsByPath: ReadonlyMap<string, Finding[]>): Generator<void, Map<string, readonly Finding[]>> {
    const changed = new Map<string, readonly Finding[]>();
    const lineTextOf = lineTextReader(this.workspace);
    for (const p of this.reportedPaths(findingsByPath.keys())) {
      const findings = this.shown(p, findingsByPath.get(p) ?? [], lineTextOf);
      const old = this.reports.get(p);
      if (findings.length === 0 ? old !== undefined : !old || !sameFindings(old.findings, findings)) changed.set(p, findings);
      yield;
    }
    return changed;
  }

  /** A recheck's result: new result ids where findings changed, and no report where a file has none left. */
  private applyReports(changed: ReadonlyMap<string, readonly Finding[]>, findingsByPath: ReadonlyMap<string, Finding[]>): void {
    for (const [p, findings] of changed) this.setReport(p, findings);
    for (const p of [...this.reports.keys()]) if (!findingsByPath.has(p) && p !== baselineFileName) this.reports.delete(p);
  }

  /**
   * New result ids for the given files whose findings differ from what was reported (compared by
   * value: a recheck usually finds the same). With `all`, files no longer with findings are dropped.
   */
  private refreshReports(paths: Iterable<string>, all: boolean): void {
    const byPath = this.workspaceFindingsByPath!;
    const lineTextOf = lineTextReader(this.workspace);
    const seen = new Set<string>();
    for (const p of this.reportedPaths(paths)) {
      seen.add(p);
      const findings = this.shown(p, byPath.get(p) ?? [], lineTextOf);
      const old = this.reports.get(p);
      if (findings.length > 0 && old && sameFindings(old.findings, findings)) continue;
      this.setReport(p, findings);
    }
    if (all) for (const p of [...this.reports.keys()]) if (!seen.has(p)) this.reports.delete(p);
  }

  /** The given files and the baseline file, once each: the baseline has a finding of its own when it is malformed. */
  private *reportedPaths(paths: Iterable<string>): Generator<string> {
    const seen = new Set<string>();
    for (const p of [...paths, baselineFileName]) {
      if (seen.has(p)) continue;
      seen.add(p);
      yield p;
    }
  }

  private setReport(path: string, findings: readonly Finding[]): void {
    if (findings.length === 0) this.reports.delete(path);
    else this.reports.set(path, { findings, resultId: `${this.reportEpoch}.${++this.reportCounter}` });
  }
}

/**
 * The UTF-8 size of `text`, or any number above `limit` once it is certainly above it. Every UTF-16
 * unit takes at least one byte, so a long text is too large without being encoded at all.
 */
function utf8Size(text: string, limit: number): number {
  return text.length > limit ? text.length : Buffer.byteLength(text, 'utf8');
}

function tooLargeFinding(path: string, size: number, limit: number): Finding {
  return {
    path,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'warning',
    code: 'unreadable-file',
    decision: null,
    message: `This file is too large for Rationale (${size} bytes; the limit, setting rationale.maxFileSizeBytes, is ${limit} bytes): it is not indexed or checked.`,
  };
}

/** One file's workspace findings and the result id the client last got for them. */
export interface WorkspaceFileReport {
  readonly findings: readonly Finding[];
  readonly resultId: string;
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}



