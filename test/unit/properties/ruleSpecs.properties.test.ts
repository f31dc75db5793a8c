import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { defaultIdPrefixes } from '../../../server/src/core/documents/ids.js';
import { parseDocument } from '../../../server/src/core/documents/parseDocument.js';
import { compileRules } from '../../../server/src/core/rules/ruleEngine.js';
import { assertRangeInside } from '../../helpers/assertRangeInside.js';
import { checkProperty } from '../../helpers/checkProperty.js';

/** One rule as a YAML list entry: a kind with its value, then optional keys; mostly well-formed, some not. */
const validKind = fc.constantFrom(
  'forbid-import: [moment, "lodash/*"]', 'forbid-import: moment', 'forbid-pattern: "\\\\bTODO\\\\b"', "require-pattern: '^// SPDX'",
  'forbid-dependency: [left-pad]', 'forbid-layer: {from: ["src/ui/**"], to: ["src/db/**"]}',
);
const invalidKind = fc.constantFrom(
  'forbid-import: []', 'forbid-pattern: "(a+)+$"', 'forbid-pattern: "\\\\1"', 'forbid-import: 42', 'forbid-layer: {from: src/ui/**}',
  'forbid-everything: x', 'files: ["src/**"]',
);
/** Each optional key at most once (a repeated key makes the whole front matter malformed). */
const option = (key: string, valid: string[], invalid: string[]) =>
  fc.option(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) }).map((v) => `${key}: ${v}`), { freq: 2 });
const options = fc
  .tuple(
    option('files', ['["src/**"]', 'src/**'], ['42', '["["]']),
    option('except', ['["**/*.test.ts"]'], ['[1, 2]']),
    option('severity', ['error', 'info', 'warning'], ['loud']),
    option('message', ['Use date-fns.'], ['7']),
    fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant('x: 1') }), // an unknown key, now and then
  )
  .map((o) => o.filter((line): line is string => line !== null));
const kindLine = fc.oneof({ weight: 4, arbitrary: validKind }, { weight: 1, arbitrary: invalidKind });
const rule = fc
  .tuple(kindLine, options)
  .map(([k, opts]) => [`  - ${k}`, ...opts.map((o) => `    ${o}`)].join('\n'));
const rulesYaml = fc.oneof(
  { weight: 6, arbitrary: fc.array(rule, { minLength: 1, maxLength: 4 }).map((rs) => `rules:\n${rs.join('\n')}`) },
  { weight: 1, arbitrary: fc.constantFrom('rules: 7', 'rules: forbid-import', 'rules: {forbid-import: x}', 'rules:\n  - ', 'rules: [') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => `rules:\n  - ${s}`) },
);
const decision = rulesYaml.map((r) => `---\nstatus: accepted\n${r}\n---\n# 1. Rules\n`);

describe('rule specs on generated decisions', () => {
  it('never throw, locate every rule and problem inside the text, and mostly compile', () => {
    checkProperty('rule specs', [decision], (text) => {
      const doc = parseDocument('docs/adr/0001-rules.md', text, { kind: 'decision', idPrefixes: defaultIdPrefixes, statusMap: {} });
      for (const r of doc.rules) {
        assertRangeInside(text, r.range, `rule ${r.decision}#${r.index}`);
        assert.ok(['error', 'warning', 'info'].includes(r.severity));
        assert.ok(Array.isArray(r.files) && Array.isArray(r.except) && Array.isArray(r.targets));
      }
      for (const p of doc.problems) assertRangeInside(text, p.range, `problem ${p.message}`);
      const compiled = compileRules(doc.rules, () => ({ title: 'Rules', appliesTo: [], path: 'docs/adr/0001-rules.md' }));
      for (const f of compiled.invalidRuleFindings()) assertRangeInside(text, f.range, `invalid rule ${f.message}`);
      return { 'a rule compiled': compiled.rules.some((r) => r.invalid === undefined), 'a problem': doc.problems.length > 0 };
    }, { numRuns: 400, minimumFractions: { 'a rule compiled': 0.3, 'a problem': 0.1 } });
  });
});
