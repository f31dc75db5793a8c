import { code, ruleFinding, type CompiledRule, type RuleSetup } from './compiledRule.js';
import { compilePatternRule } from './patternRule.js';
import { literalNeedle } from '../base/searchNeedle.js';
import type { SafeRegex } from '../base/safeRegex.js';

/** A file with thousands of hits needs one fix, not thousands of diagnostics. */
export const maxPatternFindingsPerFile = 100;

/** forbid-pattern: reports each match of an RE2 pattern. */
export function compileForbidPatternRule(setup: RuleSetup): CompiledRule {
  return compilePatternRule(setup, (regex, file) => {
    // The DFA test is much cheaper than collecting matches, and most files do not match.
    if (!regex.test(file.text)) return [];
    return regex.findAll(file.text, maxPatternFindingsPerFile).map((m) =>
      ruleFinding(setup, {
        path: file.path,
        range: file.lines.rangeOf(m.start, m.end),
        lead: `${code(m.text)} matches a pattern (${code(regex.source)}) forbidden by`,
        data: { match: m.text.slice(0, 200) },
      }),
    );
  }, patternNeedles);
}

/** Both tests above find nothing in a text without the pattern's required literal: it is the needle. */
function patternNeedles(regex: SafeRegex): string[] | undefined {
  const needle = regex.literal === undefined ? undefined : literalNeedle(regex.literal);
  return needle === undefined ? undefined : [needle];
}
