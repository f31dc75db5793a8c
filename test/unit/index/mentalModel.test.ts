import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { modelHierarchy } from '../../../server/src/core/index/mentalModel.js';
import { modelGraph } from '../../../server/src/core/index/graph.js';
import { mentalModel, type ModelNode } from '../../../server/src/core/features/mentalModelTree.js';

const files = {
  'docs/goals/growth.md': '---\nid: GOAL-growth\nstatus: active\n---\n# Grow revenue\n',
  'docs/goals/calm.md': '---\nid: GOAL-calm\nstatus: active\npriority: 1\n---\n# Calm on-call\n',
  'docs/prd/0001-onboarding.md': '---\nstatus: active\ngoals: [GOAL-growth, GOAL-calm]\n---\n# Onboarding\n',
  'docs/prd/0002-orphan.md': '---\nstatus: active\ngoals: [GOAL-missing]\n---\n# Orphan project\n',
  // The same project twice, and a goal: one place under each parent.
  'docs/adr/0001-a.md': '---\nstatus: accepted\nproject: [PRD-0001, PRD-0001]\ngoals: [GOAL-calm]\n---\n# A\n',
  'docs/adr/0002-b.md': '---\nstatus: accepted\n---\n# B\n',
};

/** `parent > child` pairs of the editor's tree. */
function treeEdges(nodes: readonly ModelNode[], parent?: string, out: string[] = []): string[] {
  for (const n of nodes) {
    if (parent) out.push(`${parent} > ${n.document.id}`);
    treeEdges(n.children, n.document.id, out);
  }
  return out;
}

describe('the mental model hierarchy', () => {
  const index = buildIndex(new MemoryWorkspace(files));

  it('links projects to goals and decisions to projects and goals, once each', () => {
    const h = modelHierarchy(index);
    assert.deepEqual(h.links.map((l) => `${l.parent.id} -${l.type}-> ${l.child.id}`), [
      'GOAL-growth -serves-> PRD-0001',
      'GOAL-calm -serves-> PRD-0001',
      'PRD-0001 -decided-for-> ADR-0001',
      'GOAL-calm -decided-for-> ADR-0001',
    ]);
    assert.deepEqual(h.parentsOf('docs/prd/0002-orphan.md'), []);
    assert.equal(modelHierarchy(index), h, 'computed once per snapshot');
  });

  it('is what both the editor tree and the graph show', () => {
    const model = mentalModel(index);
    const graph = modelGraph(index);
    const idOf = new Map(graph.nodes.map((n) => [n.name, n.document.id]));
    const graphEdges = graph.edges.filter((e) => e.type !== 'supersedes').map((e) => `${idOf.get(e.from)} > ${idOf.get(e.to)}`);
    // Under a goal the tree repeats the project's own children; compare direct parent links only.
    const direct = new Set(treeEdges(model.goals).concat(treeEdges(model.unlinked)));
    assert.deepEqual([...direct].sort(), [...graphEdges].sort());
    assert.deepEqual(model.goals.map((g) => g.document.id), ['GOAL-calm', 'GOAL-growth'], 'by priority');
    const calm = model.goals[0];
    assert.deepEqual(calm.children.map((n) => n.document.id), ['ADR-0001', 'PRD-0001']);
    assert.deepEqual(calm.children[1].children.map((n) => n.document.id), ['ADR-0001'], 'a project listed twice holds its decision once');
    assert.deepEqual(model.unlinked.map((n) => n.document.id), ['ADR-0002', 'PRD-0002']);
  });

  it('puts the debt of each decision on its nodes, under every parent, and none on goals, projects or decisions without', () => {
    const debt = { 'ADR-0001': { findings: 2, exceptions: 1, expired: 0, baselined: 3 }, 'PRD-0001': { findings: 9, exceptions: 0, expired: 0, baselined: 0 } };
    const model = mentalModel(index, debt);
    const all: ModelNode[] = [];
    const walk = (nodes: readonly ModelNode[]) => nodes.forEach((n) => (all.push(n), walk(n.children)));
    walk([...model.goals, ...model.unlinked]);
    const withDebt = all.filter((n) => n.debt).map((n) => [n.document.id, n.debt]);
    assert.deepEqual(withDebt, [['ADR-0001', debt['ADR-0001']], ['ADR-0001', debt['ADR-0001']], ['ADR-0001', debt['ADR-0001']]]);
    assert.equal(all.filter((n) => n.document.id === 'ADR-0001').length, 3, 'under PRD-0001 (twice: below each goal) and GOAL-calm');
    assert.ok(mentalModel(index).goals.every((g) => g.debt === undefined));
  });
});
