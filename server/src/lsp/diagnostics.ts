import type { Diagnostic, DocumentDiagnosticParams, DocumentDiagnosticReport, ResultProgressReporter, WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, WorkspaceDiagnosticReportPartialResult, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { contentHash } from '../core/base/contentHash.js';
import { toDiagnostic } from './convert.js';
import type { Sessions } from './sessions.js';
import { serveWaiting } from './slicedWork.js';
import type { WorkspaceFileReport } from './workspaceSession.js';

function resultId(items: Diagnostic[]): string {
  return contentHash(JSON.stringify(items));
}

/** Pull diagnostics for one (usually open) document, from its current editor text. */
export function onDocumentDiagnostics(sessions: Sessions, params: DocumentDiagnosticParams): DocumentDiagnosticReport {
  const at = sessions.locate(params.textDocument.uri);
  if (!at) return { kind: 'full', items: [] };
  const items = at.session.fileFindings(at.path).findings.map(toDiagnostic);
  const id = resultId(items);
  if (params.previousResultId === id) return { kind: 'unchanged', resultId: id };
  return { kind: 'full', resultId: id, items };
}

/**
 * Diagnostics per partial result: a first pull over a large workspace arrives in pieces (62 MB at
 * 100,000 files), and requests are served between them instead of waiting for the whole encoding.
 */
const partialBatchDiagnostics = 2000;

/**
 * Workspace-wide pull diagnostics, so Problems lists violations in files nobody opened. Each file's
 * result id changes only when its findings do (WorkspaceSession.workspaceReports), so the pulls
 * VS Code repeats every 2 s are answered `unchanged` without converting anything. When the client
 * accepts partial results, reports go out in batches, with the event loop handed back between them.
 */
export async function onWorkspaceDiagnostics(
  sessions: Sessions,
  params: WorkspaceDiagnosticParams,
  reported: Set<string>,
  progress?: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult>,
): Promise<WorkspaceDiagnosticReport> {
  const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
  // Taken at once: reports are immutable, so later batches send what this pull saw.
  const now = new Map<string, WorkspaceFileReport>();
  for (const session of sessions.all()) for (const [path, report] of session.workspaceReports()) now.set(session.uriOf(path), report);
  // Files that had findings and have none now must be cleared explicitly.
  const cleared = [...reported].filter((uri) => !now.has(uri));
  reported.clear();
  for (const uri of now.keys()) reported.add(uri);
  // vscode-languageserver gives a reporter only when the client sent a partialResultToken.
  if (!progress) return { items: [...reportItems(now, previous), ...cleared.map(clearedItem)] };
  let items: WorkspaceDocumentDiagnosticReport[] = [];
  let size = 0;
  for (const item of reportItems(now, previous)) {
    const weight = item.kind === 'full' ? item.items.length + 1 : 1;
    if (items.length > 0 && size + weight > partialBatchDiagnostics) {
      progress.report({ items });
      items = [];
      size = 0;
      await serveWaiting();
    }
    items.push(item);
    size += weight;
  }
  items.push(...cleared.map(clearedItem));
  if (items.length > 0) progress.report({ items });
  // With partial results, LSP wants the final response empty: everything went out as progress.
  return { items: [] };
}

function* reportItems(now: ReadonlyMap<string, WorkspaceFileReport>, previous: ReadonlyMap<string, string>): Generator<WorkspaceDocumentDiagnosticReport> {
  for (const [uri, report] of now) {
    if (previous.get(uri) === report.resultId) yield { kind: 'unchanged', uri, resultId: report.resultId, version: null };
    else yield { kind: 'full', uri, resultId: report.resultId, version: null, items: report.findings.map(toDiagnostic) };
  }
}

function clearedItem(uri: string): WorkspaceDocumentDiagnosticReport {
  return { kind: 'full', uri, version: null, items: [] };
}
