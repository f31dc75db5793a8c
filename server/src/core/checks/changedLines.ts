import type { Finding } from '../base/finding.js';

/**
 * What changed in one file since a base commit: the whole file (new, untracked, or a changed
 * document, whose document findings all count), or the zero-based lines added or rewritten.
 */
export type ChangedLines = { whole: true } | { whole: false; ranges: readonly LineSpan[] };

/** Zero-based lines `start` to `end`, both included. */
export interface LineSpan {
  start: number;
  end: number;
}

/** Workspace-relative path (with `/`) to what changed in it; files not named did not change. */
export type ChangedFiles = ReadonlyMap<string, ChangedLines>;

export const wholeFile: ChangedLines = { whole: true };

/**
 * The findings a pull request introduced or touched: those on changed lines of changed files, and
 * every finding of a changed document (`isDocument`), whose findings concern the document as a whole.
 */
export function findingsOnChangedLines(findings: readonly Finding[], changed: ChangedFiles, isDocument: (path: string) => boolean): Finding[] {
  return findings.filter((f) => {
    const lines = changed.get(f.path);
    if (!lines) return false;
    if (lines.whole || isDocument(f.path)) return true;
    return lines.ranges.some((r) => f.range.start.line <= r.end && f.range.end.line >= r.start);
  });
}
