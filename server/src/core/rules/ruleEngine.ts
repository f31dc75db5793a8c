import type { Finding } from '../finding.js';
import { invalidRule, type CompiledRule, type RuleSetup } from './compiledRule.js';
import type { DecisionInfo, DecisionLookup } from './decisionInfo.js';
import { FileContext } from './fileContext.js';
import { compileForbidDependencyRule } from './forbidDependencyRule.js';
import { compileForbidImportRule } from './forbidImportRule.js';
import { compileForbidLayerRule } from './forbidLayerRule.js';
import { compileForbidPatternRule } from './forbidPatternRule.js';
import { compileRequirePatternRule } from './requirePatternRule.js';
import { ruleScope, ScopeCache } from './ruleScope.js';
import type { RuleSpec } from './ruleSpec.js';

export type { DecisionInfo, DecisionLookup } from './decisionInfo.js';

/** The rules of all accepted decisions, compiled once per index snapshot and run on many files. */
export interface CompiledRules {
  readonly rules: readonly CompiledRule[];
  /** Whether any rule can report in this file, so callers can skip reading the others. */
  appliesTo(path: string): boolean;
  checkFile(path: string, text: string, fileExists: (path: string) => boolean): Finding[];
  /** `invalid-rule` findings for rules that cannot run, located in their decision documents. */
  invalidRuleFindings(): Finding[];
}

export function compileRules(specs: readonly RuleSpec[], decisions: DecisionLookup): CompiledRules {
  const infos = new Map<string, DecisionInfo | undefined>();
  const lookup = (id: string) => {
    if (!infos.has(id)) infos.set(id, safeLookup(decisions, id));
    return infos.get(id);
  };
  const scopes = new ScopeCache();
  const rules = specs.map((spec) => compileRule(spec, lookup(spec.decision), scopes));
  const runnable = rules.filter((r) => r.invalid === undefined);
  // Callers ask `appliesTo` and then `checkFile` for the same path: match the scopes once.
  let lastPath: string | undefined;
  let lastRules: CompiledRule[] = [];
  const rulesFor = (path: string): CompiledRule[] => {
    if (path !== lastPath) {
      lastRules = runnable.filter((r) => r.appliesTo(path));
      lastPath = path;
    }
    return lastRules;
  };
  return {
    rules,
    appliesTo: (path) => rulesFor(path).length > 0,
    checkFile(path, text, fileExists) {
      const file = new FileContext(path, text, fileExists);
      const out: Finding[] = [];
      for (const rule of rulesFor(path)) {
        try {
          out.push(...rule.check(file));
        } catch {
          // A rule must never take the checker down with it; a bug here loses findings, not the run.
        }
      }
      return out;
    },
    invalidRuleFindings: () => rules.flatMap((r) => invalidRuleFinding(r, lookup(r.spec.decision))),
  };
}

function compileRule(spec: RuleSpec, decision: DecisionInfo | undefined, scopes: ScopeCache): CompiledRule {
  const setup: RuleSetup = { spec, decision, inScope: ruleScope(spec, decision, scopes) };
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
    return undefined;
  }
}
