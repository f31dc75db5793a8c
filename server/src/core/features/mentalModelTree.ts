import type { RationaleDocument } from '../documents/document.js';
import { resolveLink, type WorkspaceIndex } from '../index/workspaceIndex.js';
import { annotatedLocations } from './findReferences.js';

export interface ModelNode {
  document: RationaleDocument;
  children: ModelNode[];
  /** For decisions: code lines that cite them by annotation. */
  code: { path: string; line: number }[];
}

export interface MentalModel {
  goals: ModelNode[];
  /** Projects with no (resolvable) goal, decisions with no project or goal. */
  unlinked: ModelNode[];
}

function priorityRank(p: string | number | undefined): number {
  if (p === undefined) return 99;
  if (typeof p === 'number') return p;
  const m = /^p(\d)$/i.exec(p.trim());
  if (m) return Number(m[1]);
  return { critical: 0, highest: 0, high: 1, medium: 2, normal: 2, low: 3, lowest: 4 }[p.trim().toLowerCase()] ?? 50;
}

const byPriorityThenId = (a: ModelNode, b: ModelNode) =>
  priorityRank(a.document.priority) - priorityRank(b.document.priority) || a.document.id.localeCompare(b.document.id, undefined, { numeric: true });

/**
 * The sidebar's tree: goals → projects → decisions → code. A decision linked to several projects
 * appears under each; a decision linked straight to a goal sits under the goal.
 */
export function mentalModel(index: WorkspaceIndex): MentalModel {
  const docs = [...index.documents.values()];
  const node = (d: RationaleDocument): ModelNode => ({ document: d, children: [], code: d.kind === 'decision' ? annotatedLocations(index, d).map((r) => ({ path: r.path, line: r.range.start.line })) : [] });
  const goals = docs.filter((d) => d.kind === 'goal').map(node);
  const goalByPath = new Map(goals.map((g) => [g.document.path, g]));
  const projects = docs.filter((d) => d.kind === 'project').map(node);
  const projectByPath = new Map(projects.map((p) => [p.document.path, p]));
  const unlinked: ModelNode[] = [];
  const targets = (d: RationaleDocument, type: 'goal' | 'project') =>
    d.links.filter((l) => l.type === type).map((l) => resolveLink(index, l, type)).filter((x): x is RationaleDocument => x?.kind === type);

  for (const p of projects) {
    const gs = targets(p.document, 'goal');
    if (gs.length === 0) unlinked.push(p);
    for (const g of gs) goalByPath.get(g.path)?.children.push(p);
  }
  for (const d of docs.filter((x) => x.kind === 'decision')) {
    const ps = targets(d, 'project');
    const gs = targets(d, 'goal');
    if (ps.length === 0 && gs.length === 0) unlinked.push(node(d));
    for (const p of ps) projectByPath.get(p.path)?.children.push(node(d));
    for (const g of gs) goalByPath.get(g.path)?.children.push(node(d));
  }
  const sortDeep = (list: ModelNode[]) => {
    list.sort(byPriorityThenId);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(goals);
  sortDeep(unlinked);
  return { goals, unlinked };
}
