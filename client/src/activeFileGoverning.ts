/**
 * What governs the file in the active editor, fetched once and shared by the This File view and the
 * status bar item, so switching editors costs one request, not one per consumer.
 */
import * as vscode from 'vscode';
import type { CoveredRequirement, GoverningEntry } from '../../server/src/protocol';
import type { RationaleServer } from './rationaleServer';

export interface ActiveFileState {
  /** The file asked about; undefined when no editor shows a file on disk. */
  uri?: vscode.Uri;
  entries: GoverningEntry[];
  /** The coverage tags in the file, with the requirement items they cover. */
  covered: CoveredRequirement[];
  /** True while the answer for `uri` is still on its way. */
  loading: boolean;
}

export class ActiveFileGoverning implements vscode.Disposable {
  private state: ActiveFileState = { entries: [], covered: [], loading: false };
  private readonly emitter = new vscode.EventEmitter<ActiveFileState>();
  private readonly disposables: vscode.Disposable[] = [];
  private pending: vscode.CancellationTokenSource | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  readonly onDidChange = this.emitter.event;

  constructor(private readonly server: RationaleServer) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      server.onIndexed(() => void this.refresh()),
      server.onDidChangeRunning(() => void this.refresh()),
      // Typing an annotation changes what governs the file; wait for a pause in typing.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== vscode.window.activeTextEditor?.document || e.contentChanges.length === 0) return;
        if (this.typingTimer) clearTimeout(this.typingTimer);
        this.typingTimer = setTimeout(() => void this.refresh(), 600);
      }),
    );
  }

  get current(): ActiveFileState {
    return this.state;
  }

  async refresh(): Promise<void> {
    this.pending?.cancel();
    const editor = vscode.window.activeTextEditor;
    const uri = editor?.document.uri;
    if (!uri || uri.scheme !== 'file' || !this.server.isRunning) {
      this.set({ uri: uri?.scheme === 'file' ? uri : undefined, entries: [], covered: [], loading: false });
      return;
    }
    const cts = new vscode.CancellationTokenSource();
    this.pending = cts;
    const sameFile = this.state.uri?.toString() === uri.toString();
    // Keep showing the old answer for the same file while the new one loads: no flicker.
    this.set({ uri, entries: sameFile ? this.state.entries : [], covered: sameFile ? this.state.covered : [], loading: true });
    try {
      const [entries, covered] = await Promise.all([
        this.server.governing({ uri: uri.toString() }, cts.token),
        this.server.coveredRequirements({ uri: uri.toString() }, cts.token),
      ]);
      if (cts.token.isCancellationRequested) return;
      this.set({ uri, entries, covered, loading: false });
    } catch {
      // Cancelled, or the server is (re)starting: the next event asks again.
      if (!cts.token.isCancellationRequested) this.set({ uri, entries: [], covered: [], loading: false });
    } finally {
      if (this.pending === cts) this.pending = undefined;
      cts.dispose();
    }
  }

  dispose(): void {
    this.pending?.cancel();
    if (this.typingTimer) clearTimeout(this.typingTimer);
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }

  /**
   * The answer for `uri` once none is loading. A refresh started meanwhile (the index changed, the
   * editor moved) cancels ours; waiting for the state to settle keeps a command from reading the
   * empty "loading" state as "nothing governs this file".
   */
  async settled(uri: vscode.Uri): Promise<ActiveFileState> {
    const key = uri.toString();
    if (this.state.uri?.toString() !== key || !this.state.loading) await this.refresh();
    while (this.state.uri?.toString() === key && this.state.loading) {
      await new Promise<void>((resolve) => {
        const once = this.onDidChange(() => {
          once.dispose();
          resolve();
        });
      });
    }
    return this.state;
  }

  private set(state: ActiveFileState): void {
    this.state = state;
    this.emitter.fire(state);
  }
}

/** A document governing the file, with every way it does (the server lists each way separately). */
export interface GoverningDocument {
  entry: GoverningEntry;
  vias: GoverningEntry['via'][];
  /** Lines of the annotations citing it, in file order. */
  lines: number[];
}

/** One item per document: a decision cited in the file and also in scope is listed once. */
export function groupByDocument(entries: readonly GoverningEntry[]): GoverningDocument[] {
  const byKey = new Map<string, GoverningDocument>();
  for (const e of entries) {
    const key = `${e.document.uri}#${e.document.id}`;
    let g = byKey.get(key);
    if (!g) {
      g = { entry: e, vias: [], lines: [] };
      byKey.set(key, g);
    }
    if (!g.vias.includes(e.via)) g.vias.push(e.via);
    if (e.line !== undefined && !g.lines.includes(e.line)) g.lines.push(e.line);
  }
  for (const g of byKey.values()) g.lines.sort((a, b) => a - b);
  return [...byKey.values()];
}

/** `cited on line 12`, `its rule scopes src/ui/**`: why the document governs the file, for descriptions (the server words it). */
export function governingReason(g: GoverningDocument): string {
  return g.vias
    .map((v) => (v === 'annotation' && g.lines.length ? `cited on line ${g.lines.map((l) => l + 1).join(', ')}` : v === g.entry.via ? g.entry.reason : v))
    .join(' · ');
}
