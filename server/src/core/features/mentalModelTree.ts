import type { RationaleDocument } from '../documents/document.js';
import type { WorkspaceIndex } from '../index/workspaceIndex.js';
import { modelHierarchy } from '../index/mentalModel.js';
import { annotatedLocations } from './findReferences.js';
import type { DecisionDebt } from '../checks/decisionDebt.js';

export interface ModelNode {
  document: RationaleDocument;
  children: ModelNode[];
  /** For decisions: code lines that cite them by annotation. */
  code: { path: string; line: number }[];
  /** For decisions with any: their open debt, as `rationale check` counts it in its summary's `byDecision`. */
  debt?: DecisionDebt;
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
 * appears under each; a decision linked straight to a goal sits under the goal. With `debt` (from
 * `debtByDecision` over the folder's findings), each decision carries its own.
 */
export function mentalModel(index: WorkspaceIndex, debt?: Readonly<Record<string, DecisionDebt>>): MentalModel {
  const hierarchy = modelHierarchy(index);
  const debtOf = (d: RationaleDocument) => (d.kind === 'decision' && debt && Object.hasOwn(debt, d.id) ? { debt: debt[d.id] } : {});
  const node = (d: RationaleDocument): ModelNode => ({ document: d, children: [], code: d.kind === 'decision' ? annotatedLocations(index, d).map((r) => ({ path: r.path, line: r.range.start.line })) : [], ...debtOf(d) });
  // Goals and projects appear once, so each has one node that collects its children; a decision
  // gets a node of its own under every parent.
  const shared = new Map<string, ModelNode>();
  const sharedNode = (d: RationaleDocument): ModelNode => {
    let n = shared.get(d.path);
    if (!n) shared.set(d.path, (n = node(d)));
    return n;
  };
  const goals: ModelNode[] = [];
  const unlinked: ModelNode[] = [];
  for (const d of hierarchy.documents) {
    if (d.kind === 'goal') {
      goals.push(sharedNode(d));
      continue;
    }
    const place = () => (d.kind === 'decision' ? node(d) : sharedNode(d));
    const parents = hierarchy.parentsOf(d.path);
    if (parents.length === 0) unlinked.push(place());
    for (const link of parents) sharedNode(link.parent).children.push(place());
  }
  const sortDeep = (list: ModelNode[]) => {
    list.sort(byPriorityThenId);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(goals);
  sortDeep(unlinked);
  return { goals, unlinked };
}
