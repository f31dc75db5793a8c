import type { Finding } from '../../core/base/finding.js';
import { oneBased, type CheckSummary } from './checkSummary.js';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  code: string;
  decision: string | null;
  message: string;
  /** Accepted by `.rationale-baseline.json`: reported, but it does not fail the run. Absent on new findings. */
  baselined?: true;
}

export interface JsonReport {
  version: 1;
  findings: JsonFinding[];
  summary: CheckSummary;
}

/** `file` is relative to the checked folder with `/`; lines and columns are 1-based, `endColumn` exclusive. */
export function toJsonFinding(f: Finding): JsonFinding {
  return { file: f.path, ...oneBased(f), severity: f.severity, code: f.code, decision: f.decision ?? null, message: f.message };
}

/** New findings, then (in the same order) those the baseline accepts, marked `baselined: true`. */
export function formatJson(findings: readonly Finding[], summary: CheckSummary, baselined: readonly Finding[] = []): string {
  const marked = baselined.map((f): JsonFinding => ({ ...toJsonFinding(f), baselined: true }));
  const report: JsonReport = { version: 1, findings: [...findings.map(toJsonFinding), ...marked], summary };
  return `${JSON.stringify(report, null, 2)}\n`;
}
