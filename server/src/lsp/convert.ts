import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../core/base/finding.js';
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

export function toDiagnostic(f: Finding): Diagnostic {
  const data: DiagnosticData = { decision: f.decision, ...(f.data as Partial<DiagnosticData> | undefined) };
  return {
    range: f.range,
    severity: severities[f.severity],
    code: f.code,
    source: diagnosticSource,
    message: f.message,
    data,
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
