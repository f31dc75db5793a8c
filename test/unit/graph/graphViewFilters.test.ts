import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultFilter, goalSubgraph, revealing, searchMatches, visibleGraph } from '../../../client/webview/graph/visibleGraph.js';
import { parseWebviewMessage } from '../../../client/src/graphView/graphMessages.js';
import { graphHtml } from '../../../client/src/graphView/graphHtml.js';
import type { GraphEdge, GraphNode, GraphResult } from '../../../server/src/protocol.js';

/** A node as the server sends it; the key is the id, which is enough for the filters. */
function node(id: string, kind: GraphNode['kind'], statusClass: GraphNode['statusClass'], title = id): GraphNode {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { key: id, kind, id, title, statusClass, retired: statusClass === 'retired', summary: '', uri: `file:///w/${id}.md`, range };
}
const edge = (from: string, to: string, kind: GraphEdge['kind']): GraphEdge => ({ from, to, kind });

const graph: GraphResult = {
  nodes: [
    node('GOAL-a', 'goal', 'in-force', 'Grow'), node('GOAL-b', 'goal', 'in-force', 'Calm'),
    node('PRD-1', 'project', 'in-force', 'Onboarding'), node('PRD-2', 'project', 'pending', 'Alerts'),
    node('ADR-1', 'decision', 'retired', 'Use Moment'), node('ADR-2', 'decision', 'in-force', 'Use date-fns'),
    node('ADR-3', 'decision', 'pending', 'Page on symptoms'), node('ADR-4', 'decision', undefined, 'Orphan'),
    node('req~x~1', 'requirement', 'uncovered', 'Signup'),
  ],
  edges: [
    edge('GOAL-a', 'PRD-1', 'serves'), edge('GOAL-b', 'PRD-2', 'serves'),
    edge('PRD-1', 'ADR-1', 'decided-for'), edge('PRD-1', 'ADR-2', 'decided-for'), edge('PRD-2', 'ADR-3', 'decided-for'),
    edge('ADR-2', 'ADR-1', 'supersedes'), edge('ADR-3', 'ADR-4', 'amends'), edge('req~x~1', 'PRD-1', 'belongs-to'),
  ],
};
const ids = (g: GraphResult) => g.nodes.map((n) => n.id);

describe('graph view filters', () => {
  it('hides retired documents by default, and the edges that touch them', () => {
    const shown = visibleGraph(graph, defaultFilter());
    assert.deepEqual(ids(shown), ['GOAL-a', 'GOAL-b', 'PRD-1', 'PRD-2', 'ADR-2', 'ADR-3', 'ADR-4', 'req~x~1']);
    assert.ok(!shown.edges.some((e) => e.from === 'ADR-1' || e.to === 'ADR-1'));
  });

  it('filters by kind and by status', () => {
    const f = defaultFilter();
    assert.deepEqual(ids(visibleGraph(graph, { ...f, kinds: new Set(['decision']) })), ['ADR-2', 'ADR-3', 'ADR-4']);
    assert.deepEqual(ids(visibleGraph(graph, { ...f, statuses: new Set(['pending', 'none']) })), ['PRD-2', 'ADR-3', 'ADR-4']);
  });

  it("shows one goal's subgraph: what serves it, what was decided for it, what those amend or supersede, their items", () => {
    assert.deepEqual([...goalSubgraph(graph, 'GOAL-a')].sort(), ['ADR-1', 'ADR-2', 'GOAL-a', 'PRD-1', 'req~x~1']);
    assert.deepEqual([...goalSubgraph(graph, 'GOAL-b')].sort(), ['ADR-3', 'ADR-4', 'GOAL-b', 'PRD-2']);
    assert.deepEqual(ids(visibleGraph(graph, { ...defaultFilter(), goal: 'GOAL-b' })), ['GOAL-b', 'PRD-2', 'ADR-3', 'ADR-4']);
  });

  it('widens the filter just enough to reveal a hidden node', () => {
    const narrowed = { ...defaultFilter(), goal: 'GOAL-b' };
    const wide = revealing(graph, narrowed, 'ADR-1');
    assert.equal(wide.goal, undefined, 'ADR-1 is outside GOAL-b');
    assert.ok(wide.statuses.has('retired'));
    assert.ok(visibleGraph(graph, wide).nodes.some((n) => n.id === 'ADR-1'));
    assert.equal(revealing(graph, narrowed, 'ADR-3').goal, 'GOAL-b', 'a node inside the goal keeps the goal filter');
  });

  it('matches the search in ids and titles, case-insensitively', () => {
    assert.deepEqual([...searchMatches(graph.nodes, 'use')], ['ADR-1', 'ADR-2']);
    assert.deepEqual([...searchMatches(graph.nodes, 'prd-2')], ['PRD-2']);
    assert.deepEqual([...searchMatches(graph.nodes, '  ')], []);
  });
});

describe('graph view messages and page', () => {
  it('accepts only the shapes the webview may send', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: 1 }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'open', key: 'file:///w/a.md' }), { type: 'open', key: 'file:///w/a.md' });
    for (const bad of [null, 'open', 42, {}, { type: 'open' }, { type: 'open', key: 7 }, { type: 'open', key: '' }, { type: 'open', key: 'x'.repeat(9000) }, { type: 'run', key: 'a' }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('allows one nonce-carrying script and styles from the webview resources only', () => {
    const html = graphHtml({ cspSource: 'https://res.test', scriptUri: 'https://res.test/graphView.js', styleUri: 'https://res.test/graphView.css' }, 'N0NCE');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1];
    assert.equal(csp, "default-src 'none'; style-src https://res.test; img-src https://res.test; font-src https://res.test; script-src 'nonce-N0NCE'");
    assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), ['<script nonce="N0NCE" src="https://res.test/graphView.js">']);
    assert.doesNotMatch(html, /\sstyle=|<style|\son\w+=/, 'no inline styles or handlers');
    assert.notEqual(/nonce-([^']+)/.exec(graphHtml({ cspSource: 'x', scriptUri: 'x', styleUri: 'x' }))![1], /nonce-([^']+)/.exec(graphHtml({ cspSource: 'x', scriptUri: 'x', styleUri: 'x' }))![1], 'a fresh nonce each time');
  });
});
