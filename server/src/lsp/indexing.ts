import type { Connection } from 'vscode-languageserver/node';
import { indexedNotification, type IndexedParams } from '../protocol.js';
import type { Sessions } from './sessions.js';
import type { WorkspaceSession } from './workspaceSession.js';

export interface IndexingOptions {
  connection: Connection;
  sessions: Sessions;
  /** Whether the client accepts `workspace/diagnostic/refresh` (read at call time: known after initialize). */
  supportsDiagnosticRefresh(): boolean;
  /** After every index and every settled change (the configured sources may differ). */
  onAnnounce?(): void;
}

/** How long after the last edit the views and diagnostics are told to refresh. */
const changeSettleMillis = 250;

/**
 * Indexes every folder with a progress bar, and tells the client when the documents changed so its
 * views redraw and it pulls diagnostics again.
 */
export class Indexing {
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** While every folder is being indexed: its end announces everything, so changes meanwhile need not. */
  private indexingAll = false;

  constructor(private readonly options: IndexingOptions) {}

  /** Counts over every folder, for the `rationale/indexed` notification and the reindex answer. */
  indexedParams(millis: number): IndexedParams {
    const counts = { goal: 0, project: 0, decision: 0 };
    let files = 0;
    const configErrors: string[] = [];
    for (const s of this.options.sessions.all()) {
      // A folder not indexed yet counts as empty: reading `index` would build it here, synchronously.
      const index = s.snapshot;
      if (!index) continue;
      for (const d of index.documents.values()) counts[d.kind]++;
      files += index.files.length;
      configErrors.push(...index.configErrors);
    }
    return { counts, files, millis, configErrors };
  }

  /** Documents changed: every file's diagnostics may change, and the views must redraw (debounced). */
  documentsChanged(): void {
    if (this.indexingAll) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.announce(0);
    }, changeSettleMillis);
  }

  /** Indexes and checks every folder from disk, reporting progress as one bar. */
  async indexAll(title: string): Promise<IndexedParams> {
    const { connection, sessions } = this.options;
    const started = Date.now();
    this.indexingAll = true;
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin(title, 0, 'listing files…', false);
    try {
      // Each folder sees the others' documents; one indexed before another is brought up to date below.
      sessions.linkPeers();
      for (const s of sessions.all()) {
        await s.reindex((done, total, phase) => {
          // Documents first (they define the rules), then every other file: one bar, two stretches.
          const share = total ? done / total : 0;
          if (phase === 'scan') progress.report(20 + Math.round(share * 80), `checking files ${done}/${total}`);
          else progress.report(Math.round(share * 20), 'reading goals, projects and decisions…');
        });
        if (s.cacheProblem) connection.console.warn(`Rationale: ${s.cacheProblem}`);
      }
      sessions.linkPeers();
    } finally {
      this.indexingAll = false;
      progress.done();
    }
    const params = this.announce(Date.now() - started);
    connection.console.info(`Rationale indexed ${params.counts.decision} decisions, ${params.counts.project} projects and ${params.counts.goal} goals in ${params.files} files (${params.millis} ms).`);
    for (const e of params.configErrors) connection.console.warn(e);
    return params;
  }

  /** Reindexes folders just added to the workspace. */
  async indexFolders(added: readonly WorkspaceSession[]): Promise<void> {
    this.options.sessions.linkPeers();
    for (const s of added) await s.reindex();
    this.options.sessions.linkPeers();
    this.documentsChanged();
  }

  private announce(millis: number): IndexedParams {
    // This announcement covers any change still waiting to be announced.
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    const params = this.indexedParams(millis);
    this.options.onAnnounce?.();
    void this.options.connection.sendNotification(indexedNotification, params);
    if (this.options.supportsDiagnosticRefresh()) void this.options.connection.languages.diagnostics.refresh();
    return params;
  }
}
