/**
 * The This File view: the goals, projects and decisions that govern the active editor's file, each
 * with why (cited on a line, `applies-to`, a rule) and the project and goal chain it serves; then
 * the requirement items the file covers by coverage tags.
 */
import * as vscode from 'vscode';
import type { CoveredRequirement, DocumentSummary } from '../../server/src/protocol';
import { groupByDocument, governingReason, type ActiveFileGoverning, type GoverningDocument } from './activeFileGoverning';
import { documentDescription, documentLabel, documentTooltip, statusIcon } from './documentPresentation';
import { governingGroups, type GoverningGroup } from './governingGroups';

export const thisFileViewId = 'rationale.thisFile';

type ThisFileElement =
  | { type: 'group'; group: GoverningGroup }
  | { type: 'governing'; governing: GoverningDocument }
  | { type: 'chain'; document: DocumentSummary; role: 'project' | 'goal' }
  | { type: 'citation'; uri: string; line: number }
  | { type: 'covers'; uri: string; covered: CoveredRequirement };

export class ThisFileView implements vscode.TreeDataProvider<ThisFileElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly treeView: vscode.TreeView<ThisFileElement>;
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly active: ActiveFileGoverning,
    /** The document stored in a file, if it is one (documents are not governed; they govern). */
    private readonly documentAt: (uri: string) => DocumentSummary | undefined,
  ) {
    this.treeView = vscode.window.createTreeView(thisFileViewId, { treeDataProvider: this });
    this.disposables.push(
      this.treeView,
      active.onDidChange(() => this.redraw()),
      this.treeView.onDidChangeVisibility((e) => e.visible && this.redraw()),
    );
    this.redraw();
  }

  getChildren(element?: ThisFileElement): ThisFileElement[] {
    const state = this.active.current;
    if (!element) {
      return [
        ...governingGroups(groupByDocument(state.entries)).map((group): ThisFileElement => ({ type: 'group', group })),
        ...state.covered.map((covered): ThisFileElement => ({ type: 'covers', uri: state.uri?.toString() ?? '', covered })),
      ];
    }
    if (element.type === 'group') return element.group.documents.map((governing) => ({ type: 'governing', governing }));
    if (element.type !== 'governing') return [];
    const { entry, lines } = element.governing;
    return [
      ...lines.map((line): ThisFileElement => ({ type: 'citation', uri: state.uri?.toString() ?? '', line })),
      ...entry.projects.map((document): ThisFileElement => ({ type: 'chain', document, role: 'project' })),
      ...entry.goals.map((document): ThisFileElement => ({ type: 'chain', document, role: 'goal' })),
    ];
  }

  getTreeItem(element: ThisFileElement): vscode.TreeItem {
    switch (element.type) {
      case 'group': {
        const item = new vscode.TreeItem(element.group.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${element.group.key}`;
        item.description = element.group.description;
        item.contextValue = 'governingGroup';
        return item;
      }
      case 'governing': {
        const g = element.governing;
        const doc = g.entry.document;
        const hasChildren = g.lines.length + g.entry.projects.length + g.entry.goals.length > 0;
        const item = new vscode.TreeItem(documentLabel(doc), hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
        item.iconPath = statusIcon(doc);
        item.description = [documentDescription(doc), governingReason(g)].filter(Boolean).join(' — ');
        item.tooltip = documentTooltip(doc, `Governs this file: ${governingReason(g)}.`);
        item.contextValue = doc.kind;
        item.command = { title: 'Open', command: 'rationale.openDocument', arguments: [doc.uri] };
        return item;
      }
      case 'chain': {
        const doc = element.document;
        const item = new vscode.TreeItem(documentLabel(doc), vscode.TreeItemCollapsibleState.None);
        item.iconPath = statusIcon(doc);
        item.description = [element.role === 'project' ? 'serves project' : 'serves goal', documentDescription(doc)].filter(Boolean).join(' · ');
        item.tooltip = documentTooltip(doc);
        item.contextValue = doc.kind;
        item.command = { title: 'Open', command: 'rationale.openDocument', arguments: [doc.uri] };
        return item;
      }
      case 'covers': {
        const { covered } = element;
        const r = covered.requirement;
        const item = new vscode.TreeItem(`Covers ${covered.target}`, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(r ? 'pass' : 'warning');
        item.description = r
          ? [r.title, `${covered.type} · line ${covered.line + 1}`, `${r.covered}/${r.needed} covered`].filter(Boolean).join(' — ')
          : `${covered.type} · line ${covered.line + 1} — no such item`;
        item.tooltip = r ? `${r.id}${r.title ? `: ${r.title}` : ''}\nCovered ${r.covered} of ${r.needed} needed types${r.missing.length ? `; missing ${r.missing.join(', ')}` : ''}.` : `No specification item has the id ${covered.target}.`;
        item.contextValue = 'requirement';
        // The item when it exists (where to read what is asked), else the tag itself (to fix it).
        const [uri, line] = r ? [vscode.Uri.parse(r.uri), r.line] : [vscode.Uri.parse(element.uri), covered.line];
        const selection = new vscode.Range(line, 0, line, 0);
        item.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection } satisfies vscode.TextDocumentShowOptions] };
        return item;
      }
      case 'citation': {
        const uri = vscode.Uri.parse(element.uri);
        const item = new vscode.TreeItem(`Cited on line ${element.line + 1}`, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('comment');
        const selection = new vscode.Range(element.line, 0, element.line, 0);
        item.command = { title: 'Go to line', command: 'vscode.open', arguments: [uri, { selection } satisfies vscode.TextDocumentShowOptions] };
        return item;
      }
    }
  }

  /** Every row as the view shows it, for the in-host tests: `label — description`, indented by depth. */
  rows(): string[] {
    const out: string[] = [];
    const walk = (element: ThisFileElement | undefined, depth: number) => {
      for (const child of this.getChildren(element)) {
        const item = this.getTreeItem(child);
        const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
        out.push(`${'  '.repeat(depth)}${label}${item.description ? ` — ${String(item.description)}` : ''}`);
        walk(child, depth + 1);
      }
    };
    walk(undefined, 0);
    return out;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }

  private redraw(): void {
    const state = this.active.current;
    const count = groupByDocument(state.entries).length + state.covered.length;
    this.treeView.description = state.uri ? vscode.workspace.asRelativePath(state.uri) : undefined;
    const itself = state.uri ? this.documentAt(state.uri.toString()) : undefined;
    this.treeView.message = !state.uri
      ? 'Open a file to see the goals, projects and decisions that govern it.'
      : count > 0 || state.loading
        ? undefined
        : itself
          ? `This file is ${itself.kind} ${itself.id} itself. Find All References on its id lists the code and documents that cite it.`
          : 'Nothing governs this file: no annotation cites a decision and no applies-to glob matches it.';
    this.changed.fire(undefined);
  }
}
