import { compareFindings, type Finding } from '../core/base/finding.js';
import { baselineOfFiles, lineTextReader, matchBaseline, staleBaselineFindings } from '../core/checks/baseline.js';
import type { Workspace } from '../core/workspace/workspace.js';
import type { CheckResult } from '../core/checks/checkWorkspace.js';
import { loadBaseline } from './baselineFile.js';

/** A check's findings after the root's baseline (if any): the new ones, and those it accepts. */
export interface BaselinedFindings {
  /** New findings, plus a `stale-baseline` finding for each entry that no longer occurs. */
  findings: Finding[];
  baselined: Finding[];
  /** Whether a baseline file was there (SARIF then says of each result whether it is new). */
  used: boolean;
}

/**
 * Applies `.rationale-baseline.json` at `root` to the findings of `check`. With `files`, the check
 * covered only those files (`--changed-since`): only their entries are matched, so entries of the
 * files it did not look at are not reported stale.
 */
export function applyBaselineFile(root: string, workspace: Workspace, findings: Finding[], files?: ReadonlySet<string>): BaselinedFindings {
  const loaded = loadBaseline(root);
  if (!loaded) return { findings, baselined: [], used: false };
  const baseline = files ? baselineOfFiles(loaded.baseline, files) : loaded.baseline;
  const m = matchBaseline(baseline, findings, lineTextReader(workspace));
  return { findings: [...m.fresh, ...staleBaselineFindings(m.stale)].sort(compareFindings), baselined: m.baselined, used: true };
}

/** The check's result with the baseline applied: `findings` are the new ones, which alone fail the run. */
export function withBaseline(root: string, workspace: Workspace, result: CheckResult, files?: ReadonlySet<string>): CheckResult & { baselined: Finding[]; baselineUsed: boolean } {
  const b = applyBaselineFile(root, workspace, result.findings, files);
  return { ...result, findings: b.findings, baselined: b.baselined, baselineUsed: b.used };
}
