import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { compareFindings, type Finding } from '../../../server/src/core/base/finding.js';
import { range } from '../../../server/src/core/base/range.js';
import { parseRuleSpecs } from '../../../server/src/core/rules/parseRuleSpecs.js';
import { compileRules, type CompiledRules } from '../../../server/src/core/rules/ruleEngine.js';
import type { RuleSpec } from '../../../server/src/core/rules/ruleSpec.js';
import { parseMarkers, showRange } from './fixtureMarkers.js';

export interface DecisionFixture {
  id: string;
  title?: string;
  appliesTo?: string[];
  /** Defaults to `docs/adr/<id>.md`. */
  path?: string;
  /** The YAML list under `rules:`. */
  rules: string;
}

export interface RuleCheck {
  findings: Finding[];
  rules: CompiledRules;
  specs: RuleSpec[];
  /** The fixture files with markers removed. */
  files: Record<string, string>;
}

/**
 * The rule engine's one test helper: compiles the decisions' rules, checks every fixture file the
 * rules apply to, and asserts the findings are exactly the `⟦…⟧` spans in the files (each finding's
 * range; a file without markers must have no findings). Files named in `existing` exist for import
 * resolution without being checked.
 */
export function check(input: { decisions: DecisionFixture[]; files: Record<string, string>; existing?: string[] }): RuleCheck {
  const specs: RuleSpec[] = [];
  for (const d of input.decisions) {
    let line = 0;
    const parsed = parseRuleSpecs(parseYaml(d.rules), d.id, () => range(line++, 0, line, 0));
    assert.deepEqual(parsed.problems, [], `rules of ${d.id} should parse`);
    specs.push(...parsed.rules);
  }
  const byId = new Map(input.decisions.map((d) => [d.id, d]));
  const rules = compileRules(specs, (id) => {
    const d = byId.get(id);
    return d && { title: d.title ?? '', appliesTo: d.appliesTo ?? [], path: d.path ?? `docs/adr/${d.id}.md` };
  });
  const files: Record<string, string> = {};
  const expected: string[] = [];
  for (const [path, fixture] of Object.entries(input.files)) {
    const m = parseMarkers(fixture);
    files[path] = m.text;
    for (const r of m.ranges) expected.push(`${path} ${showRange(r)}`);
  }
  const exists = new Set([...Object.keys(files), ...(input.existing ?? [])]);
  const findings: Finding[] = [];
  for (const [path, text] of Object.entries(files)) {
    const got = rules.checkFile(path, text, (p) => exists.has(p));
    if (got.length > 0) assert.ok(rules.appliesTo(path), `appliesTo(${path}) must be true when the file has findings`);
    findings.push(...got);
  }
  findings.sort(compareFindings);
  const actual = findings.map((f) => `${f.path} ${showRange(f.range)}`);
  assert.deepEqual(actual, [...expected].sort(byPathThenPosition), `findings:\n${findings.map((f) => `  ${f.path} ${showRange(f.range)} ${f.message}`).join('\n')}`);
  return { findings, rules, specs, files };
}

function byPathThenPosition(a: string, b: string): number {
  const [pa, ra] = a.split(' ');
  const [pb, rb] = b.split(' ');
  if (pa !== pb) return pa < pb ? -1 : 1;
  const [la, ca] = ra.split('-')[0].split(':').map(Number);
  const [lb, cb] = rb.split('-')[0].split(':').map(Number);
  return la - lb || ca - cb;
}
