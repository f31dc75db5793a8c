import { contentHash } from '../base/contentHash.js';
import type { Finding } from '../base/finding.js';
import { internalErrorFinding } from '../base/internalError.js';
import { invalidRule, type CompiledRule, type RuleSetup } from './compiledRule.js';
import type { DecisionInfo, DecisionLookup } from './decisionInfo.js';
import { FileContext } from './fileContext.js';
import { compileForbidDependencyRule } from './forbidDependencyRule.js';
import { compileForbidImportRule } from './forbidImportRule.js';
import { compileForbidLayerRule } from './forbidLayerRule.js';
import { compileForbidPatternRule } from './forbidPatternRule.js';
import { compileRequirePatternRule } from './requirePatternRule.js';
import { ruleScope } from './ruleScope.js';
import type { RuleSpec } from './ruleSpec.js';

export type { DecisionInfo, DecisionLookup } from './decisionInfo.js';

/** The rules of all accepted decisions, compiled once per index snapshot and run on many files. */
export interface CompiledRules {
  readonly rules: readonly CompiledRule[];
  /** Whether any rule can report in this file, so callers can skip reading the others. */
  appliesTo(path: string): boolean;
  /** The ids of the decisions whose rules apply to this file, without duplicates. */
  decisionsFor(path: string): string[];
  /**
   * The rule findings in one file. A rule that throws does not lose its findings silently: it
   * reports an `internal-error` naming the file and its decision, so the check fails.
   */
  checkFile(path: string, text: string, fileExists: (path: string) => boolean): Finding[];
  /**
   * Changes whenever any rule's findings could: the specs and what their messages and scopes
   * read from their decisions. Keys caches of per-file results.
   */
  readonly key: string;
  /** What the rules read from their decisions (title, scope, path), by decision id: enough to compile them again elsewhere. */
  readonly decisions: ReadonlyMap<string, DecisionInfo | undefined>;
  /** Whether some rule resolves imports against the file list, so adding a file can change findings elsewhere. */
  readonly readsFileList: boolean;
  /** `invalid-rule` findings for rules that cannot run, located in their decision documents. */
  invalidRuleFindings(): Finding[];
}

export function compileRules(specs: readonly RuleSpec[], decisions: DecisionLookup): CompiledRules {
  const infos = new Map<string, DecisionInfo | undefined>();
  const lookup = (id: string) => {
    if (!infos.has(id)) infos.set(id, safeLookup(decisions, id));
    return infos.get(id);
  };
  const rules = specs.map((spec) => compileRule(spec, lookup(spec.decision)));
  const runnable = rules.filter((r) => r.invalid === undefined);
  const groups = groupByScope(runnable);
  const triggers = new TriggerIndex(runnable);
  // Callers ask `appliesTo` and then `checkFile` for the same path: match the scopes once.
  let lastPath: string | undefined;
  let lastRules: readonly CompiledRule[] = [];
  const rulesFor = (path: string): readonly CompiledRule[] => {
    if (path !== lastPath) {
      lastRules = applicable(groups, path);
      lastPath = path;
    }
    return lastRules;
  };
  return {
    rules,
    key: contentHash(JSON.stringify(specs.map((s) => [s, lookup(s.decision)]))),
    decisions: infos,
    readsFileList: runnable.some((r) => r.spec.kind === 'forbid-layer'),
    appliesTo: (path) => rulesFor(path).length > 0,
    decisionsFor: (path) => [...new Set(rulesFor(path).map((r) => r.spec.decision))],
    checkFile(path, text, fileExists) {
      const file = new FileContext(path, text, fileExists);
      const out: Finding[] = [];
      let triggered: ReadonlySet<CompiledRule> | undefined;
      for (const rule of rulesFor(path)) {
        try {
          // Triggers extract the file's names (imports): if that throws, every triggered rule
          // reports the failure below, since none of them could run.
          if (rule.trigger && !(triggered ??= triggers.fired(file)).has(rule)) continue;
          out.push(...rule.check(file));
        } catch (e) {
          // A rule must never take the checker down with it, nor lose its findings unnoticed.
          out.push(internalErrorFinding(path, rule.spec.decision, `checking rule ${rule.spec.index + 1} (${rule.spec.kind}) of ${rule.spec.decision}`, e));
        }
      }
      return out;
    },
    invalidRuleFindings: () => rules.flatMap((r) => invalidRuleFinding(r, lookup(r.spec.decision))),
  };
}

// A plain loop: Array.prototype.flatMap copied element by element and cost more than the checks.
function applicable(groups: readonly RuleGroup[], path: string): readonly CompiledRule[] {
  let only: readonly CompiledRule[] = [];
  let all: CompiledRule[] | undefined;
  for (const g of groups) {
    const rs = g.rulesFor(path);
    if (rs.length === 0) continue;
    if (only.length === 0) only = rs;
    else {
      all ??= [...only];
      for (let i = 0; i < rs.length; i++) all.push(rs[i]);
    }
  }
  return all ?? only;
}

/** The rules with a `trigger`, by the names that fire them. */
class TriggerIndex {
  private readonly byName = new Map<string, CompiledRule[]>();
  /** The distinct `names` functions (every forbid-import rule shares one), each run once per file. */
  private readonly sources: ((file: FileContext) => ReadonlySet<string>)[] = [];

  constructor(rules: readonly CompiledRule[]) {
    for (const rule of rules) {
      if (!rule.trigger) continue;
      if (!this.sources.includes(rule.trigger.names)) this.sources.push(rule.trigger.names);
      for (const name of rule.trigger.on) {
        const list = this.byName.get(name);
        if (list) list.push(rule);
        else this.byName.set(name, [rule]);
      }
    }
  }

  /** The triggered rules one of whose names occurs in the file. */
  fired(file: FileContext): ReadonlySet<CompiledRule> {
    const out = new Set<CompiledRule>();
    for (const names of this.sources) {
      for (const name of names(file)) {
        for (const rule of this.byName.get(name) ?? []) if (rule.trigger!.names === names) out.add(rule);
      }
    }
    return out;
  }
}

interface RuleGroup {
  rulesFor(path: string): readonly CompiledRule[];
}

/**
 * Rules of equal `scopeKey` apply to the same files, except each to its own declaring document, so
 * one rule answers for the group, and only a group member's own document is asked rule by rule.
 */
function groupByScope(rules: readonly CompiledRule[]): RuleGroup[] {
  const byKey = new Map<string, CompiledRule[]>();
  const groups: RuleGroup[] = [];
  for (const rule of rules) {
    if (rule.scopeKey === undefined) {
      groups.push({ rulesFor: (path) => (rule.appliesTo(path) ? [rule] : []) });
      continue;
    }
    const members = byKey.get(rule.scopeKey);
    if (members) members.push(rule);
    else byKey.set(rule.scopeKey, [rule]);
  }
  for (const members of byKey.values()) {
    const owns = new Set(members.map((r) => r.scope?.own));
    const [first] = members;
    groups.push({
      rulesFor: (path) => (owns.has(path) ? members.filter((r) => r.appliesTo(path)) : first.appliesTo(path) ? members : []),
    });
  }
  return groups;
}

function compileRule(spec: RuleSpec, decision: DecisionInfo | undefined): CompiledRule {
  const scope = ruleScope(spec, decision);
  const setup: RuleSetup = { spec, decision, scope, inScope: scope.test };
  switch (spec.kind) {
    case 'forbid-import':
      return spec.targets.length > 0 ? compileForbidImportRule(setup) : invalidRule(spec, 'it names no module to forbid');
    case 'forbid-dependency':
      return spec.targets.length > 0 ? compileForbidDependencyRule(setup) : invalidRule(spec, 'it names no package to forbid');
    case 'forbid-pattern':
      return compileForbidPatternRule(setup);
    case 'require-pattern':
      return compileRequirePatternRule(setup);
    case 'forbid-layer':
      return spec.from?.length && spec.to?.length ? compileForbidLayerRule(setup) : invalidRule(spec, 'it needs both `from` and `to` globs');
    default:
      return invalidRule(spec, `its kind \`${String((spec as RuleSpec).kind)}\` is unknown`);
  }
}

function invalidRuleFinding(rule: CompiledRule, decision: DecisionInfo | undefined): Finding[] {
  if (rule.invalid === undefined || !decision?.path) return [];
  const { spec } = rule;
  return [
    {
      path: decision.path,
      range: spec.range,
      severity: 'error',
      code: 'invalid-rule',
      decision: spec.decision,
      message: `Rule ${spec.index + 1} (${spec.kind}) of ${spec.decision} is not enforced: ${rule.invalid}.`,
      data: { rule: spec.index },
    },
  ];
}

function safeLookup(decisions: DecisionLookup, id: string): DecisionInfo | undefined {
  try {
    return decisions(id);
  } catch {
    // The lookup only reads the index; should it fail, the rule still runs on its own globs
    // (a decision without `applies-to`) rather than dropping every rule of the snapshot.
    return undefined;
  }
}
