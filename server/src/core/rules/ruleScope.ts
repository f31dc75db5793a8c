import { anyGlobMatcher, globBase } from '../glob.js';
import { dirname } from '../workspace.js';
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
export function ruleScope(spec: RuleSpec, decision: DecisionInfo | undefined, cache?: ScopeCache): (path: string) => boolean {
  const own = decision?.path;
  let excluded = anyGlobMatcher(spec.except);
  let included = includedBy(spec, decision);
  if (cache) {
    const kindClass = spec.kind === 'forbid-layer' || spec.kind === 'forbid-dependency' ? spec.kind : 'other';
    const byFiles = spec.files.length > 0;
    included = cache.memo(JSON.stringify(['in', kindClass, spec.files, kindClass === 'forbid-layer' ? spec.from : null, kindClass === 'forbid-layer' || byFiles ? null : (decision?.appliesTo ?? [])]), included);
    excluded = cache.memo(JSON.stringify(['except', spec.except]), excluded);
  }
  return (path) => path !== own && included(path) && !excluded(path);
}

/**
 * Hundreds of decisions' rules share a handful of scopes (`src/**`); with a cache, each distinct
 * scope is matched once per file instead of once per rule. It remembers the results for one path
 * at a time, the file being checked.
 */
export class ScopeCache {
  private path: string | undefined;
  private readonly results = new Map<string, boolean>();

  memo(key: string, test: (path: string) => boolean): (path: string) => boolean {
    return (path) => {
      if (path !== this.path) {
        this.path = path;
        this.results.clear();
      }
      let r = this.results.get(key);
      if (r === undefined) {
        r = test(path);
        this.results.set(key, r);
      }
      return r;
    };
  }
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
