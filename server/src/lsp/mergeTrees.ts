import type { DocumentSummary, TreeNode } from '../protocol.js';

/**
 * The Mental Model of a multi-root workspace: every folder's tree, joined into one. Each folder's
 * tree also holds the other folders' documents (they are its peers), so the same goal or project
 * arrives several times: nodes are the same when their documents' URIs are, and their children,
 * code and requirements are joined. A document's summary is taken from the folder that owns it
 * (`isOwned`), where its id is written unqualified, not as a peer's `api:ADR-3`, and so is a decision's debt.
 */
export function mergeTrees(trees: readonly { goals: readonly TreeNode[]; unlinked: readonly TreeNode[] }[], isOwned: (document: DocumentSummary) => boolean): { goals: TreeNode[]; unlinked: TreeNode[] } {
  const goals = mergeLists(trees.map((t) => t.goals), isOwned);
  const placed = new Set<string>();
  const walk = (n: TreeNode) => {
    placed.add(n.document.uri);
    n.children.forEach(walk);
  };
  goals.forEach(walk);
  // A document one folder could not place (its goal is in a folder whose peers it does not see
  // resolved the same way) is linked as soon as any folder places it.
  const unlinked = mergeLists(trees.map((t) => t.unlinked), isOwned).filter((n) => !placed.has(n.document.uri));
  return { goals, unlinked };
}

function mergeLists(lists: readonly (readonly TreeNode[])[], isOwned: (document: DocumentSummary) => boolean): TreeNode[] {
  const byUri = new Map<string, TreeNode>();
  const order: TreeNode[] = [];
  for (const list of lists) {
    for (const n of list) {
      const seen = byUri.get(n.document.uri);
      if (!seen) {
        const copy = { ...n, children: [...n.children] };
        byUri.set(n.document.uri, copy);
        order.push(copy);
        continue;
      }
      // A decision's debt is its own folder's, as `rationale check` of that folder counts it.
      if (isOwned(n.document) && !isOwned(seen.document)) {
        seen.document = n.document;
        seen.debt = n.debt;
      }
      seen.children = mergeLists([seen.children, n.children], isOwned);
      seen.code = joinBy(seen.code, n.code, (c) => `${c.uri}#${c.line}`);
      seen.requirements = joinBy(seen.requirements, n.requirements, (r) => r.id);
    }
  }
  return order;
}

function joinBy<T>(a: T[] | undefined, b: T[] | undefined, key: (x: T) => string): T[] | undefined {
  if (!a || !b) return a ?? b;
  const keys = new Set(a.map(key));
  return [...a, ...b.filter((x) => !keys.has(key(x)))];
}
