/**
 * Show What Governs This File (also the status bar item's click): a quick pick of the documents
 * governing the active file, each opening on accept, plus a way into the This File view.
 */
import * as vscode from 'vscode';
import { groupByDocument, governingReason, type ActiveFileGoverning } from '../activeFileGoverning';
import { documentLabel, statusIcon } from '../documentPresentation';
import { thisFileViewId } from '../thisFileView';
import { openDocument } from './openDocument';

interface GoverningItem extends vscode.QuickPickItem {
  uri?: string;
  showView?: boolean;
}

export async function showGoverning(active: ActiveFileGoverning): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Rationale: open a file to see what governs it.');
    return;
  }
  const state = await active.settled(editor.document.uri);
  const docs = groupByDocument(state.entries);
  const name = vscode.workspace.asRelativePath(editor.document.uri);
  if (docs.length === 0) {
    const link = 'Link Code to Decision…';
    const choice = await vscode.window.showInformationMessage(`Rationale: nothing governs ${name}.`, link);
    if (choice === link) await vscode.commands.executeCommand('rationale.linkCodeToDecision');
    return;
  }
  const items: GoverningItem[] = docs.map((g) => ({
    label: documentLabel(g.entry.document),
    iconPath: statusIcon(g.entry.document),
    description: [g.entry.document.status, governingReason(g)].filter(Boolean).join(' · '),
    detail: [...g.entry.projects.map((p) => `project ${p.id}: ${p.title}`), ...g.entry.goals.map((x) => `goal ${x.id}: ${x.title}`)].join('  ·  ') || undefined,
    uri: g.entry.document.uri,
  }));
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: 'Show in the This File view', iconPath: new vscode.ThemeIcon('list-tree'), showView: true });
  const picked = await vscode.window.showQuickPick(items, { title: `Rationale: what governs ${name}`, matchOnDescription: true, matchOnDetail: true });
  if (!picked) return;
  if (picked.showView) await vscode.commands.executeCommand(`${thisFileViewId}.focus`);
  else if (picked.uri) await openDocument(picked.uri);
}
