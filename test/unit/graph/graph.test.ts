import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dotString, mermaidText, modelGraph, toDot, toMermaid, type ModelGraph } from '../../../server/src/core/index/graph.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';

/** The one helper: the model graph of a fixture workspace, with edges as readable `id -type-> id` strings. */
function graphOf(files: Record<string, string>): { graph: ModelGraph; edges: string[] } {
  const graph = modelGraph(buildIndex(new MemoryWorkspace(files)));
  const idOf = new Map(graph.nodes.map((n) => [n.name, n.document.id]));
  return { graph, edges: graph.edges.map((e) => `${idOf.get(e.from)} -${e.type}-> ${idOf.get(e.to)}`).sort() };
}

const model = {
  'docs/goals/growth.md': '---\nid: GOAL-growth\nstatus: active\n---\n# Grow revenue\n',
  'docs/goals/calm.md': '---\nid: GOAL-calm\nstatus: active\n---\n# Calm on-call\n',
  'docs/prd/0001-onboarding.md': '---\nstatus: active\ngoals: [GOAL-growth]\n---\n# Onboarding\n',
  'docs/adr/0001-use-moment.md': '---\nstatus: superseded by ADR-0002\nproject: PRD-0001\n---\n# Use Moment\n',
  'docs/adr/0002-use-date-fns.md': '---\nstatus: accepted\nproject: PRD-0001\nsupersedes: ADR-0001\n---\n# Use date-fns\n',
  'docs/adr/0003-alerts.md': '---\nstatus: accepted\ngoals: [GOAL-calm]\n---\n# Page only on symptoms\n',
  'docs/adr/0004-orphan.md': '---\nstatus: proposed\n---\n# Orphan\n',
};

describe('model graph', () => {
  it('links goals to projects, projects (or goals) to decisions, and successors to predecessors', () => {
    const { graph, edges } = graphOf(model);
    assert.deepEqual(edges, [
      'ADR-0002 -supersedes-> ADR-0001',
      'GOAL-calm -decided-for-> ADR-0003',
      'GOAL-growth -serves-> PRD-0001',
      'PRD-0001 -decided-for-> ADR-0001',
      'PRD-0001 -decided-for-> ADR-0002',
    ]);
    assert.deepEqual(graph.nodes.map((n) => n.document.id), ['GOAL-calm', 'GOAL-growth', 'PRD-0001', 'ADR-0001', 'ADR-0002', 'ADR-0003', 'ADR-0004']);
  });

  it('renders Mermaid with generated node names, shapes per kind and retired decisions styled', () => {
    const text = toMermaid(graphOf(model).graph);
    assert.match(text, /^flowchart TD\n/);
    assert.match(text, /\n {4}n1\(\["GOAL-growth<br\/>Grow revenue<br\/><i>active<\/i>"\]\):::goal\n/);
    assert.match(text, /\n {4}n3\["ADR-0001<br\/>Use Moment<br\/><i>superseded<\/i>"\]:::retired\n/);
    assert.match(text, /\n {2}n1 --> n2\n/);
    assert.match(text, /\n {2}n4 -\. supersedes \.-> n3\n/);
  });

  it('renders DOT with clusters per kind and dashed supersede edges', () => {
    const text = toDot(graphOf(model).graph);
    assert.match(text, /^digraph rationale \{\n/);
    assert.match(text, /subgraph cluster_goal \{/);
    assert.match(text, /n2 \[label="PRD-0001\\nOnboarding\\n\(active\)", shape=box/);
    assert.match(text, /n4 -> n3 \[style=dashed, label="supersedes"\];/);
    assert.match(text, /\}\n$/);
  });

  it('escapes hostile ids and titles so they cannot break out of a label', () => {
    const hostile = 'X"]; click n0 "javascript:alert(1)" %% <b>&amp;</b> # \\ `code`\nend';
    const { graph } = graphOf({ 'docs/adr/0001-x.md': `---\nid: 'ADR-"1'\ntitle: ${JSON.stringify(hostile)}\nstatus: accepted\n---\n# t\n` });
    const mermaid = toMermaid(graph);
    const nodeLine = mermaid.split('\n').find((l) => l.startsWith('    n0'))!;
    // The only double quotes are the label's own delimiters, and no raw HTML or newline gets through.
    assert.equal(nodeLine.match(/"/g)!.length, 2, nodeLine);
    assert.doesNotMatch(nodeLine, /<b>|&amp;|\\|`/);
    assert.match(nodeLine, /X#34;\]; click n0 #34;javascript:alert\(1\)#34; %% #60;b#62;#38;amp;#60;\/b#62; #35; #92; #96;code#96; end/);
    assert.equal(mermaid.split('\n').filter((l) => /^\s*end$/.test(l)).length, 1, 'a title cannot close the subgraph');

    const dot = toDot(graph);
    const dotLine = dot.split('\n').find((l) => l.includes('n0 [label='))!;
    const label = /label=("(?:[^"\\]|\\.)*")/.exec(dotLine)![1];
    assert.equal(label, dotString(`ADR-"1\n${hostile}\n(accepted)`));
    assert.match(dotLine, /, shape=note,/, 'the attribute list continues after the label, so the label is closed');
  });

  it('escapes the characters that have a meaning in each syntax', () => {
    assert.equal(mermaidText('a"b#c<d>e&f\ng'), 'a#34;b#35;c#60;d#62;e#38;f g');
    assert.equal(dotString('a"b\\c\nd'), '"a\\"b\\\\c\\nd"');
  });
});
