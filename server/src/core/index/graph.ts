import type { DocKind, RationaleDocument } from '../documents/document.js';
import { supersessionGraph } from './supersession.js';
import { statusInForce, statusInForceText, type StatusInForce } from './statusInForce.js';
import { statusClassOf } from '../documents/statusClass.js';
import type { WorkspaceIndex } from './workspaceIndex.js';
import { modelHierarchy } from './mentalModel.js';
import { governedFileCounts } from './governedFiles.js';
import { resolveLink } from './workspaceIndex.js';
import { requirementTraceOf, type TracedItem } from '../requirements/workspaceRequirementTrace.js';

/**
 * The mental model as a graph: goals → the projects that serve them → the decisions made for those
 * projects, plus supersede and amend edges between decisions, and the requirement items documents
 * define (apart, so renderers that draw documents only can ignore them). Rendered as Mermaid or Graphviz DOT; node names
 * are generated (`n0`, `n1`…) and ids and titles only ever appear inside escaped labels, so no title
 * can break or inject into the diagram source.
 */
export interface ModelGraph {
  nodes: ModelNode[];
  edges: ModelEdge[];
  /** Requirement items (`req~login~2`), each tied to the document that defines it (or its project). */
  requirements: ModelRequirement[];
}

export interface ModelRequirement {
  /** Generated, diagram-safe name (`r0`, `r1`…), distinct from the documents' names. */
  name: string;
  traced: TracedItem;
  /** The node of the document that defines the item, else of the project that owns it. */
  owner?: string;
}

export interface ModelNode {
  /** Generated, diagram-safe name. */
  name: string;
  document: RationaleDocument;
  status: StatusInForce;
  /** Code files it governs by annotation, `applies-to` or a rule's own scope (governedFiles.ts). */
  governedFiles: number;
}

export type ModelEdgeType = 'serves' | 'decided-for' | 'supersedes' | 'amends';

export interface ModelEdge {
  /** The higher node: goal → project, project (or goal) → decision, successor → predecessor, amending → amended. */
  from: string;
  to: string;
  type: ModelEdgeType;
}

export function modelGraph(index: WorkspaceIndex): ModelGraph {
  const hierarchy = modelHierarchy(index);
  const docs = hierarchy.documents;
  const nameOf = new Map<string, string>();
  const governed = governedFileCounts(index);
  const nodes = docs.map((document, i) => {
    nameOf.set(document.path, `n${i}`);
    return { name: `n${i}`, document, status: statusInForce(index, document), governedFiles: governed.get(document.path) ?? 0 };
  });
  const edges: ModelEdge[] = [];
  const seen = new Set<string>();
  const add = (from: RationaleDocument, to: RationaleDocument, type: ModelEdgeType) => {
    const key = `${from.path}\u0000${to.path}\u0000${type}`;
    if (from === to || seen.has(key)) return;
    seen.add(key);
    edges.push({ from: nameOf.get(from.path)!, to: nameOf.get(to.path)!, type });
  };
  for (const link of hierarchy.links) add(link.parent, link.child, link.type);
  const sup = supersessionGraph(index);
  for (const [successor, predecessors] of sup.supersedes) {
    const s = index.documents.get(successor);
    for (const p of predecessors) {
      const d = index.documents.get(p);
      if (s && d) add(s, d, 'supersedes');
    }
  }
  for (const [from, to] of amendments(index, docs)) if (nameOf.has(to.path)) add(from, to, 'amends');
  const requirements = requirementTraceOf(index).items.map((traced, i) => {
    const owner = traced.document ?? traced.project;
    return { name: `r${i}`, traced, owner: owner && nameOf.get(owner.path) };
  });
  return { nodes, edges, requirements };
}

/** Who amends whom, read from both sides like supersession: A's `amends: B` and B's `amended-by: A`. */
function amendments(index: WorkspaceIndex, docs: readonly RationaleDocument[]): [RationaleDocument, RationaleDocument][] {
  const out: [RationaleDocument, RationaleDocument][] = [];
  for (const doc of docs) {
    for (const link of doc.links) {
      if (link.type !== 'amends' && link.type !== 'amended-by') continue;
      const other = resolveLink(index, link, 'decision');
      if (other) out.push(link.type === 'amends' ? [doc, other] : [other, doc]);
    }
  }
  return out;
}

/** The diagram class: retired and pending documents are styled as such, the others by kind. */
function diagramClass(node: ModelNode): string {
  const cls = statusClassOf(node.document.kind, node.status.status);
  return cls === 'retired' || cls === 'pending' ? cls : node.document.kind;
}

function label(node: ModelNode): { head: string; title: string; status: string } {
  return { head: node.document.id, title: node.document.title, status: statusInForceText(node.status) ?? '' };
}

/**
 * Mermaid entity escaping for quoted labels: `#` starts an entity, `"` ends the label, and `<`, `>`, `&`
 * would be read as HTML. Line breaks become spaces.
 */
export function mermaidText(s: string): string {
  return s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[#"<>&`|\\]/g, (c) => `#${c.charCodeAt(0)};`);
}

export function toMermaid(graph: ModelGraph): string {
  const out = ['flowchart TD'];
  const kinds: [DocKind, string][] = [['goal', 'Goals'], ['project', 'Projects'], ['decision', 'Decisions']];
  for (const [kind, heading] of kinds) {
    const nodes = graph.nodes.filter((n) => n.document.kind === kind);
    if (nodes.length === 0) continue;
    out.push(`  subgraph ${kind}s["${heading}"]`);
    for (const n of nodes) {
      const l = label(n);
      const text = `${mermaidText(l.head)}<br/>${mermaidText(l.title)}${l.status ? `<br/><i>${mermaidText(l.status)}</i>` : ''}`;
      const [open, close] = kind === 'goal' ? ['([', '])'] : kind === 'project' ? ['(', ')'] : ['[', ']'];
      out.push(`    ${n.name}${open}"${text}"${close}:::${diagramClass(n)}`);
    }
    out.push('  end');
  }
  for (const e of graph.edges) {
    out.push(e.type === 'supersedes' || e.type === 'amends' ? `  ${e.from} -. ${e.type} .-> ${e.to}` : `  ${e.from} --> ${e.to}`);
  }
  out.push(
    '  classDef goal fill:#e8f5e9,stroke:#2e7d32',
    '  classDef project fill:#e3f2fd,stroke:#1565c0',
    '  classDef decision fill:#fff8e1,stroke:#f9a825',
    '  classDef pending fill:#f5f5f5,stroke:#9e9e9e,stroke-dasharray: 4 2',
    '  classDef retired fill:#eeeeee,stroke:#bdbdbd,color:#9e9e9e',
  );
  return `${out.join('\n')}\n`;
}

/** A DOT double-quoted string: only `"` and `\` need escaping; line breaks are written as `\n`. */
export function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|[\r\n]/g, '\\n')}"`;
}

export function toDot(graph: ModelGraph): string {
  const out = ['digraph rationale {', '  rankdir=TB;', '  node [fontname="Helvetica", fontsize=10];'];
  const shapes: Record<DocKind, string> = { goal: 'ellipse', project: 'box', decision: 'note' };
  const fills: Record<string, string> = { goal: '#e8f5e9', project: '#e3f2fd', decision: '#fff8e1', pending: '#f5f5f5', retired: '#eeeeee' };
  for (const kind of ['goal', 'project', 'decision'] as DocKind[]) {
    const nodes = graph.nodes.filter((n) => n.document.kind === kind);
    if (nodes.length === 0) continue;
    out.push(`  subgraph cluster_${kind} {`, `    label=${dotString(kind === 'goal' ? 'Goals' : kind === 'project' ? 'Projects' : 'Decisions')};`, '    style=dashed;');
    for (const n of nodes) {
      const l = label(n);
      const text = `${l.head}\n${l.title}${l.status ? `\n(${l.status})` : ''}`;
      const cls = diagramClass(n);
      const extra = cls === 'retired' ? ', fontcolor="#9e9e9e", style="filled,dashed"' : ', style=filled';
      out.push(`    ${n.name} [label=${dotString(text)}, shape=${shapes[kind]}, fillcolor=${dotString(fills[cls])}${extra}];`);
    }
    out.push('  }');
  }
  for (const e of graph.edges) {
    out.push(e.type === 'supersedes' || e.type === 'amends' ? `  ${e.from} -> ${e.to} [style=dashed, label="${e.type}"];` : `  ${e.from} -> ${e.to};`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
