import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { ruleKinds, ruleOptionKeys } from '../../../server/src/core/rules/ruleSpec.js';
import { parseRuleSpecs } from '../../../server/src/core/rules/parseRuleSpecs.js';
import { compileRules } from '../../../server/src/core/rules/ruleEngine.js';
import { commandHelp } from '../../../server/src/cli/help.js';
import { findingHelp } from '../../../server/src/cli/findingHelp.js';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The JSON schema cannot import the list, so it is read and compared. */
function schemaRuleKeys(): { kinds: string[]; options: string[] } {
  const schema = JSON.parse(fs.readFileSync(new URL('../../../../schemas/decision.schema.json', import.meta.url), 'utf8'));
  const keys = Object.keys(schema.properties.rules.items.properties);
  return { kinds: keys.filter((k) => !(ruleOptionKeys as readonly string[]).includes(k)), options: keys.filter((k) => (ruleOptionKeys as readonly string[]).includes(k)) };
}

describe('rule kinds: one list', () => {
  it('schemas/decision.schema.json declares exactly the rule kinds and options of the code', () => {
    const { kinds, options } = schemaRuleKeys();
    assert.deepEqual([...kinds].sort(), [...ruleKinds].sort());
    assert.deepEqual([...options].sort(), [...ruleOptionKeys].sort());
  });

  it('the parser accepts and the engine compiles every kind in the list', () => {
    const examples: Record<string, unknown> = {
      'forbid-import': ['moment'], 'forbid-pattern': 'x', 'require-pattern': 'y', 'forbid-dependency': ['left-pad'], 'forbid-layer': { from: 'a/**', to: 'b/**' },
    };
    assert.deepEqual(Object.keys(examples).sort(), [...ruleKinds].sort(), 'an example for every kind');
    const { rules, problems } = parseRuleSpecs(ruleKinds.map((k) => ({ [k]: examples[k] })), 'ADR-0001', () => range);
    assert.deepEqual(problems, []);
    assert.deepEqual(rules.map((r) => r.kind), [...ruleKinds]);
    const compiled = compileRules(rules, () => ({ title: 'A', appliesTo: [] }));
    assert.deepEqual(compiled.rules.filter((r) => r.invalid !== undefined).map((r) => [r.spec.kind, r.invalid]), []);
    assert.equal(compiled.rules.length, ruleKinds.length);
  });

  it('help texts name every kind', () => {
    for (const kind of ruleKinds) {
      assert.ok(commandHelp.check!.includes(kind), `check --help names ${kind}`);
      assert.ok(findingHelp['invalid-rule'].help.includes(kind), `invalid-rule help names ${kind}`);
      assert.ok(findingHelp[kind], `${kind} is explained as a finding`);
    }
  });
});
