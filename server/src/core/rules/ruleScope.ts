import { anyGlobMatcher, globBase } from '../base/glob.js';
import { dirname } from '../workspace/workspace.js';
import type { DecisionInfo } from './decisionInfo.js';
import type { RuleSpec } from './ruleSpec.js';

/**
 * The files a rule governs: its own `files` if any, else the decision's `applies-to`, else every
 * file; minus `except`, and never the decision document itself (its front matter spells out the
 * very patterns and names the rule forbids).
 *
 * Two kinds read the defaults differently, because `applies-to` describes code:
 * - forbid-layer: `from` already says which files are checked, so the decision's `applies-to`
 *   does not narrow it (a decision about the db layer may well forbid imports *from* the UI).
 * - forbid-dependency: a manifest is governed when `applies-to` matches it or any of the files it
 *   serves (the root package.json serves `src/**`; `services/web/package.json` does not serve
 *   `services/api/**`).
 */
export function ruleScope(spec: RuleSpec, decision: DecisionInfo | undefined): RuleScope {
  const own = decision?.path;
  const excluded = anyGlobMatcher(spec.except);
  const included = includedBy(spec, decision);
  const byFiles = spec.files.length > 0;
  const layer = spec.kind === 'forbid-layer';
  return {
    test: (path) => path !== own && included(path) && !excluded(path),
    own,
    key: JSON.stringify([spec.kind === 'forbid-dependency' ? 'manifest' : layer ? 'layer' : 'code', spec.files, layer ? spec.from : null, layer || byFiles ? null : (decision?.appliesTo ?? []), spec.except]),
  };
}

export interface RuleScope {
  /** Whether the rule governs the file. */
  test(path: string): boolean;
  /** The declaring document, which the rule never governs. */
  own: string | undefined;
  /**
   * Equal keys mean equal tests, except for each rule's `own` document. Hundreds of decisions'
   * rules share a handful of scopes (`src/**`), so the engine matches each distinct scope once per
   * file instead of once per rule.
   */
  key: string;
}

function includedBy(spec: RuleSpec, decision: DecisionInfo | undefined): (path: string) => boolean {
  const files = spec.files.length > 0 ? anyGlobMatcher(spec.files) : undefined;
  if (spec.kind === 'forbid-layer') {
    const from = anyGlobMatcher(spec.from ?? []);
    return files ? (p) => from(p) && files(p) : from;
  }
  if (files) return files;
  const appliesTo = decision?.appliesTo ?? [];
  if (appliesTo.length === 0) return () => true;
  const matches = anyGlobMatcher(appliesTo);
  if (spec.kind === 'forbid-dependency') {
    const bases = appliesTo.map(globBase);
    return (p) => matches(p) || servesAny(dirname(p), bases);
  }
  return matches;
}

/** Whether a manifest in `dir` serves files under any of the glob bases. */
function servesAny(dir: string, bases: readonly string[]): boolean {
  if (dir === '') return true;
  return bases.some((b) => b === '' || b === dir || b.startsWith(`${dir}/`));
}
