import type { FileAnnotations, Suppression } from '../source/codeReference.js';
import { scanAnnotations } from '../source/scanAnnotations.js';
import { checkDocuments } from './documentChecks.js';
import { compareFindings, type Finding } from '../base/finding.js';
import { idKey } from '../documents/ids.js';
import { checkReferences } from './referenceChecks.js';
import { compileRules, type CompiledRules } from '../rules/ruleEngine.js';
import { isPlaceholderReason } from './suppressionReason.js';
import { exceptionEndFindings, exceptionInForce } from './exceptionExpiry.js';
import { unreadableFileFinding } from './unreadableFile.js';
import { configFindings } from './configFindings.js';
import { supersessionGraph, type SupersessionGraph } from '../index/supersession.js';
import type { Workspace } from '../workspace/workspace.js';
import { resolveId, type WorkspaceIndex } from '../index/workspaceIndex.js';
import { requirementFindingsIn } from '../requirements/workspaceRequirementTrace.js';

export interface CheckOptions {
  /** `YYYY-MM-DD`; defaults to today (UTC). */
  today?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface FileCheckResult {
  findings: Finding[];
  /** Findings silenced by a `rationale-disable-next-line` with a reason, kept for the record. */
  suppressed: Finding[];
}

export interface CheckResult extends FileCheckResult {
  filesChecked: number;
}

/** Everything the checker needs that depends only on the documents, built once per snapshot. */
export interface CheckContext {
  index: WorkspaceIndex;
  graph: SupersessionGraph;
  rules: CompiledRules;
  /** Document-graph findings (links, ids, supersession, scopes …) by path. */
  documentFindings: ReadonlyMap<string, readonly Finding[]>;
  /** `YYYY-MM-DD` the check runs on: review-by dates and exceptions' `until` dates are read against it. */
  today: string;
}

export function createCheckContext(index: WorkspaceIndex, workspace: Workspace, options: CheckOptions = {}): CheckContext {
  const graph = supersessionGraph(index);
  const accepted = [...index.documents.values()].filter((d) => d.kind === 'decision' && d.status === 'accepted');
  const rules = compileRules(accepted.flatMap((d) => d.rules), (id) => {
    const d = resolveId(index, id, 'decision');
    return d ? { title: d.title, appliesTo: d.appliesTo, path: d.path } : undefined;
  });
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const documentFindings = new Map<string, Finding[]>();
  for (const f of [...checkDocuments(index, { today, exists: (p) => workspace.exists(p) !== undefined }), ...rules.invalidRuleFindings(), ...configFindings(index)]) {
    const list = documentFindings.get(f.path);
    if (list) list.push(f);
    else documentFindings.set(f.path, [f]);
  }
  return { index, graph, rules, documentFindings, today };
}

/**
 * A context for a newer snapshot whose documents did not change (only code did): rules and
 * document findings stay valid, so a keystroke in code costs only that file's check.
 */
export function withIndex(ctx: CheckContext, index: WorkspaceIndex): CheckContext {
  return { ...ctx, index };
}

/**
 * All findings of one file: its rules, references and exceptions from `text` (the editor's current
 * text, or undefined to use what the index knows), plus document-graph findings located in it.
 */
export function findingsForFile(ctx: CheckContext, path: string, text: string | undefined, precomputed?: { annotations?: FileAnnotations; ruleFindings: Finding[] }): FileCheckResult {
  const isDocument = ctx.index.documents.has(path);
  const annotations: FileAnnotations | undefined = isDocument
    ? undefined
    : precomputed
      ? precomputed.annotations
      : text !== undefined
        ? scanAnnotations(path, text, { idPrefixes: Object.values(ctx.index.config.idPrefixes) })
        : ctx.index.annotations.get(path);
  const findings: Finding[] = [...(ctx.documentFindings.get(path) ?? []), ...requirementFindingsIn(ctx.index, path)];
  if (precomputed) findings.push(...precomputed.ruleFindings);
  // Rules govern code, not the documents that argue about it: another ADR may well quote the very
  // pattern or module a decision forbids.
  else if (text !== undefined && !isDocument && ctx.rules.appliesTo(path)) findings.push(...ctx.rules.checkFile(path, text, (p) => ctx.index.fileSet.has(p)));
  if (annotations) findings.push(...checkReferences(ctx.index, ctx.graph, path, annotations), ...exceptionEndFindings(ctx.index, path, annotations.suppressions, ctx.today));
  const inForce = (annotations?.suppressions ?? []).filter((s) => exceptionInForce(s, ctx.today));
  const r = applySuppressions(ctx.index, findings, inForce);
  return { findings: applySeverityOverrides(ctx.index, r.findings).sort(compareFindings), suppressed: r.suppressed };
}

/** Runs every check over the workspace, reading only files that a rule applies to. */
export function checkWorkspace(index: WorkspaceIndex, workspace: Workspace, options: CheckOptions = {}): CheckResult {
  return checkWithContext(createCheckContext(index, workspace, options), workspace, options);
}

export function checkWithContext(ctx: CheckContext, workspace: Workspace, options: CheckOptions = {}): CheckResult {
  const { index } = ctx;
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  let done = 0;
  let checked = 0;
  for (const path of index.files) {
    done++;
    if (options.onProgress && done % 500 === 0) options.onProgress(done, index.files.length);
    const needsText = !index.documents.has(path) && ctx.rules.appliesTo(path);
    const looked = needsText || index.annotations.has(path) || ctx.documentFindings.has(path);
    // Requirement findings come from the index, so they need no look at the file: not counted as checked.
    if (!looked && requirementFindingsIn(index, path).length === 0) continue;
    if (looked) checked++;
    const text = needsText ? workspace.readText(path) : undefined;
    // A governed file that cannot be read is reported, never silently left unchecked.
    const problem = needsText && text === undefined ? workspace.readProblem?.(path) : undefined;
    const unreadable = problem && unreadableFileFinding(ctx.rules, path, problem);
    const r = unreadable
      ? findingsForFile(ctx, path, undefined, { annotations: index.annotations.get(path), ruleFindings: [unreadable] })
      : findingsForFile(ctx, path, text);
    findings.push(...r.findings);
    suppressed.push(...r.suppressed);
  }
  // Findings in documents the index has but the listing filtered (should not happen, but never drop one).
  for (const [path, list] of ctx.documentFindings) if (!index.fileSet.has(path)) findings.push(...applySeverityOverrides(index, [...list]));
  options.onProgress?.(index.files.length, index.files.length);
  return { findings: findings.sort(compareFindings), suppressed: suppressed.sort(compareFindings), filesChecked: checked };
}

/** Findings about exceptions themselves: an exception cannot excuse what is wrong with another one. */
const unexcusable = new Set<string>(['suppression-without-reason', 'expired-exception', 'malformed-exception']);

function applySuppressions(index: WorkspaceIndex, findings: Finding[], suppressions: readonly Suppression[]): FileCheckResult {
  if (suppressions.length === 0) return { findings, suppressed: [] };
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    if (unexcusable.has(f.code)) {
      kept.push(f);
      continue;
    }
    const s = suppressions.find((s) => s.targetLine === f.range.start.line && !isPlaceholderReason(s.reason) && matches(index, s, f));
    if (s) suppressed.push({ ...f, data: { ...f.data, suppressedBecause: s.reason } });
    else kept.push(f);
  }
  return { findings: kept, suppressed };
}

function matches(index: WorkspaceIndex, s: Suppression, f: Finding): boolean {
  if (s.ids.length === 0) return true;
  return s.ids.some((id) => {
    if (id === f.code) return true;
    if (!f.decision) return false;
    const doc = resolveId(index, id);
    return doc ? doc.id === f.decision : idKey(id) === idKey(f.decision);
  });
}

export function applySeverityOverrides(index: WorkspaceIndex, findings: Finding[]): Finding[] {
  const overrides = index.config.severity;
  if (Object.keys(overrides).length === 0) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    // A bug of ours is not a matter of taste: no setting hides it.
    const o = f.code === 'internal-error' ? undefined : overrides[f.code];
    if (o === 'off') continue;
    out.push(o ? { ...f, severity: o } : f);
  }
  return out;
}
