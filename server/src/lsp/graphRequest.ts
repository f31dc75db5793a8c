import { statusClassOf } from '../core/documents/statusClass.js';
import { statusText } from '../core/documents/statusText.js';
import { modelGraph, type ModelGraph } from '../core/index/graph.js';
import type { GraphEdge, GraphNode, GraphResult } from '../protocol.js';
import type { Sessions } from './sessions.js';
import type { WorkspaceSession } from './workspaceSession.js';

/**
 * Show Mental Model Graph: the core's model graph of every folder, with generated node names turned
 * into URIs. A multi-root workspace is one model: each folder sees the others' documents as
 * sources, so a document reached from two folders is one node (the first folder's).
 */
export function onGraph(sessions: Sessions): GraphResult {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const session of sessions.all()) {
    const graph = modelGraph(session.index);
    const keyOf = graphKeys(graph, session);
    for (const n of graph.nodes) {
      const key = keyOf.get(n.name)!;
      if (nodes.has(key)) continue;
      const d = n.document;
      nodes.set(key, {
        key, kind: d.kind, id: d.id, title: d.title, status: n.status.status, statusText: statusText(n.status.status, n.status.written),
        statusClass: statusClassOf(d.kind, n.status.status), retired: n.status.retired, summary: d.summary,
        governedFileCount: n.governedFiles, uri: key, range: d.titleRange,
      });
    }
    for (const r of graph.requirements) {
      const key = keyOf.get(r.name)!;
      if (nodes.has(key)) continue;
      const { item, needed, covered } = r.traced;
      const summary = needed.length ? `covered ${covered.length} of ${needed.length}: ${needed.map((t) => `${t}${covered.includes(t) ? ' ✓' : ' ✗'}`).join(', ')}` : 'needs no coverage';
      nodes.set(key, {
        key, kind: 'requirement', id: item.id, title: item.title ?? item.id, statusClass: covered.length < needed.length ? 'uncovered' : 'covered',
        retired: false, summary, uri: session.uriOf(item.file), range: item.range,
      });
      if (r.owner) edges.set(`${key} ${keyOf.get(r.owner)}`, { from: key, to: keyOf.get(r.owner)!, kind: 'belongs-to' });
    }
    for (const e of graph.edges) {
      const from = keyOf.get(e.from)!;
      const to = keyOf.get(e.to)!;
      edges.set(`${from} ${to} ${e.type}`, { from, to, kind: e.type });
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Node name → key: a document's URI, an item's `<uri>#<id>`. */
function graphKeys(graph: ModelGraph, session: WorkspaceSession): Map<string, string> {
  const keys = new Map<string, string>();
  for (const n of graph.nodes) keys.set(n.name, session.uriOf(n.document.path));
  for (const r of graph.requirements) keys.set(r.name, `${session.uriOf(r.traced.item.file)}#${r.traced.item.id}`);
  return keys;
}
