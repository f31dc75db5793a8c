import type { Diagnostic, DocumentDiagnosticParams, DocumentDiagnosticReport, ResultProgressReporter, WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, WorkspaceDiagnosticReportPartialResult, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { contentHash } from '../core/base/contentHash.js';
import { baselineFileName } from '../core/checks/baseline.js';
import { toDiagnostic } from './convert.js';
import type { Sessions } from './sessions.js';

function resultId(items: Diagnostic[]): string {
  return contentHash(JSON.stringify(items));
}

/** Pull diagnostics for one (usually open) document, from its current editor text. */
export function onDocumentDiagnostics(sessions: Sessions, params: DocumentDiagnosticParams): DocumentDiagnosticReport {
  const at = sessions.locate(params.textDocument.uri);
  if (!at) return { kind: 'full', items: [] };
  const baselineUri = at.session.uriOf(baselineFileName);
  const items = at.session.fileFindings(at.path).findings.map((f) => toDiagnostic(f, baselineUri));
  const id = resultId(items);
  if (params.previousResultId === id) return { kind: 'unchanged', resultId: id };
  return { kind: 'full', resultId: id, items };
}

/** Files per partial result: a first pull over a large workspace arrives in pieces, not one huge response. */
const partialBatch = 500;

/**
 * Workspace-wide pull diagnostics, so Problems lists violations in files nobody opened. Each file's
 * result id changes only when its findings do (WorkspaceSession.workspaceReports), so the pulls
 * VS Code repeats every 2 s are answered `unchanged` without converting anything. When the client
 * accepts partial results, reports go out in batches as they are made.
 */
export function onWorkspaceDiagnostics(
  sessions: Sessions,
  params: WorkspaceDiagnosticParams,
  reported: Set<string>,
  progress?: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult>,
): WorkspaceDiagnosticReport {
  const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
  // vscode-languageserver gives a reporter only when the client sent a partialResultToken.
  const streaming = progress !== undefined;
  let items: WorkspaceDocumentDiagnosticReport[] = [];
  const flush = () => {
    if (streaming && items.length > 0) {
      progress.report({ items });
      items = [];
    }
  };
  const now = new Set<string>();
  for (const session of sessions.all()) {
    const baselineUri = session.uriOf(baselineFileName);
    for (const [path, report] of session.workspaceReports()) {
      const uri = session.uriOf(path);
      now.add(uri);
      if (previous.get(uri) === report.resultId) items.push({ kind: 'unchanged', uri, resultId: report.resultId, version: null });
      else items.push({ kind: 'full', uri, resultId: report.resultId, version: null, items: report.findings.map((f) => toDiagnostic(f, baselineUri)) });
      if (items.length >= partialBatch) flush();
    }
  }
  // Files that had findings and have none now must be cleared explicitly.
  for (const uri of reported) if (!now.has(uri)) items.push({ kind: 'full', uri, version: null, items: [] });
  reported.clear();
  for (const uri of now) reported.add(uri);
  flush();
  return { items };
}
