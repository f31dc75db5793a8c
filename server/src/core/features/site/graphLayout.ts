import type { ModelGraph, ModelNode } from '../../index/graph.js';
import { statusClassOf } from '../../documents/statusClass.js';

/** The size every node is drawn at: three short lines of text. */
export const nodeWidth = 220;
export const nodeHeight = 58;

/**
 * A layered layout costs far more than linear time, and a picture of thousands of boxes helps no
 * one: beyond this many documents the graph keeps the linked ones first (goals, projects, then
 * decisions in force), and the lists on the page name everything.
 */
export const graphNodeLimit = 150;

/** The graph handed to ELK (`elk.layout(request)`): plain data, so the core stays free of the layout engine. */
export interface GraphLayoutRequest {
  id: string;
  layoutOptions: Record<string, string>;
  children: { id: string; width: number; height: number }[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

/** What ELK returns, as far as the picture reads it; read defensively, since it is another library's output. */
export interface LaidOutGraph {
  width?: number;
  height?: number;
  children?: { id: string; x?: number; y?: number; width?: number; height?: number }[];
  edges?: { id: string; sections?: { startPoint: Point; endPoint: Point; bendPoints?: Point[] }[] }[];
}

export interface Point {
  x: number;
  y: number;
}

/** The nodes the picture shows, in the model's order: all when they are few, else the best linked. */
export function shownNodes(graph: ModelGraph, limit = graphNodeLimit): ModelNode[] {
  if (graph.nodes.length <= limit) return graph.nodes;
  const degree = new Map<string, number>();
  for (const e of graph.edges) for (const n of [e.from, e.to]) degree.set(n, (degree.get(n) ?? 0) + 1);
  const rank = (n: ModelNode) => {
    const kind = n.document.kind === 'goal' ? 0 : n.document.kind === 'project' ? 1 : 2;
    const retired = statusClassOf(n.document.kind, n.status.status) === 'retired' ? 1 : 0;
    const linked = (degree.get(n.name) ?? 0) > 0 ? 0 : 1;
    return kind + 3 * linked + 6 * retired;
  };
  const order = graph.nodes.map((n, i) => ({ n, i, r: rank(n) })).sort((a, b) => a.r - b.r || a.i - b.i);
  const keep = new Set(order.slice(0, limit).map((x) => x.n.name));
  return graph.nodes.filter((n) => keep.has(n.name));
}

/** The layered, top-down layout request of the shown part of the graph; edge ids are `e<index in graph.edges>`. */
export function graphLayoutRequest(graph: ModelGraph, limit = graphNodeLimit): GraphLayoutRequest {
  const nodes = shownNodes(graph, limit);
  const shown = new Set(nodes.map((n) => n.name));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'POLYLINE',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
    },
    children: nodes.map((n) => ({ id: n.name, width: nodeWidth, height: nodeHeight })),
    edges: graph.edges.flatMap((e, i) => (shown.has(e.from) && shown.has(e.to) ? [{ id: `e${i}`, sources: [e.from], targets: [e.to] }] : [])),
  };
}
