import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from '../../helpers/checkProperty.js';
import { range } from '../../../server/src/core/base/range.js';
import { compileRules } from '../../../server/src/core/rules/ruleEngine.js';
import type { RuleSpec } from '../../../server/src/core/rules/ruleSpec.js';
import { check } from './checkRules.js';

function spec(partial: Partial<RuleSpec> & Pick<RuleSpec, 'kind'>): RuleSpec {
  return { decision: 'ADR-0001', index: 0, targets: [], files: [], except: [], severity: 'warning', range: range(3, 2, 4, 0), ...partial };
}

describe('rule engine', () => {
  it('runs rules of several decisions over one file, extracting imports once', () => {
    const { findings } = check({
      decisions: [
        { id: 'ADR-0007', title: 'Dates', rules: '- forbid-import: moment\n- forbid-pattern: "debugger"' },
        { id: 'ADR-0008', title: 'Layers', rules: '- forbid-layer: { from: "src/ui/**", to: "src/db/**" }' },
      ],
      files: { 'src/ui/a.ts': "import m from '⟦moment⟧';\nimport d from '⟦../db/x⟧';\n⟦debugger⟧;" },
    });
    assert.deepEqual(
      findings.map((f) => [f.code, f.decision, f.data?.rule]),
      [
        ['forbid-import', 'ADR-0007', 0],
        ['forbid-layer', 'ADR-0008', 0],
        ['forbid-pattern', 'ADR-0007', 1],
      ],
    );
  });

  it('says whether any rule applies to a path, so callers can skip reading files', () => {
    const rules = compileRules(
      [spec({ kind: 'forbid-import', targets: ['x'], files: ['src/**'] }), spec({ kind: 'forbid-dependency', targets: ['y'], index: 1 })],
      () => ({ title: 'T', appliesTo: [], path: 'docs/adr/0001.md' }),
    );
    assert.equal(rules.appliesTo('src/a.ts'), true);
    assert.equal(rules.appliesTo('src/a.md'), false);
    assert.equal(rules.appliesTo('lib/a.ts'), false);
    assert.equal(rules.appliesTo('lib/package.json'), true);
    assert.equal(compileRules([], () => undefined).appliesTo('src/a.ts'), false);
  });

  it('reports rules that cannot run as invalid-rule at the rule in the decision document', () => {
    const rules = compileRules(
      [spec({ kind: 'forbid-pattern', pattern: '(a)\\1' }), spec({ kind: 'require-pattern', pattern: '(?=x)', index: 1 }), spec({ kind: 'forbid-layer', from: ['a/**'], index: 2 }), spec({ kind: 'forbid-pattern', pattern: 'ok', index: 3 })],
      (id) => (id === 'ADR-0001' ? { title: 'T', appliesTo: [], path: 'docs/adr/0001-t.md' } : undefined),
    );
    const invalid = rules.invalidRuleFindings();
    assert.deepEqual(
      invalid.map((f) => [f.path, f.code, f.severity, f.decision, f.data?.rule, f.range.start.line]),
      [
        ['docs/adr/0001-t.md', 'invalid-rule', 'error', 'ADR-0001', 0, 3],
        ['docs/adr/0001-t.md', 'invalid-rule', 'error', 'ADR-0001', 1, 3],
        ['docs/adr/0001-t.md', 'invalid-rule', 'error', 'ADR-0001', 2, 3],
      ],
    );
    assert.match(invalid[0].message, /Rule 1 \(forbid-pattern\) of ADR-0001 is not enforced: .*backreferences/);
    assert.match(invalid[1].message, /lookahead/);
    // The invalid rules report nothing; the valid one still runs.
    assert.deepEqual(rules.checkFile('a.txt', '(a)a x', () => false).map((f) => f.data?.rule), []);
    assert.equal(rules.checkFile('b.txt', 'ok', () => false).length, 1);
  });

  it('names the decision without a title when the decision is unknown', () => {
    const rules = compileRules([spec({ kind: 'forbid-pattern', pattern: 'x', decision: 'ADR-0099', message: 'Why.' })], () => undefined);
    assert.equal(rules.checkFile('a.txt', 'x', () => false)[0].message, '`x` matches a pattern (`x`) forbidden by ADR-0099: Why.');
  });

  it('never throws on arbitrary files, paths and rule specs', () => {
    const kinds = ['forbid-import', 'forbid-pattern', 'require-pattern', 'forbid-dependency', 'forbid-layer'] as const;
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(fc.constantFrom('import ', "'", '"', 'from ', 'require(', '{', '}', '[', ']', '"dependencies"', ':', ',', '\n', '<dependency>', '<artifactId>', '</artifactId>', '</dependency>', 'require (', ')', '[dependencies]', '=', 'x', '../', 'use ', '::', '#include '), { maxLength: 80 }).map((a) => a.join('')),
    );
    const ruleSpec = fc.record({
      kind: fc.constantFrom(...kinds),
      targets: fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('x', '*', '**', 'a/*', '{a,b}', '[', 'lodash*')), { maxLength: 3 }),
      pattern: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('x', '(a+)+$', '^', '', '\\b')),
      from: fc.array(fc.constantFrom('**', 'src/**', '*.ts', '['), { maxLength: 2 }),
      to: fc.array(fc.constantFrom('**', 'src/db/**', '../**', '{'), { maxLength: 2 }),
      files: fc.array(fc.constantFrom('**', 'src/**', '!x', ''), { maxLength: 2 }),
      except: fc.array(fc.constantFrom('**/*.md', 'x', ''), { maxLength: 2 }),
    });
    const path = fc.constantFrom('src/a.ts', 'src/db/x.py', 'package.json', 'go.mod', 'Cargo.toml', 'pyproject.toml', 'pom.xml', 'a.csproj', 'requirements.txt', 'src/a.rs', 'a.cs', 'a.c', 'README.md', 'src/a.vue');
    assertProperty('rule engine on arbitrary files',
      fc.property(fc.array(ruleSpec, { maxLength: 4 }), path, text, (specs, p, t) => {
        const rules = compileRules(
          specs.map((s, i) => spec({ ...s, index: i })),
          () => ({ title: 'T', appliesTo: ['src/**'], path: 'docs/adr/x.md' }),
        );
        rules.appliesTo(p);
        for (const f of rules.checkFile(p, t, (q) => q.length % 2 === 0)) {
          assert.equal(f.path, p);
          assert.ok(f.range.start.line <= f.range.end.line);
        }
        rules.invalidRuleFindings();
      }),
      { numRuns: 1000 },
    );
  });
});
