import type { Finding } from '../finding.js';
import { compileSafeRegex } from '../safeRegex.js';
import { code, invalidRule, ruleFinding, type CompiledRule, type RuleSetup } from './compiledRule.js';
import type { FileContext } from './fileContext.js';

/** require-pattern: reports a file in scope that has no match, at its first line. */
export function compileRequirePatternRule(setup: RuleSetup): CompiledRule {
  const compiled = compileSafeRegex(setup.spec.pattern ?? '');
  if (!compiled.ok) return invalidRule(setup.spec, `its pattern cannot be used: ${compiled.error}`);
  const { regex } = compiled;
  return {
    spec: setup.spec,
    scope: setup.scope,
    scopeKey: `any ${setup.scope.key}`,
    appliesTo: setup.inScope,
    check(file: FileContext): Finding[] {
      if (regex.test(file.text)) return [];
      const firstLine = file.lines.lineText(0).length;
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine } };
      return [ruleFinding(setup, file.path, range, `This file lacks the pattern ${code(regex.source)} required by`)];
    },
  };
}
