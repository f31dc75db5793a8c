import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { modelGraph, toMermaid } from '../../../server/src/core/index/graph.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';

/** What the graph view draws beyond the documents and their hierarchy: amendments, governed files, requirement items. */
const files = {
  'docs/prd/0001-login.md': '---\nstatus: active\n---\n# Login\n\n## Password login\n`req~login~2`\nUsers log in with a password.\n\nNeeds: impl, utest\n',
  'docs/adr/0001-sessions.md': '---\nstatus: accepted\nproject: PRD-0001\napplies-to: ["src/auth/**"]\n---\n# Sessions\n',
  'docs/adr/0002-cookie-flags.md': '---\nstatus: accepted\namends: ADR-0001\n---\n# Cookie flags\n',
  'docs/adr/0003-no-orm.md': '---\nstatus: accepted\namended-by: ADR-0002\nrules:\n  - forbid-import: [orm]\n    files: ["src/db/**"]\n---\n# No ORM\n',
  'docs/adr/0004-plain.md': '---\nstatus: proposed\n---\n# Plain\n',
  'src/auth/login.ts': '// [impl->req~login~2]\nexport const login = 1;\n',
  'src/auth/session.ts': '// @decision ADR-0001\nexport const s = 1;\n',
  'src/db/query.ts': '// @decision ADR-0002\nexport const q = 1;\n',
  'src/db/pool.ts': 'export const p = 1;\n',
  // A bare id only suggests a link: it governs nothing.
  'src/ui/view.ts': '// see ADR-0004\nexport const v = 1;\n',
};

function graph(ws: Record<string, string>) {
  const g = modelGraph(buildIndex(new MemoryWorkspace(ws)));
  const idOf = new Map(g.nodes.map((n) => [n.name, n.document.id]));
  return { g, idOf };
}

describe('model graph details', () => {
  it('draws amendments from both sides, newer to older', () => {
    const { g, idOf } = graph(files);
    const amends = g.edges.filter((e) => e.type === 'amends').map((e) => `${idOf.get(e.from)} -> ${idOf.get(e.to)}`).sort();
    assert.deepEqual(amends, ['ADR-0002 -> ADR-0001', 'ADR-0002 -> ADR-0003']);
    assert.match(toMermaid(g), / -\. amends \.-> /);
  });

  it('counts the code files each document governs by annotation, applies-to or a rule scope, not by a bare id', () => {
    const { g } = graph(files);
    const counts = Object.fromEntries(g.nodes.map((n) => [n.document.id, n.governedFiles]));
    assert.deepEqual(counts, { 'PRD-0001': 0, 'ADR-0001': 2, 'ADR-0002': 1, 'ADR-0003': 2, 'ADR-0004': 0 });
  });

  it('lists requirement items with the document that defines them and their coverage', () => {
    const { g, idOf } = graph(files);
    assert.deepEqual(
      g.requirements.map((r) => ({ id: r.traced.item.id, owner: r.owner && idOf.get(r.owner), covered: r.traced.covered, needed: r.traced.needed })),
      [{ id: 'req~login~2', owner: 'PRD-0001', covered: ['impl'], needed: ['impl', 'utest'] }],
    );
    assert.ok(g.requirements.every((r) => !g.nodes.some((n) => n.name === r.name)), 'item names never collide with document names');
  });

  it('has no requirement items and no counts in a workspace of documents only', () => {
    const { g } = graph({ 'docs/adr/0001-a.md': '---\nstatus: accepted\n---\n# A\n' });
    assert.deepEqual(g.requirements, []);
    assert.equal(g.nodes[0].governedFiles, 0);
  });
});
