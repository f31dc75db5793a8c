import type { Finding } from '../finding.js';
import { compileSafeRegex } from '../safeRegex.js';
import { code, invalidRule, ruleFinding, type CompiledRule, type RuleSetup } from './compiledRule.js';
import type { FileContext } from './fileContext.js';

/** A file with thousands of hits needs one fix, not thousands of diagnostics. */
export const maxPatternFindingsPerFile = 100;

/** forbid-pattern: reports each match of an RE2 pattern. */
export function compileForbidPatternRule(setup: RuleSetup): CompiledRule {
  const compiled = compileSafeRegex(setup.spec.pattern ?? '');
  if (!compiled.ok) return invalidRule(setup.spec, `its pattern cannot be used: ${compiled.error}`);
  const { regex } = compiled;
  return {
    spec: setup.spec,
    scope: setup.scope,
    scopeKey: `any ${setup.scope.key}`,
    appliesTo: setup.inScope,
    check(file: FileContext): Finding[] {
      // The DFA test is much cheaper than collecting matches, and most files do not match.
      if (!regex.test(file.text)) return [];
      return regex.findAll(file.text, maxPatternFindingsPerFile).map((m) =>
        ruleFinding(setup, file.path, file.lines.rangeOf(m.start, m.end), `${code(m.text)} matches a pattern (${code(regex.source)}) forbidden by`, { match: m.text.slice(0, 200) }),
      );
    },
  };
}
