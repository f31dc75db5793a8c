/**
 * Which part of the graph the view shows: the filters by kind and by status, retired documents
 * (hidden unless asked for), and one goal's subgraph. Pure, so the unit tests hold it.
 */
import type { GraphEdge, GraphNode, GraphResult } from '../../../server/src/protocol.js';

export type NodeKind = GraphNode['kind'];
/** A node's status class, `none` for no status or one outside the canonical vocabulary. */
export type StatusFilter = NonNullable<GraphNode['statusClass']> | 'none';

export interface GraphFilter {
  kinds: ReadonlySet<NodeKind>;
  /** Status classes shown; `retired` is off by default. */
  statuses: ReadonlySet<StatusFilter>;
  /** The key of the goal whose subgraph alone is shown. */
  goal?: string;
}

export const allKinds: readonly NodeKind[] = ['goal', 'project', 'decision', 'requirement'];
export const allStatuses: readonly StatusFilter[] = ['in-force', 'pending', 'done', 'retired', 'covered', 'uncovered', 'none'];

export function defaultFilter(): GraphFilter {
  return { kinds: new Set(allKinds), statuses: new Set(allStatuses.filter((s) => s !== 'retired')) };
}

export function statusOf(node: GraphNode): StatusFilter {
  return node.retired ? 'retired' : (node.statusClass ?? 'none');
}

/**
 * A goal's subgraph: the goal, what serves it and what was decided for it or for those projects,
 * the decisions those supersede or amend, and the requirement items of all of them.
 */
export function goalSubgraph(graph: GraphResult, goal: string): Set<string> {
  const keep = new Set([goal]);
  const down = (kinds: GraphEdge['kind'][]) => {
    for (const e of graph.edges) if (kinds.includes(e.kind) && keep.has(e.from)) keep.add(e.to);
  };
  down(['serves']);
  down(['decided-for']);
  down(['supersedes', 'amends']);
  for (const e of graph.edges) if (e.kind === 'belongs-to' && keep.has(e.to)) keep.add(e.from);
  return keep;
}

/** The nodes the filter lets through and the edges between them. */
export function visibleGraph(graph: GraphResult, filter: GraphFilter): GraphResult {
  const inGoal = filter.goal !== undefined ? goalSubgraph(graph, filter.goal) : undefined;
  const nodes = graph.nodes.filter((n) => filter.kinds.has(n.kind) && filter.statuses.has(statusOf(n)) && (!inGoal || inGoal.has(n.key)));
  const keys = new Set(nodes.map((n) => n.key));
  return { nodes, edges: graph.edges.filter((e) => keys.has(e.from) && keys.has(e.to)) };
}

/** Keys of the nodes whose id or title contains the query, case-insensitively; none for an empty query. */
export function searchMatches(nodes: readonly GraphNode[], query: string): Set<string> {
  const q = query.trim().toLowerCase();
  if (!q) return new Set();
  return new Set(nodes.filter((n) => n.id.toLowerCase().includes(q) || n.title.toLowerCase().includes(q)).map((n) => n.key));
}

/** The filter widened just enough to show a node (Reveal in Graph on a retired decision, or outside the chosen goal). */
export function revealing(graph: GraphResult, filter: GraphFilter, key: string): GraphFilter {
  const node = graph.nodes.find((n) => n.key === key);
  if (!node) return filter;
  const goal = filter.goal !== undefined && !goalSubgraph(graph, filter.goal).has(key) ? undefined : filter.goal;
  return { kinds: new Set([...filter.kinds, node.kind]), statuses: new Set([...filter.statuses, statusOf(node)]), goal };
}
