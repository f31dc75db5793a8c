/**
 * "$(law) 3" in the status bar: how many goals, projects and decisions govern the active file. Hidden
 * when nothing does, so it costs no space in files Rationale has nothing to say about.
 */
import * as vscode from 'vscode';
import { groupByDocument, governingReason, type ActiveFileGoverning } from './activeFileGoverning';
import { escapeMarkdown, statusText } from './documentPresentation';

export class GoverningStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private shown = false;

  constructor(
    private readonly active: ActiveFileGoverning,
    private enabled: boolean,
  ) {
    this.item = vscode.window.createStatusBarItem('rationale.governing', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Rationale: what governs this file';
    this.item.command = 'rationale.showGoverning';
    this.disposables.push(this.item, active.onDidChange(() => this.update()));
    this.update();
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.update();
  }

  /** The item's text while it is shown (StatusBarItem cannot say whether it is). */
  get shownText(): string | undefined {
    return this.shown ? this.item.text : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private update(): void {
    const state = this.active.current;
    const docs = groupByDocument(state.entries);
    // ActiveFileGoverning keeps the last answer while the same file reloads, so this does not blink.
    if (!this.enabled || !state.uri || docs.length === 0) {
      this.item.hide();
      this.shown = false;
      return;
    }
    this.item.text = `$(law) ${docs.length}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.appendMarkdown(`**Governed by ${docs.length} document${docs.length === 1 ? '' : 's'}**\n\n`);
    for (const g of docs.slice(0, 15)) {
      const d = g.entry.document;
      tooltip.appendMarkdown(`- ${escapeMarkdown(d.id)}: ${escapeMarkdown(d.title)}${d.status ? ` (${escapeMarkdown(statusText(d)!)})` : ''}, ${escapeMarkdown(governingReason(g))}\n`);
    }
    if (docs.length > 15) tooltip.appendMarkdown(`- … and ${docs.length - 15} more\n`);
    tooltip.appendMarkdown('\nClick to list them.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Governed by ${docs.length} Rationale document${docs.length === 1 ? '' : 's'}` };
    this.item.show();
    this.shown = true;
  }
}
