import type { DocKind, RationaleDocument } from '../documents/document.js';
import { allDocuments, resolveLink, type WorkspaceIndex } from './workspaceIndex.js';

/**
 * The mental model's hierarchy: goals ← the projects that serve them ← the decisions made for those
 * projects (or straight for a goal). One builder, so the editor's tree and `rationale graph` can never
 * disagree about who sits under whom; each renders it in its own way.
 */
export type HierarchyLinkType = 'serves' | 'decided-for';

export interface HierarchyLink {
  /** The goal or project. */
  parent: RationaleDocument;
  /** The project or decision that links up to it. */
  child: RationaleDocument;
  /** `serves`: a project's goal; `decided-for`: a decision's project or goal. */
  type: HierarchyLinkType;
}

export interface ModelHierarchy {
  /** Every document: goals, then projects, then decisions, each kind by path. */
  documents: readonly RationaleDocument[];
  /** In the order of `documents` (by child), then of each child's links; no duplicates. */
  links: readonly HierarchyLink[];
  /** The links up from a document (empty for goals and for documents linked to nothing). */
  parentsOf(path: string): readonly HierarchyLink[];
}

const kindOrder: Record<DocKind, number> = { goal: 0, project: 1, decision: 2 };

const hierarchies = new WeakMap<WorkspaceIndex, ModelHierarchy>();

/** The hierarchy of a snapshot, computed once per snapshot (snapshots are immutable). */
export function modelHierarchy(index: WorkspaceIndex): ModelHierarchy {
  let h = hierarchies.get(index);
  if (!h) {
    h = buildHierarchy(index);
    hierarchies.set(index, h);
  }
  return h;
}

function buildHierarchy(index: WorkspaceIndex): ModelHierarchy {
  // Sources' documents too, so a goal that lives elsewhere still shows the projects that serve it.
  const documents = allDocuments(index).sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const links: HierarchyLink[] = [];
  const up = new Map<string, HierarchyLink[]>();
  for (const child of documents) {
    if (child.kind === 'goal') continue;
    const parents: HierarchyLink[] = [];
    for (const link of child.links) {
      // Projects link up to goals; decisions to projects and goals. Other links are not hierarchy.
      const parentKind = link.type === 'goal' ? 'goal' : link.type === 'project' && child.kind === 'decision' ? 'project' : undefined;
      if (!parentKind) continue;
      const parent = resolveLink(index, link, parentKind);
      if (parent?.kind !== parentKind || parent === child || parents.some((p) => p.parent === parent)) continue;
      parents.push({ parent, child, type: child.kind === 'project' ? 'serves' : 'decided-for' });
    }
    if (parents.length) up.set(child.path, parents);
    links.push(...parents);
  }
  return { documents, links, parentsOf: (path) => up.get(path) ?? [] };
}
