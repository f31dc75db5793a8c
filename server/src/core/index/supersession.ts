import type { RationaleDocument } from '../documents/document.js';
import { resolveLink, type WorkspaceIndex } from './workspaceIndex.js';

/**
 * Who supersedes whom, read from both sides: A's `supersedes: B` and B's `superseded-by: A` (or a
 * `Superseded by [A](…)` status) are the same edge, because teams usually write only one side.
 */
export interface SupersessionGraph {
  /** successor path → predecessor paths */
  supersedes: ReadonlyMap<string, readonly string[]>;
  /** predecessor path → successor paths */
  supersededBy: ReadonlyMap<string, readonly string[]>;
}

const graphs = new WeakMap<WorkspaceIndex, SupersessionGraph>();

/** The graph of a snapshot, computed once per snapshot (snapshots are immutable). */
export function supersessionGraph(index: WorkspaceIndex): SupersessionGraph {
  let g = graphs.get(index);
  if (!g) {
    g = buildGraph(index);
    graphs.set(index, g);
  }
  return g;
}

function buildGraph(index: WorkspaceIndex): SupersessionGraph {
  const supersedes = new Map<string, string[]>();
  const supersededBy = new Map<string, string[]>();
  const add = (successor: RationaleDocument, predecessor: RationaleDocument) => {
    if (successor === predecessor) return;
    const a = supersedes.get(successor.path) ?? [];
    if (!a.includes(predecessor.path)) a.push(predecessor.path);
    supersedes.set(successor.path, a);
    const b = supersededBy.get(predecessor.path) ?? [];
    if (!b.includes(successor.path)) b.push(successor.path);
    supersededBy.set(predecessor.path, b);
  };
  for (const doc of index.documents.values()) {
    for (const link of doc.links) {
      if (link.type !== 'supersedes' && link.type !== 'superseded-by') continue;
      const other = resolveLink(index, link, 'decision');
      if (!other) continue;
      if (link.type === 'supersedes') add(doc, other);
      else add(other, doc);
    }
  }
  return { supersedes, supersededBy };
}

/** The current successor of a superseded decision: follows the chain to its end (cycle-safe). */
export function latestSuccessor(index: WorkspaceIndex, graph: SupersessionGraph, doc: RationaleDocument): RationaleDocument | undefined {
  let current = doc;
  const seen = new Set([doc.path]);
  for (;;) {
    const next = graph.supersededBy.get(current.path)?.[0];
    if (!next || seen.has(next)) break;
    seen.add(next);
    current = index.documents.get(next)!;
  }
  return current === doc ? undefined : current;
}

