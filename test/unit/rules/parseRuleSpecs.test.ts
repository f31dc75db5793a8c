import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkProperty } from '../../helpers/checkProperty.js';
import { parse as parseYaml } from 'yaml';
import { range } from '../../../server/src/core/base/range.js';
import { parseRuleSpecs } from '../../../server/src/core/rules/parseRuleSpecs.js';
import type { RuleSpec } from '../../../server/src/core/rules/ruleSpec.js';

/**
 * Parses the YAML list under `rules:`. Each range handed out encodes the YAML path it was asked
 * for (as its start line, an index into `paths`), so problems can be checked against the path of
 * the offending item.
 */
function check(yaml: string): { rules: RuleSpec[]; problems: { message: string; at: string }[]; rangePath: (r: RuleSpec) => string } {
  const paths: string[] = [];
  const rangeAt = (p: (string | number)[]) => {
    paths.push(p.join('.'));
    return range(paths.length - 1, 0, paths.length - 1, 1);
  };
  const parsed = parseRuleSpecs(parseYaml(yaml), 'ADR-0007', rangeAt);
  return {
    rules: parsed.rules,
    problems: parsed.problems.map((p) => ({ message: p.message, at: paths[p.range.start.line] })),
    rangePath: (r) => paths[r.range.start.line],
  };
}

describe('parseRuleSpecs', () => {
  it('reads every rule kind with its options and defaults', () => {
    const { rules, problems, rangePath } = check(String.raw`
- forbid-import: [moment, moment-timezone]
  files: ["src/**"]
  except: ["src/legacy/**"]
  severity: error
  message: Use date-fns; see the decision.
- forbid-pattern: '\bconsole\.log\('
- require-pattern: 'SPDX-License-Identifier'
  files: src/**
- forbid-dependency: lodash
- forbid-layer: { from: "src/ui/**", to: ["src/db/**", "src/orm/**"] }
  severity: Info
`);
    assert.deepEqual(problems, []);
    assert.deepEqual(rules.map((r) => r.kind), ['forbid-import', 'forbid-pattern', 'require-pattern', 'forbid-dependency', 'forbid-layer']);
    assert.deepEqual(rules[0], {
      kind: 'forbid-import',
      decision: 'ADR-0007',
      index: 0,
      targets: ['moment', 'moment-timezone'],
      files: ['src/**'],
      except: ['src/legacy/**'],
      severity: 'error',
      message: 'Use date-fns; see the decision.',
      range: rules[0].range,
    });
    assert.equal(rangePath(rules[0]), 'rules.0');
    assert.equal(rules[1].pattern, '\\bconsole\\.log\\(');
    assert.equal(rules[1].severity, 'warning');
    assert.deepEqual(rules[1].files, []);
    assert.deepEqual(rules[2].files, ['src/**']);
    assert.deepEqual(rules[3].targets, ['lodash']);
    assert.deepEqual([rules[4].from, rules[4].to, rules[4].severity, rules[4].index], [['src/ui/**'], ['src/db/**', 'src/orm/**'], 'info', 4]);
  });

  it('reports a value that is not a list', () => {
    const { rules, problems } = check('forbid-import: moment');
    assert.deepEqual(rules, []);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].at, 'rules');
    assert.match(problems[0].message, /must be a list/);
  });

  it('treats an empty rules field as no rules', () => {
    assert.deepEqual(check('').problems, []);
    assert.deepEqual(check('[]').rules, []);
  });

  it('drops only the faulty rules, each with a problem at the offending item', () => {
    const { rules, problems } = check(String.raw`
- forbid-import: moment
- "forbid-import: x"
- forbid-import: x
  forbid-pattern: y
- exclude: ["a/**"]
  forbid-import: y
- forbidImport: z
- forbid-import: []
- forbid-dependency: [lodash, 3]
- forbid-pattern: '(a)\1'
- require-pattern: 'foo(?!bar)'
- forbid-pattern: '['
- forbid-import: z
  severity: fatal
- forbid-layer: { from: "src/ui/**" }
- forbid-layer: "src/ui -> src/db"
- forbid-import: z
  message: [not, text]
- forbid-import: z
  files: 42
- forbid-dependency: left-pad
`);
    assert.deepEqual(rules.map((r) => [r.index, r.targets]), [[0, ['moment']], [15, ['left-pad']]]);
    assert.deepEqual(
      problems.map((p) => p.at),
      ['rules.1', 'rules.2', 'rules.3.exclude', 'rules.4.forbidImport', 'rules.5.forbid-import', 'rules.6.forbid-dependency.1', 'rules.7.forbid-pattern', 'rules.8.require-pattern', 'rules.9.forbid-pattern', 'rules.10.severity', 'rules.11.forbid-layer', 'rules.12.forbid-layer', 'rules.13.message', 'rules.14.files'],
    );
    const messages = problems.map((p) => p.message);
    assert.match(messages[0], /rule 2 must be a mapping/);
    assert.match(messages[1], /rule 3 has 2 rule keys \(forbid-import, forbid-pattern\)/);
    assert.match(messages[2], /unknown key `exclude` \(did you mean `except`\?\)/);
    assert.match(messages[3], /unknown key `forbidImport` \(did you mean `forbid-import`\?\)/);
    assert.match(messages[4], /lists no modules/);
    assert.match(messages[5], /item 2 must be a non-empty package/);
    assert.match(messages[6], /backreferences .* not supported/);
    assert.match(messages[7], /lookahead assertions .* not supported/);
    assert.match(messages[8], /invalid RE2 pattern: missing closing \]/);
    assert.match(messages[9], /severity.*must be error, warning or info; got "fatal"/);
    assert.match(messages[10], /needs `to`/);
    assert.match(messages[11], /must be a mapping with `from` and `to`/);
    assert.match(messages[12], /`message` in rule 14 must be text/);
    assert.match(messages[13], /`files` in rule 15 must be a glob or a list of globs; got number 42/);
  });

  it('reports a rule without a kind key', () => {
    const { problems } = check('- files: ["src/**"]\n  severity: error');
    assert.deepEqual(problems.map((p) => p.at), ['rules.0']);
    assert.match(problems[0].message, /has no rule key/);
  });

  // The values YAML can produce: mostly rules of each kind with well- or ill-typed keys, so most runs
  // reach the rule-building code (an earlier version of this generator yielded a rule 5 times in 2,000).
  it('never throws and returns well-formed rules for arbitrary YAML values', () => {
    const key = fc.constantFrom('forbid-import', 'forbid-pattern', 'require-pattern', 'forbid-dependency', 'forbid-layer', 'files', 'except', 'severity', 'message', 'from', 'to', 'x');
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('error', '(a+)+$', '\\1', 'src/**'), fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(key, tie('any'), { maxKeys: 4 })),
    })).any;
    const globs = fc.oneof(fc.constantFrom('src/**', '**/*.ts'), fc.array(fc.constantFrom('src/**', 'lib/*', '['), { maxLength: 2 }), value);
    const rule = fc.oneof(
      fc.record({ 'forbid-import': fc.oneof(fc.constantFrom('moment', 'lodash/*'), fc.array(fc.constantFrom('a', 'b/*'), { minLength: 1, maxLength: 2 })), files: globs, severity: fc.constantFrom('error', 'warning', 'info', 'loud') }, { requiredKeys: ['forbid-import'] }),
      fc.record({ 'forbid-pattern': fc.constantFrom('\\bTODO\\b', 'eval\\(', '(a+)+$'), message: fc.oneof(fc.string({ maxLength: 8 }), value) }, { requiredKeys: ['forbid-pattern'] }),
      fc.record({ 'require-pattern': fc.constantFrom('^// SPDX', ''), except: globs }, { requiredKeys: ['require-pattern'] }),
      fc.record({ 'forbid-dependency': fc.constantFrom('left-pad', '@a/*'), files: globs }, { requiredKeys: ['forbid-dependency'] }),
      fc.record({ 'forbid-layer': fc.record({ from: globs, to: globs }, { requiredKeys: [] }) }),
      value,
    );
    const rules = fc.oneof({ weight: 6, arbitrary: fc.array(rule, { maxLength: 4 }) }, { weight: 1, arbitrary: value });
    checkProperty('rule spec values', [rules], (v) => {
      const { rules: specs, problems } = parseRuleSpecs(v, 'ADR-1', () => range(0, 0, 0, 0));
      for (const r of specs) {
        assert.ok(['error', 'warning', 'info'].includes(r.severity));
        assert.ok(Array.isArray(r.files) && Array.isArray(r.except) && Array.isArray(r.targets));
      }
      for (const p of problems) assert.equal(typeof p.message, 'string');
      return { 'a rule': specs.length > 0, 'a problem': problems.length > 0 };
    }, { numRuns: 1000, minimumFractions: { 'a rule': 0.3, 'a problem': 0.1 } });
  });
});
