import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/base/finding.js';
import { debtByDecision } from '../../../server/src/core/checks/decisionDebt.js';
import { debtLine, mostDebt } from '../../../server/src/cli/formats/decisionDebt.js';

const f = (decision: string | null, code: Finding['code'] = 'forbid-import'): Finding => ({
  path: 'src/a.ts', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 'error', code, decision, message: 'm',
});

describe('debt per decision', () => {
  it('counts each kind of debt per decision, and leaves out findings without one and findings about the baseline', () => {
    const debt = debtByDecision([f('ADR-2'), f('ADR-1'), f('ADR-1', 'expired-exception'), f(null), f('ADR-1', 'stale-baseline')], [f('ADR-2')], [f('ADR-1'), f('ADR-1')]);
    assert.deepEqual(Object.keys(debt), ['ADR-1', 'ADR-2']);
    assert.deepEqual(debt['ADR-1'], { findings: 1, exceptions: 0, expired: 1, baselined: 2 });
    assert.deepEqual(debt['ADR-2'], { findings: 1, exceptions: 1, expired: 0, baselined: 0 });
  });

  it('ranks the five decisions with the most debt, most first, ties by id', () => {
    const ids = ['ADR-1', 'ADR-2', 'ADR-3', 'ADR-4', 'ADR-5', 'ADR-6'];
    const findings = ids.flatMap((id, i) => Array.from({ length: i === 0 ? 9 : i === 5 ? 1 : 3 }, () => f(id)));
    const top = mostDebt(debtByDecision(findings, [], []));
    assert.deepEqual(top.map(([id]) => id), ['ADR-1', 'ADR-2', 'ADR-3', 'ADR-4', 'ADR-5']);
    assert.equal(debtLine(...top[0]), 'ADR-1  9  (9 findings)');
  });
});
