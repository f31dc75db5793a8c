import type { Finding } from '../base/finding.js';
import type { Workspace } from '../workspace/workspace.js';
import { requirementFindingsIn } from '../requirements/workspaceRequirementTrace.js';
import { applySeverityOverrides, findingsForFile, type CheckContext } from './checkWorkspace.js';
import { unreadableFileFinding } from './unreadableFile.js';

/** Every file's findings, and the rule findings among them (kept to be reused by the next recheck). */
export interface RecheckResult {
  findingsByPath: Map<string, Finding[]>;
  ruleFindingsByPath: Map<string, Finding[]>;
}

/**
 * The whole workspace checked again after its documents changed, one file per step so a language
 * server can stop after a few milliseconds, serve requests, and go on (or drop the work when another
 * edit makes it stale). With `reuse`, the rule findings computed under the same rules: the rules did
 * not change, so no code file is read at all, and only what depends on the documents (citations,
 * exceptions, document and requirement findings) is computed again.
 */
export function* recheckSteps(ctx: CheckContext, workspace: Workspace, reuse?: ReadonlyMap<string, readonly Finding[]>): Generator<void, RecheckResult> {
  const { index, rules } = ctx;
  const findingsByPath = new Map<string, Finding[]>();
  const ruleFindingsByPath = new Map<string, Finding[]>();
  for (const path of index.files) {
    yield;
    const isDocument = index.documents.has(path);
    const ruled = !isDocument && rules.appliesTo(path);
    let ruleFindings: Finding[] = [];
    if (ruled && reuse) ruleFindings = [...(reuse.get(path) ?? [])];
    else if (ruled) ruleFindings = ruleFindingsOf(ctx, workspace, path);
    const annotations = index.annotations.get(path);
    if (ruleFindings.length === 0 && !annotations && !ctx.documentFindings.has(path) && requirementFindingsIn(index, path).length === 0) continue;
    if (ruleFindings.length > 0) ruleFindingsByPath.set(path, ruleFindings);
    const { findings } = findingsForFile(ctx, path, undefined, isDocument ? undefined : { annotations, ruleFindings });
    if (findings.length > 0) findingsByPath.set(path, findings);
  }
  // Findings in documents the index has but the listing filtered (should not happen, but never drop one).
  for (const [path, list] of ctx.documentFindings) if (!index.fileSet.has(path)) findingsByPath.set(path, applySeverityOverrides(index, [...list]));
  return { findingsByPath, ruleFindingsByPath };
}

/** A file's rule findings from its text; a governed file that cannot be read is reported, never skipped. */
export function ruleFindingsOf(ctx: CheckContext, workspace: Workspace, path: string): Finding[] {
  const text = workspace.readText(path);
  if (text !== undefined) return ctx.rules.checkFile(path, text, (p) => ctx.index.fileSet.has(p));
  const problem = workspace.readProblem?.(path);
  const unreadable = problem && unreadableFileFinding(ctx.rules, path, problem);
  return unreadable ? [unreadable] : [];
}
