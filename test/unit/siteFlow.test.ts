import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decisionFlow } from '../../server/src/core/features/site/decisionFlow.js';
import { statusInForce } from '../../server/src/core/index/statusInForce.js';
import { buildIndex } from '../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../server/src/core/workspace/memoryWorkspace.js';

/** The one helper: the decision flow of fixture decisions (`docs/adr/<name>.md` → front matter lines) on a given day. */
function flowOf(decisions: Record<string, string>, today: string) {
  const files = Object.fromEntries(Object.entries(decisions).map(([name, fm], i) => [`docs/adr/${String(i + 1).padStart(4, '0')}-${name}.md`, `---\n${fm}\n---\n# ${name}\n`]));
  const index = buildIndex(new MemoryWorkspace(files));
  return decisionFlow([...index.documents.values()], (d) => statusInForce(index, d), today);
}

describe('decision flow (Little\'s Law)', () => {
  it('computes work in progress, throughput and lead time from dated decisions', () => {
    const flow = flowOf({
      a: 'status: accepted\nproposed: 2026-09-01\ndate: 2026-09-11',
      b: 'status: accepted\nproposed: 2026-10-01\ndate: 2026-10-31',
      c: 'status: accepted\ndate: 2026-11-05',
      d: 'status: proposed\ndate: 2026-11-13',
      e: 'status: draft\ndate: 2026-10-24',
      f: 'status: rejected\ndate: 2026-08-01',
    }, '2026-11-23');
    assert.deepEqual(flow.inProgress.map((w) => [w.doc.title, w.since, w.ageDays]), [['e', '2026-10-24', 30], ['d', '2026-11-13', 10]]);
    assert.deepEqual(flow.months, ['2026-09', '2026-10', '2026-11']);
    assert.deepEqual(flow.acceptedPerMonth, [1, 1, 1]);
    assert.deepEqual(flow.inProgressAtMonthEnd, [0, 1, 2]);
    assert.deepEqual(flow.leadTimes.map((l) => [l.doc.title, l.days]), [['a', 10], ['b', 30]]);
    assert.equal(flow.meanLeadTimeDays, 20);
    // 3 accepted over the 84 days from 1 September to 23 November.
    assert.equal(flow.throughputPerDay, 3 / 84);
    assert.equal(flow.predictedInProgress, (3 / 84) * 20);
    assert.equal(flow.impliedLeadTimeDays, 2 / (3 / 84));
  });

  it('looks at most twelve months back, and knows no lead time without proposal dates', () => {
    const flow = flowOf({ old: 'status: accepted\ndate: 2024-02-03', recent: 'status: accepted\ndate: 2026-02-01', now: 'status: proposed\ndate: 2026-11-01' }, '2026-11-23');
    assert.equal(flow.months.length, 12);
    assert.equal(flow.months[0], '2025-12');
    assert.equal(flow.acceptedPerMonth.reduce((a, b) => a + b, 0), 1);
    assert.equal(flow.meanLeadTimeDays, undefined);
    assert.equal(flow.predictedInProgress, undefined);
    assert.ok(flow.impliedLeadTimeDays !== undefined && flow.impliedLeadTimeDays > 0);
  });

  it('has nothing in progress or accepted in an empty workspace, and says so without dividing by zero', () => {
    const flow = flowOf({}, '2026-11-23');
    assert.deepEqual([flow.inProgress.length, flow.months, flow.throughputPerDay, flow.impliedLeadTimeDays], [0, ['2026-11'], 0, undefined]);
  });
});
