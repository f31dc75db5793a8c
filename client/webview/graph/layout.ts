/**
 * The graph's layout: nodes in layers with elkjs (Sugiyama's method), goals on the left, then
 * projects, decisions and requirement items. Pure: it takes an ELK instance, so the webview runs it
 * with elkjs' bundled build and the bench runs the very same function in Node.
 */
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { GraphEdge, GraphNode } from '../../../server/src/protocol.js';

/** The part of elkjs' API used here (its constructor lives in elk.bundled.js). */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  edge: GraphEdge;
  /** From the start point through the bends to the end point. */
  points: { x: number; y: number }[];
}

export interface GraphLayout {
  width: number;
  height: number;
  boxes: Map<string, Box>;
  edges: PlacedEdge[];
}

export const nodeSize = { document: { width: 260, height: 64 }, requirement: { width: 240, height: 48 } } as const;

/**
 * Above this many nodes the layout trades polish for time: no crossing minimisation (the input
 * order already groups children under their parents), simple placement and straight edges. With
 * them, 2,000 decisions lay out in about a second rather than ten (bench/graphLayoutBench.ts).
 */
export const largeGraph = 400;

function layoutOptions(nodeCount: number): LayoutOptions {
  const common: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.spacing.nodeNode': '16',
    'elk.layered.spacing.nodeNodeBetweenLayers': '56',
    'elk.spacing.componentComponent': '40',
  };
  if (nodeCount <= largeGraph) return { ...common, 'elk.edgeRouting': 'ORTHOGONAL' };
  return {
    ...common,
    'elk.edgeRouting': 'POLYLINE',
    'elk.layered.thoroughness': '1',
    'elk.layered.crossingMinimization.strategy': 'NONE',
    'elk.layered.nodePlacement.strategy': 'SIMPLE',
  };
}

/**
 * The edge as ELK sees it, pointing the way layers go: a requirement item sits right of the
 * document it belongs to, so its edge is reversed; the others already point from the higher node.
 */
function layered(edge: GraphEdge): { source: string; target: string } {
  return edge.kind === 'belongs-to' ? { source: edge.to, target: edge.from } : { source: edge.from, target: edge.to };
}

/** Depth-first from the roots, so that without crossing minimisation children sit next to their parents. */
function hierarchyOrder(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): GraphNode[] {
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const e of edges) {
    const { source, target } = layered(e);
    children.set(source, [...(children.get(source) ?? []), target]);
    hasParent.add(target);
  }
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const out: GraphNode[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    // An explicit stack: a supersede chain thousands long must not overflow the call stack.
    const stack = [key];
    while (stack.length) {
      const k = stack.pop()!;
      if (seen.has(k) || !byKey.has(k)) continue;
      seen.add(k);
      out.push(byKey.get(k)!);
      for (const c of [...(children.get(k) ?? [])].reverse()) stack.push(c);
    }
  };
  for (const n of nodes) if (!hasParent.has(n.key)) visit(n.key);
  for (const n of nodes) visit(n.key);
  return out;
}

/** Lays out the nodes and the edges between them; edges to nodes not given are dropped. */
export async function layoutGraph(elk: ElkLayouter, nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Promise<GraphLayout> {
  const keys = new Set(nodes.map((n) => n.key));
  const kept = edges.filter((e) => keys.has(e.from) && keys.has(e.to) && e.from !== e.to);
  const children: ElkNode[] = hierarchyOrder(nodes, kept).map((n) => ({ id: n.key, ...(n.kind === 'requirement' ? nodeSize.requirement : nodeSize.document) }));
  const elkEdges: ElkExtendedEdge[] = kept.map((e, i) => {
    const { source, target } = layered(e);
    return { id: `e${i}`, sources: [source], targets: [target] };
  });
  const result = await elk.layout({ id: 'root', layoutOptions: layoutOptions(nodes.length), children, edges: elkEdges });
  const boxes = new Map<string, Box>();
  for (const c of result.children ?? []) boxes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  const placed = (result.edges ?? []).map((e): PlacedEdge => {
    const s = (e as ElkExtendedEdge).sections?.[0];
    // Points run the way ELK laid the edge (document to item for belongs-to), which is how it is drawn.
    return { edge: kept[Number(e.id.slice(1))], points: s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [] };
  });
  return { width: result.width ?? 0, height: result.height ?? 0, boxes, edges: placed };
}
