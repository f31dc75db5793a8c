import type { Finding } from '../base/finding.js';
import { compileSafeRegex, type SafeRegex } from '../base/safeRegex.js';
import { invalidRule, type CompiledRule, type RuleSetup } from './compiledRule.js';
import type { FileContext } from './fileContext.js';

/**
 * What forbid-pattern and require-pattern share: the pattern compiled once by the linear-time
 * engine (or the rule reported as invalid), and the same scope. Only what a file is told differs.
 */
export function compilePatternRule(
  setup: RuleSetup,
  check: (regex: SafeRegex, file: FileContext) => Finding[],
  needles?: (regex: SafeRegex) => readonly string[] | undefined,
): CompiledRule {
  const compiled = compileSafeRegex(setup.spec.pattern ?? '');
  if (!compiled.ok) return invalidRule(setup.spec, `its pattern cannot be used: ${compiled.error}`);
  const { regex } = compiled;
  return {
    spec: setup.spec,
    scope: setup.scope,
    scopeKey: `any ${setup.scope.key}`,
    appliesTo: setup.inScope,
    check: (file) => check(regex, file),
    needles: needles?.(regex),
  };
}
