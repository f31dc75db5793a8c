/**
 * Show Setup Report: `rationale doctor` in the editor. The server renders each folder's report as
 * Markdown (repository text escaped there, in the core); the client shows it as a read-only
 * virtual document, so closing it never asks to save.
 */
import * as vscode from 'vscode';
import type { RationaleServer } from '../rationaleServer';

export const setupReportScheme = 'rationale-report';

/** The current report's text, served to VS Code under `rationale-report:`; refreshed on every run. */
export class SetupReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly texts = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(setupReportScheme, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'Run "Rationale: Show Setup Report" to see the report.';
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}

export async function showSetupReport(server: RationaleServer, documents: SetupReportDocuments): Promise<vscode.TextDocument> {
  const folders = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Rationale: setup report' },
    () => server.setupReport(),
  );
  const text = folders.length
    ? folders.map((f) => f.markdown).join('\n---\n\n')
    : '# Rationale setup report\n\nNo folder is open: open a folder to see what Rationale reads in it.\n';
  const uri = vscode.Uri.from({ scheme: setupReportScheme, path: '/Setup Report.md' });
  // An open report takes the new text when VS Code asks the provider again, after onDidChange:
  // wait for that, so the document this returns holds the report just made.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const updated = open && open.getText() !== text ? textChanged(uri, text) : undefined;
  documents.set(uri, text);
  await updated;
  const doc = await vscode.workspace.openTextDocument(uri);
  const markdown = doc.languageId === 'markdown' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  await vscode.window.showTextDocument(markdown, { preview: false });
  return markdown;
}

function textChanged(uri: vscode.Uri, text: string): Promise<void> {
  return new Promise((resolve) => {
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() !== uri.toString() || e.document.getText() !== text) return;
      listener.dispose();
      resolve();
    });
  });
}
