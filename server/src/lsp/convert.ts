import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../core/base/finding.js';
import { baselineFileName, isBaselined } from '../core/checks/baseline.js';
import type { DocumentSummary } from '../protocol.js';
import type { RationaleDocument } from '../core/documents/document.js';
import type { FixableFinding } from '../core/features/quickFixes.js';
import type { WorkspaceIndex } from '../core/index/workspaceIndex.js';
import { statusInForce } from '../core/index/statusInForce.js';
import { statusText } from '../core/documents/statusText.js';

export const diagnosticSource = 'rationale';

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** What a quick fix needs to know about the finding it fixes, kept on the diagnostic. */
export type DiagnosticData = Omit<FixableFinding, 'code' | 'range'> & { successorPath?: string };

/**
 * A finding as a diagnostic. One the baseline accepts (`data.baselined`) is a hint marked
 * `(baselined)`, pointing at the baseline file (`baselineUri`) that accepts it: still visible where
 * it is, without counting among the problems to fix now.
 */
export function toDiagnostic(f: Finding, baselineUri?: string): Diagnostic {
  const data: DiagnosticData = { decision: f.decision, ...(f.data as Partial<DiagnosticData> | undefined) };
  const diagnostic: Diagnostic = {
    range: f.range,
    severity: severities[f.severity],
    code: f.code,
    source: diagnosticSource,
    message: f.message,
    data,
  };
  if (!isBaselined(f)) return diagnostic;
  const accepted = `accepted by ${baselineFileName}; \`rationale baseline --prune\` drops the entry once it is fixed`;
  return {
    ...diagnostic,
    severity: DiagnosticSeverity.Hint,
    message: `${f.message} (baselined)`,
    ...(baselineUri ? { relatedInformation: [{ location: { uri: baselineUri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, message: `This ${f.severity} is ${accepted}.` }] } : {}),
  };
}

export function toSummary(index: WorkspaceIndex, doc: RationaleDocument, uri: string): DocumentSummary {
  const inForce = statusInForce(index, doc);
  return {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    status: inForce.status,
    writtenStatus: inForce.written,
    statusText: statusText(inForce.status, inForce.written),
    retired: inForce.retired,
    statusKnown: doc.statusKnown,
    date: doc.date,
    priority: doc.priority,
    appetite: doc.appetite,
    owner: doc.owner,
    summary: doc.summary,
    uri,
  };
}
