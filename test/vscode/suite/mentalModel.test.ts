// The Mental Model tree's top level: the goals, and an "Unlinked" group for projects and
// decisions that serve none.
import * as assert from 'node:assert/strict';
import { rationaleIndexed, waitFor } from './sampleWorkspace';

suite('mental model', () => {
  test('the top level lists the goals, then the Unlinked group', async () => {
    const api = await rationaleIndexed();
    const labels = await waitFor('the goals at the top of the Mental Model', async () => {
      const labels = await api.mentalModelTopLevel();
      return labels.some((label) => label.includes('GOAL-growth')) ? labels : undefined;
    });
    assert.equal(labels.length, 3, JSON.stringify(labels));
    assert.match(labels[0] ?? '', /GOAL-growth.*Double self-serve revenue|Double self-serve revenue.*GOAL-growth/, JSON.stringify(labels));
    assert.match(labels[1] ?? '', /GOAL-reliability.*Payments never fail silently|Payments never fail silently.*GOAL-reliability/, JSON.stringify(labels));
    assert.equal(labels[2], 'Unlinked', JSON.stringify(labels));
  });

  test('each decision shows its open debt, counted as `rationale check` counts it', async () => {
    const api = await rationaleIndexed();
    // The sample breaks ADR-0005 and excuses it once (src/billing/invoice.ts).
    const row = await waitFor('ADR-0005 with its debt', async () => (await api.mentalModelRows()).find((r) => r.startsWith('ADR-0005') && /\d+ findings?, 1 exception/.test(r)));
    assert.match(row, / · \d+ findings?, 1 exception$/, row);
    const rows = await api.mentalModelRows();
    assert.ok(rows.filter((r) => r.startsWith('GOAL-')).every((r) => !/finding/.test(r)), JSON.stringify(rows));
  });
});
