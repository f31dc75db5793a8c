import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { graphRequest, type GraphResult } from '../../server/src/protocol.js';
import { startFixture, type LspFixture } from './lspHarness.js';

let fx: LspFixture;
before(async () => {
  fx = await startFixture({
    'docs/goals/speed.md': '---\nid: GOAL-speed\nstatus: active\n---\n# Fast checkout\n',
    'docs/prd/0001-login.md': '---\nstatus: active\ngoals: [GOAL-speed]\n---\n# Login\n\n## Password login\n`req~login~1`\nUsers log in.\n\nNeeds: impl\n',
    'docs/adr/0001-sessions.md': '---\nstatus: accepted\nproject: PRD-0001\napplies-to: ["src/**"]\n---\n# Sessions\n\nCookies, not tokens.\n',
    'docs/adr/0002-old.md': '---\nstatus: accepted\nproject: PRD-0001\n---\n# Old sessions\n',
    'docs/adr/0003-new.md': '---\nstatus: accepted\nsupersedes: ADR-0002\namends: ADR-0001\n---\n# New sessions\n',
    'src/login.ts': '// [impl->req~login~1]\n// @decision ADR-0003\nexport const login = 1;\n',
  });
});
after(() => fx?.dispose());

/** `from -kind-> to` with node ids in place of keys. */
function edges(graph: GraphResult): string[] {
  const id = new Map(graph.nodes.map((n) => [n.key, n.id]));
  return graph.edges.map((e) => `${id.get(e.from)} -${e.kind}-> ${id.get(e.to)}`).sort();
}

describe('language server: rationale/graph', () => {
  it('answers every document and requirement item, keyed by URI, with statuses, counts and links', async () => {
    const graph = await fx.client.sendRequest(graphRequest);
    assert.deepEqual(edges(graph), [
      'ADR-0003 -amends-> ADR-0001',
      'ADR-0003 -supersedes-> ADR-0002',
      'GOAL-speed -serves-> PRD-0001',
      'PRD-0001 -decided-for-> ADR-0001',
      'PRD-0001 -decided-for-> ADR-0002',
      'req~login~1 -belongs-to-> PRD-0001',
    ]);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const old = byId.get('ADR-0002')!;
    assert.equal(old.key, fx.uri('docs/adr/0002-old.md'));
    assert.deepEqual([old.status, old.statusText, old.statusClass, old.retired], ['superseded', 'superseded (file says accepted)', 'retired', true]);
    assert.equal(byId.get('ADR-0001')!.governedFileCount, 1);
    assert.equal(byId.get('ADR-0001')!.summary, 'Cookies, not tokens.');
    assert.equal(byId.get('ADR-0003')!.governedFileCount, 1);
    const item = byId.get('req~login~1')!;
    assert.deepEqual([item.kind, item.key, item.statusClass, item.range.start.line], ['requirement', `${fx.uri('docs/prd/0001-login.md')}#req~login~1`, 'covered', 7]);
  });
});
