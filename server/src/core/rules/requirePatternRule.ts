import { code, ruleFinding, type CompiledRule, type RuleSetup } from './compiledRule.js';
import { compilePatternRule } from './patternRule.js';

/** require-pattern: reports a file in scope that has no match, at its first line. */
export function compileRequirePatternRule(setup: RuleSetup): CompiledRule {
  return compilePatternRule(setup, (regex, file) => {
    if (regex.test(file.text)) return [];
    const firstLine = file.lines.lineText(0).length;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine } };
    return [ruleFinding(setup, { path: file.path, range, lead: `This file lacks the pattern ${code(regex.source)} required by` })];
  });
}
