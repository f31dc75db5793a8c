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

/**
 * The nodes the picture shows, in the model's order: all when they are few; else goals and projects
 * in force, then both ends of each link in the model's order (so the boxes shown keep their arrows),
 * then the rest, documents in force before retired ones.
 */
export function shownNodes(graph: ModelGraph, limit = graphNodeLimit): ModelNode[] {
  if (graph.nodes.length <= limit) return graph.nodes;
  const retired = (n: ModelNode) => statusClassOf(n.document.kind, n.status.status) === 'retired';
  const keep = new Set<string>();
  for (const n of graph.nodes) if (keep.size < limit && n.document.kind !== 'decision' && !retired(n)) keep.add(n.name);
  for (const e of graph.edges) {
    const missing = [e.from, e.to].filter((x) => !keep.has(x));
    if (keep.size + missing.length > limit) break;
    for (const x of missing) keep.add(x);
  }
  for (const pass of [false, true]) for (const n of graph.nodes) if (keep.size < limit && retired(n) === pass) keep.add(n.name);
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
