import type { DocKind } from '../../core/documents/document.js';
import type { Finding, Severity } from '../../core/base/finding.js';
import type { WorkspaceIndex } from '../../core/index/workspaceIndex.js';
import { debtByDecision, type DecisionDebt } from '../../core/checks/decisionDebt.js';

export interface CheckSummary {
  errors: number;
  warnings: number;
  infos: number;
  /** Findings silenced by a recorded exception (`rationale-disable-next-line … -- reason`). */
  suppressed: number;
  /** Findings `.rationale-baseline.json` accepts: counted here, never failing the run. */
  baselined: number;
  /** Files the rules and references were checked in. */
  filesChecked: number;
  /** Files read (every file the workspace lists, after ignores). */
  filesScanned: number;
  documents: Record<DocKind, number>;
  /** Per decision id: its new findings, exceptions in force, expired exceptions and baselined findings. */
  byDecision: Record<string, DecisionDebt>;
}

/** `filesScanned`: the files reported on, by default every file of the index (`--changed-since` passes the changed ones). */
export function summarize(index: WorkspaceIndex, findings: readonly Finding[], suppressed: readonly Finding[], filesChecked: number, baselined: readonly Finding[] = [], filesScanned = index.files.length): CheckSummary {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const documents: Record<DocKind, number> = { goal: 0, project: 0, decision: 0 };
  for (const d of index.documents.values()) documents[d.kind]++;
  return {
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    suppressed: suppressed.length,
    baselined: baselined.length,
    filesChecked,
    filesScanned,
    documents,
    byDecision: debtByDecision(findings, suppressed, baselined),
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 errors, 5 warnings in 42 files (2 exceptions, 7 baselined)`. */
export function summaryLine(s: CheckSummary): string {
  const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning')];
  if (s.infos > 0) parts.push(plural(s.infos, 'info'));
  const notes = [...(s.suppressed > 0 ? [plural(s.suppressed, 'exception')] : []), ...(s.baselined > 0 ? [`${s.baselined} baselined`] : [])];
  return `${parts.join(', ')} in ${plural(s.filesScanned, 'file')}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/** 1-based line and column; the end column is exclusive, as in SARIF. */
export function oneBased(f: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: f.range.start.line + 1, column: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 };
}
