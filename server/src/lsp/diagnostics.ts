import type { Diagnostic, DocumentDiagnosticParams, DocumentDiagnosticReport, WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { Finding } from '../core/base/finding.js';
import { contentHash } from '../core/base/contentHash.js';
import { toDiagnostic } from './convert.js';
import type { Sessions } from './sessions.js';

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
 * Workspace-wide pull diagnostics, so Problems lists violations in files nobody opened. Results are
 * cached per index snapshot and reported as unchanged when the client already has them.
 */
export function onWorkspaceDiagnostics(sessions: Sessions, params: WorkspaceDiagnosticParams, reported: Set<string>): WorkspaceDiagnosticReport {
  const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  const now = new Set<string>();
  for (const session of sessions.all()) {
    const byPath = new Map<string, Finding[]>();
    for (const f of session.workspaceFindings()) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
    for (const [path, findings] of byPath) {
      const uri = session.uriOf(path);
      now.add(uri);
      const diags = findings.map(toDiagnostic);
      const id = resultId(diags);
      if (previous.get(uri) === id) items.push({ kind: 'unchanged', uri, resultId: id, version: null });
      else items.push({ kind: 'full', uri, resultId: id, version: null, items: diags });
    }
  }
  // Files that had findings and have none now must be cleared explicitly.
  for (const uri of reported) if (!now.has(uri)) items.push({ kind: 'full', uri, version: null, items: [] });
  reported.clear();
  for (const uri of now) reported.add(uri);
  return { items };
}
