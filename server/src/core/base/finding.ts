import type { Range } from './range.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Stable finding codes. They are public API: the CLI's JSON and SARIF, the editor's diagnostics
 * and users' suppressions all name them, so never rename one.
 */
export type FindingCode =
  // rules declared by accepted decisions
  | 'forbid-import'
  | 'forbid-pattern'
  | 'require-pattern'
  | 'forbid-dependency'
  | 'forbid-layer'
  | 'invalid-rule'
  // references from code and documents
  | 'unknown-id'
  | 'superseded-reference'
  | 'deprecated-reference'
  | 'rejected-reference'
  | 'broken-link'
  | 'suppression-without-reason'
  | 'unused-suppression'
  | 'expired-exception'
  | 'malformed-exception'
  | 'stale-baseline'
  // the document graph
  | 'duplicate-id'
  | 'supersede-cycle'
  | 'superseded-without-successor'
  | 'superseded-still-accepted'
  | 'project-without-goal'
  | 'goal-without-project'
  | 'applies-to-matches-nothing'
  | 'review-overdue'
  | 'unknown-status'
  | 'schema-violation'
  | 'malformed-front-matter'
  | 'unreadable-file'
  | 'invalid-config'
  // the checker itself: a rule or an extractor failed on a file, so the file was not fully checked
  | 'internal-error'
  // requirement tracing (OpenFastTrace conventions), listed in requirements/requirementFinding.ts
  | 'requirement-not-covered'
  | 'unknown-requirement'
  | 'outdated-requirement'
  | 'duplicate-requirement'
  | 'malformed-requirement';

export interface Finding {
  /** Workspace-relative path with `/` separators. */
  path: string;
  range: Range;
  severity: Severity;
  code: FindingCode;
  /** The id of the decision (or goal/project) the finding concerns, or null. */
  decision: string | null;
  message: string;
  /** Machine-readable extras for quick fixes, e.g. the successor id of a superseded decision. */
  data?: Record<string, unknown>;
}

export const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  if (a.range.start.line !== b.range.start.line) return a.range.start.line - b.range.start.line;
  if (a.range.start.character !== b.range.start.character) return a.range.start.character - b.range.start.character;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Findings by the file they are in, in the order given. */
export function groupFindingsByPath(findings: Iterable<Finding>): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.path);
    if (list) list.push(f);
    else out.set(f.path, [f]);
  }
  return out;
}
