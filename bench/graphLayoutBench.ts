/**
 * The Mental Model Graph at scale: 10 goals, 100 projects and 2,000 decisions (every seventh
 * superseded by the next, every eleventh amending the one before), the core's model graph of them,
 * and the webview's layout function (client/webview/graph/layout.ts) run in Node with the same
 * elkjs build the webview bundles. Drawing happens in the webview and is not measured here.
 */
import { createRequire } from 'node:module';
import { layoutGraph, type ElkLayouter } from '../client/webview/graph/layout.js';
import { visibleGraph, defaultFilter, allKinds, allStatuses } from '../client/webview/graph/visibleGraph.js';
import { modelGraph } from '../server/src/core/index/graph.js';
import { buildIndex, type WorkspaceIndex } from '../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../server/src/core/workspace/memoryWorkspace.js';
import type { GraphResult } from '../server/src/protocol.js';
import { resultsTable } from './markdownTable.js';
import { median } from './stats.js';

const goals = 10;
const projects = 100;

function graphWorkspace(decisions: number): MemoryWorkspace {
  const ws = new MemoryWorkspace();
  const pad = (i: number) => String(i + 1).padStart(4, '0');
  for (let g = 0; g < goals; g++) ws.set(`docs/goals/g${g}.md`, `---\nid: GOAL-g${g}\nstatus: active\n---\n# Goal ${g}\n`);
  for (let p = 0; p < projects; p++) ws.set(`docs/prd/${pad(p)}-p${p}.md`, `---\nstatus: active\ngoals: [GOAL-g${p % goals}]\n---\n# Project ${p}\n`);
  for (let d = 0; d < decisions; d++) {
    const links = [d % 7 === 6 ? `supersedes: ADR-${pad(d - 1)}` : '', d % 11 === 10 ? `amends: ADR-${pad(d - 1)}` : ''].filter(Boolean).join('\n');
    ws.set(`docs/adr/${pad(d)}-d${d}.md`, `---\nstatus: accepted\nproject: PRD-${pad(d % projects)}\n${links}\n---\n# Decision ${d}\n\nWhy ${d}.\n`);
  }
  return ws;
}

/** The request's shape, keyed by path: what the webview receives, without a language server. */
function graphResult(index: WorkspaceIndex): GraphResult {
  const graph = modelGraph(index);
  const key = new Map(graph.nodes.map((n) => [n.name, n.document.path]));
  return {
    nodes: graph.nodes.map((n) => ({ key: n.document.path, kind: n.document.kind, id: n.document.id, title: n.document.title, status: n.status.status, retired: n.status.retired, summary: n.document.summary, governedFileCount: n.governedFiles, uri: n.document.path, range: n.document.titleRange })),
    edges: graph.edges.map((e) => ({ from: key.get(e.from)!, to: key.get(e.to)!, kind: e.type })),
  };
}

function timeWall(fn: () => void): { wallMs: number } {
  const t = performance.now();
  fn();
  return { wallMs: performance.now() - t };
}

export async function graphLayoutSection(decisions = 2000, runs = 3): Promise<string[]> {
  const ELK = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js') as new () => ElkLayouter;
  const elk = new ELK();
  const modelTimes: number[] = [];
  let graph: GraphResult = { nodes: [], edges: [] };
  for (let i = 0; i < runs; i++) {
    // A fresh snapshot each run: the model graph's parts are cached per snapshot.
    const index = buildIndex(graphWorkspace(decisions));
    modelTimes.push(timeWall(() => (graph = graphResult(index))).wallMs);
  }
  const shown = visibleGraph(graph, defaultFilter());
  const all = visibleGraph(graph, { kinds: new Set(allKinds), statuses: new Set(allStatuses) });
  // One warm-up layout: the webview lays out again on every filter change, with elkjs compiled.
  await layoutGraph(elk, shown.nodes.slice(0, 200), shown.edges);
  // CPU time beside wall time: the layout is one thread's work, and a loaded machine stretches only the wall time.
  const timeLayout = async (g: GraphResult) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      await layoutGraph(elk, g.nodes, g.edges);
      const used = process.cpuUsage(c);
      wall.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    }
    return { wallMs: median(wall), cpuMs: median(cpu) };
  };
  const shownMs = await timeLayout(shown);
  const allMs = await timeLayout(all);
  const fmt = (x: number) => `${x.toFixed(0)} ms`;
  return [
    '## The Mental Model Graph',
    '',
    `${goals} goals, ${projects} projects and ${decisions} decisions: the graph request's data (modelGraph over a built index), and the webview's elkjs layout run in Node (median of ${runs}, after one warm-up).`,
    '',
    ...resultsTable([
      [`model graph of ${graph.nodes.length} documents (modelGraph over a built index)`, fmt(median(modelTimes)), `${graph.edges.length} edges`, ''],
      [`elkjs layout of the default view (retired hidden): ${shown.nodes.length} nodes`, fmt(shownMs.wallMs), `${fmt(shownMs.cpuMs)} CPU; ${shown.edges.length} edges`, '< 3 s with drawing'],
      [`elkjs layout of every node: ${all.nodes.length} nodes`, fmt(allMs.wallMs), `${fmt(allMs.cpuMs)} CPU; ${all.edges.length} edges`, '< 3 s with drawing'],
    ]),
    '',
  ];
}
