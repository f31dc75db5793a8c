import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/base/finding.js';
import { range } from '../../server/src/core/base/range.js';
import { toSarif } from '../../server/src/cli/formats/sarifFormat.js';

const options = { rootUri: 'file:///repo/', toolVersion: '1.0.0' };

function finding(code: Finding['code'], line: number, fields: Partial<Finding> = {}): Finding {
  return { path: 'src/a.ts', range: range(line, 0, line, 5), severity: 'warning', code, decision: 'ADR-0001', message: `${code} here`, ...fields };
}

/** The parts of one run these tests read. */
function run(findings: Finding[], suppressed: Finding[] = []) {
  const r = toSarif(findings, suppressed, options).runs[0];
  return { rules: r.tool.driver.rules ?? [], results: r.results ?? [] };
}

describe('SARIF format', () => {
  it('points every result at its own rule, not only the first result', () => {
    const { rules, results } = run(
      [finding('unknown-id', 1), finding('forbid-import', 2), finding('review-overdue', 3), finding('forbid-import', 4)],
      [finding('forbid-pattern', 5, { data: { suppressedBecause: 'legacy' } })],
    );
    assert.deepEqual(rules.map((r) => r.id), ['forbid-import', 'forbid-pattern', 'review-overdue', 'unknown-id']);
    assert.equal(results.length, 5);
    for (const res of results) assert.equal(rules[res.ruleIndex!].id, res.ruleId, `result on line ${res.locations?.[0].physicalLocation?.region?.startLine}`);
  });

  it('maps info to note, warning to warning and error to error, for results and rule defaults', () => {
    const { rules, results } = run([
      finding('review-overdue', 1, { severity: 'info' }),
      finding('unknown-id', 2, { severity: 'warning' }),
      finding('forbid-import', 3, { severity: 'error' }),
    ]);
    assert.deepEqual(results.map((r) => [r.ruleId, r.level]), [['review-overdue', 'note'], ['unknown-id', 'warning'], ['forbid-import', 'error']]);
    assert.deepEqual(
      rules.map((r) => [r.id, r.defaultConfiguration?.level]),
      [['forbid-import', 'error'], ['review-overdue', 'note'], ['unknown-id', 'warning']],
    );
  });

  it('gives fingerprints that are stable across runs and lines, and differ between findings', () => {
    const findings = [
      finding('forbid-import', 1, { message: 'Import of `moment` is forbidden' }),
      finding('forbid-import', 7, { message: 'Import of `moment` is forbidden' }), // the same import again
      finding('forbid-import', 8, { message: 'Import of `lodash` is forbidden' }),
      finding('forbid-import', 1, { path: 'src/b.ts', message: 'Import of `moment` is forbidden' }),
      finding('unknown-id', 1, { decision: null }),
      finding('unknown-id', 1, { decision: 'ADR-0002' }),
    ];
    const prints = (fs: Finding[]) => run(fs).results.map((r) => r.partialFingerprints?.rationaleFinding);
    const first = prints(findings);
    assert.ok(first.every((p) => typeof p === 'string' && p.length > 0));
    assert.equal(new Set(first).size, findings.length, `fingerprints must differ: ${JSON.stringify(first)}`);
    assert.deepEqual(prints(findings), first, 'the same findings give the same fingerprints');
    // Three lines inserted above every finding: the alerts stay the same alerts.
    const moved = findings.map((f) => ({ ...f, range: range(f.range.start.line + 3, 0, f.range.end.line + 3, 5) }));
    assert.deepEqual(prints(moved), first);
  });
});
