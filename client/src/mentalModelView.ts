/**
 * The Mental Model view: goals → projects → decisions → the code that cites them, and an
 * "Unlinked" group for what serves no goal. Built from one `rationale/tree` request per index; the
 * retired-decisions filter is applied while walking the cached answer, so toggling it costs nothing.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CodeLocation, DocumentSummary, RequirementSummary, TreeNode, TreeResult } from '../../server/src/protocol';
import { documentDescription, documentLabel, documentTooltip, isRetired, statusIcon } from './documentPresentation';
import type { RationaleServer } from './rationaleServer';

export const mentalModelViewId = 'rationale.mentalModel';

interface DocumentElement {
  type: 'document';
  key: string;
  node: TreeNode;
  parent?: ModelElement;
  children: ModelElement[];
}

interface UnlinkedElement {
  type: 'unlinked';
  key: string;
  children: DocumentElement[];
}

interface CodeElement {
  type: 'code';
  key: string;
  location: CodeLocation;
  parent: DocumentElement;
}

/** A specification item a project owns, with its coverage. */
interface RequirementElement {
  type: 'requirement';
  key: string;
  requirement: RequirementSummary;
  parent: DocumentElement;
}

export type ModelElement = DocumentElement | UnlinkedElement | CodeElement | RequirementElement;

/** What the welcome content (package.json `viewsWelcome`) should say, as the `rationale.state` context key. */
export type ViewState = 'disabled' | 'indexing' | 'ready' | 'failed';

export class MentalModelView implements vscode.TreeDataProvider<ModelElement>, vscode.Disposable {
  private roots: ModelElement[] = [];
  private result: TreeResult | undefined;
  private showRetired: boolean;
  /** Bumped by every invalidation; the view is current when `loadedGeneration` caught up. */
  private generation = 1;
  private loadedGeneration = 0;
  private loading: Promise<void> | undefined;
  private treesLoaded = 0;
  private documentsByUri = new Map<string, DocumentSummary>();
  private readonly changed = new vscode.EventEmitter<ModelElement | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly treeView: vscode.TreeView<ModelElement>;
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly server: RationaleServer, showRetired: boolean) {
    this.showRetired = showRetired;
    this.treeView = vscode.window.createTreeView(mentalModelViewId, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.treeView,
      server.onIndexed(() => this.invalidate()),
      server.onDidChangeRunning((running) => {
        this.result = undefined;
        this.roots = [];
        void setViewState(running ? 'indexing' : 'disabled');
        this.invalidate();
      }),
      // A hidden view does not fetch: it catches up when it is shown again.
      this.treeView.onDidChangeVisibility((e) => {
        if (e.visible && this.stale) this.changed.fire(undefined);
      }),
    );
    void setViewState(server.isRunning ? 'indexing' : 'disabled');
    void vscode.commands.executeCommand('setContext', 'rationale.tree.showingRetired', showRetired);
  }

  /** Refetch from the server (the refresh button, or after an index). */
  invalidate(): void {
    this.generation++;
    if (this.treeView.visible) this.changed.fire(undefined);
  }

  /** The goal, project or decision stored in a file, as of the last tree loaded. */
  documentAt(uri: string): DocumentSummary | undefined {
    return this.documentsByUri.get(uri);
  }

  setShowRetired(show: boolean): void {
    if (show === this.showRetired) return;
    this.showRetired = show;
    void vscode.commands.executeCommand('setContext', 'rationale.tree.showingRetired', show);
    this.changed.fire(undefined);
  }

  async getChildren(element?: ModelElement): Promise<ModelElement[]> {
    if (!element) {
      await this.load();
      return this.roots.filter((e) => this.visibleElement(e));
    }
    if (element.type === 'code' || element.type === 'requirement') return [];
    return (element.children as ModelElement[]).filter((e) => this.visibleElement(e));
  }

  getParent(element: ModelElement): ModelElement | undefined {
    return element.type === 'unlinked' ? undefined : element.parent;
  }

  getTreeItem(element: ModelElement): vscode.TreeItem {
    switch (element.type) {
      case 'unlinked': {
        const item = new vscode.TreeItem('Unlinked', this.hasGoals() ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.id = element.key;
        item.iconPath = new vscode.ThemeIcon('debug-disconnect');
        item.description = `${element.children.filter((e) => this.visibleElement(e)).length}`;
        item.tooltip = 'Projects that serve no goal and decisions linked to no project or goal.';
        item.contextValue = 'unlinked';
        return item;
      }
      case 'requirement': {
        const r = element.requirement;
        const item = new vscode.TreeItem(`${r.id}: ${r.covered}/${r.needed} covered`, vscode.TreeItemCollapsibleState.None);
        item.id = element.key;
        item.iconPath = new vscode.ThemeIcon(r.covered === r.needed ? 'pass' : 'circle-large-outline');
        item.description = r.title;
        item.tooltip = `${r.id}${r.title ? `: ${r.title}` : ''}\nCovered ${r.covered} of ${r.needed} needed types${r.missing.length ? `; missing ${r.missing.join(', ')}` : ''}.`;
        item.contextValue = 'requirement';
        const selection = new vscode.Range(r.line, 0, r.line, 0);
        item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.parse(r.uri), { selection, preview: true } satisfies vscode.TextDocumentShowOptions] };
        return item;
      }
      case 'code': {
        const { location } = element;
        const uri = vscode.Uri.parse(location.uri);
        const item = new vscode.TreeItem(location.preview || path.basename(uri.fsPath), vscode.TreeItemCollapsibleState.None);
        item.id = element.key;
        // The file icon comes from the path; the query keeps Problems colours and counts off the row
        // (decorations match the exact URI), which would otherwise make a citation look like an error.
        item.resourceUri = uri.with({ query: 'rationale-citation' });
        item.iconPath = vscode.ThemeIcon.File;
        item.description = `${vscode.workspace.asRelativePath(uri)}:${location.line + 1}`;
        item.tooltip = `${vscode.workspace.asRelativePath(uri)}:${location.line + 1}\n${location.preview}`;
        item.contextValue = 'code';
        const selection = new vscode.Range(location.line, 0, location.line, 0);
        item.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection, preview: true } satisfies vscode.TextDocumentShowOptions] };
        return item;
      }
      case 'document': {
        const doc = element.node.document;
        const hasChildren = element.children.some((e) => this.visibleElement(e));
        const state = !hasChildren
          ? vscode.TreeItemCollapsibleState.None
          : doc.kind === 'goal'
            ? vscode.TreeItemCollapsibleState.Expanded
            : vscode.TreeItemCollapsibleState.Collapsed;
        const item = new vscode.TreeItem(documentLabel(doc), state);
        item.id = element.key;
        item.iconPath = statusIcon(doc);
        const debt = element.node.debt;
        // The open debt (findings, exceptions, expired, baselined), in the server's words, as `rationale check` counts it.
        item.description = [documentDescription(doc), debt?.text].filter(Boolean).join(' · ');
        const cited = element.node.code?.length ? `Cited in ${element.node.code.length} place(s) in code.` : '';
        item.tooltip = documentTooltip(doc, [cited, debt ? `Open debt: ${debt.text}.` : ''].filter(Boolean).join(' ') || undefined);
        item.contextValue = `${doc.kind}${isRetired(doc) ? '.retired' : ''}`;
        item.command = { title: 'Open', command: 'rationale.openDocument', arguments: [doc.uri] };
        return item;
      }
    }
  }

  /**
   * Shows the first place a document appears (`rationale.revealInTree`, from hover links). A
   * retired decision hidden by the filter makes the filter show retired decisions.
   */
  async reveal(id: string): Promise<boolean> {
    await this.load();
    const target = this.find(id) ?? this.find(id, (a, b) => a.toLowerCase() === b.toLowerCase());
    if (!target) return false;
    if (target.type === 'document' && isRetired(target.node.document) && !this.showRetired) this.setShowRetired(true);
    await vscode.commands.executeCommand(`${mentalModelViewId}.focus`);
    await this.treeView.reveal(target, { select: true, focus: true, expand: true });
    return true;
  }

  /** How many trees the view has loaded from the server (tests see a refresh happen). */
  get loadCount(): number {
    return this.treesLoaded;
  }

  /** Top-level labels, for tests and the welcome logic. */
  topLevel(): ModelElement[] {
    return this.roots.filter((e) => this.visibleElement(e));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }

  private find(id: string, same: (a: string, b: string) => boolean = (a, b) => a === b): DocumentElement | undefined {
    const queue: ModelElement[] = [...this.roots];
    // Breadth first: the shallowest occurrence is the most telling place to show.
    while (queue.length) {
      const e = queue.shift()!;
      if (e.type === 'document' && same(e.node.document.id, id)) return e;
      if (e.type === 'document' || e.type === 'unlinked') queue.push(...e.children);
    }
    return undefined;
  }

  private hasGoals(): boolean {
    return this.roots.some((e) => e.type === 'document');
  }

  private visibleElement(e: ModelElement): boolean {
    if (e.type === 'document') return this.showRetired || !isRetired(e.node.document);
    if (e.type === 'unlinked') return e.children.some((c) => this.visibleElement(c));
    return true;
  }

  private get stale(): boolean {
    return this.loadedGeneration < this.generation;
  }

  /**
   * Loads until the tree is current. Calls during a load share it; an invalidation that arrives
   * while a request is in flight (the answer may predate the change) triggers one more request.
   */
  private async load(): Promise<void> {
    while (this.stale) {
      this.loading ??= this.fetch().finally(() => (this.loading = undefined));
      await this.loading;
    }
  }

  private async fetch(): Promise<void> {
    const generation = this.generation;
    try {
      await this.fetchTree();
    } finally {
      this.loadedGeneration = Math.max(this.loadedGeneration, generation);
    }
  }

  private async fetchTree(): Promise<void> {
    if (!this.server.isRunning) {
      this.result = undefined;
      this.roots = [];
      this.documentsByUri.clear();
      return;
    }
    try {
      this.result = await this.server.tree();
      this.treesLoaded++;
      this.roots = buildElements(this.result);
      // Keyed by VS Code's own spelling of the URI, which may encode characters differently.
      this.documentsByUri = new Map(flattenDocuments(this.result).map((d) => [vscode.Uri.parse(d.uri).toString(), d]));
      const c = this.result.counts;
      const total = c.goal + c.project + c.decision;
      this.treeView.description = total ? countsText(c) : undefined;
      await vscode.commands.executeCommand('setContext', 'rationale.hasDocuments', total > 0);
      await setViewState('ready');
    } catch (e) {
      this.roots = [];
      // The server restarting or stopping rejects the request; its own events redraw the view.
      if (this.server.isRunning) {
        this.treeView.message = `Could not load the tree: ${(e as Error).message}`;
        await setViewState('failed');
      }
      return;
    }
    this.treeView.message = undefined;
  }
}

function flattenDocuments(result: TreeResult): DocumentSummary[] {
  const out: DocumentSummary[] = [];
  const walk = (nodes: readonly TreeNode[]) => {
    for (const n of nodes) {
      out.push(n.document);
      walk(n.children);
    }
  };
  walk(result.goals);
  walk(result.unlinked);
  return out;
}

function countsText(c: TreeResult['counts']): string {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  return [plural(c.goal, 'goal'), plural(c.project, 'project'), plural(c.decision, 'decision')].join(' · ');
}

function setViewState(state: ViewState): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', 'rationale.state', state);
}

/** The server's tree as view elements with parent links (reveal needs `getParent`) and unique keys. */
export function buildElements(result: TreeResult): ModelElement[] {
  const used = new Set<string>();
  const unique = (key: string) => {
    let k = key;
    for (let i = 2; used.has(k); i++) k = `${key}~${i}`;
    used.add(k);
    return k;
  };
  const documentElement = (node: TreeNode, parentKey: string, parent?: ModelElement): DocumentElement => {
    const el: DocumentElement = { type: 'document', key: unique(`${parentKey}/${node.document.kind}:${node.document.id}`), node, parent, children: [] };
    el.children.push(...node.children.map((c) => documentElement(c, el.key, el)));
    for (const location of node.code ?? []) {
      el.children.push({ type: 'code', key: unique(`${el.key}@${location.uri}:${location.line}`), location, parent: el });
    }
    for (const requirement of node.requirements ?? []) {
      el.children.push({ type: 'requirement', key: unique(`${el.key}#${requirement.id}`), requirement, parent: el });
    }
    return el;
  };
  const roots: ModelElement[] = result.goals.map((g) => documentElement(g, 'goals'));
  if (result.unlinked.length) {
    const group: UnlinkedElement = { type: 'unlinked', key: unique('unlinked'), children: [] };
    group.children.push(...result.unlinked.map((n) => documentElement(n, group.key, group)));
    roots.push(group);
  }
  return roots;
}
