import type { DocKind, DocLink, RationaleDocument } from '../../documents/document.js';
import { modelHierarchy } from '../../index/mentalModel.js';
import { supersessionGraph } from '../../index/supersession.js';
import { resolveLink, type WorkspaceIndex } from '../../index/workspaceIndex.js';

/** How one document is linked to the others, read from both ends of every link. */
export interface DocumentRelations {
  supersedes: RationaleDocument[];
  supersededBy: RationaleDocument[];
  amends: RationaleDocument[];
  amendedBy: RationaleDocument[];
  /** The projects and goals it serves or was decided for. */
  serves: RationaleDocument[];
  /** The projects serving it (a goal) and the decisions made for it (a project or goal). */
  servedBy: RationaleDocument[];
  /** Other documents linking to it in their text or `relates-to`. */
  referencedBy: RationaleDocument[];
  /** Documents it links to in its text or `relates-to`. */
  references: RationaleDocument[];
}

const empty = (): DocumentRelations => ({ supersedes: [], supersededBy: [], amends: [], amendedBy: [], serves: [], servedBy: [], referencedBy: [], references: [] });

const targetKind = (link: DocLink): DocKind | undefined =>
  link.type === 'project' ? 'project' : link.type === 'goal' ? 'goal' : link.type === 'amends' || link.type === 'amended-by' ? 'decision' : undefined;

/** Every document's relations, computed in one pass over the links. */
export function documentRelations(index: WorkspaceIndex): Map<string, DocumentRelations> {
  const out = new Map<string, DocumentRelations>();
  const of = (doc: RationaleDocument) => {
    let r = out.get(doc.path);
    if (!r) out.set(doc.path, (r = empty()));
    return r;
  };
  const add = (list: RationaleDocument[], doc: RationaleDocument) => {
    if (!list.includes(doc)) list.push(doc);
  };
  const byPath = (path: string) => index.documents.get(path);
  const sup = supersessionGraph(index);
  for (const [successor, predecessors] of sup.supersedes) {
    const s = byPath(successor);
    for (const p of predecessors.map(byPath)) if (s && p) add(of(s).supersedes, p), add(of(p).supersededBy, s);
  }
  for (const link of modelHierarchy(index).links) add(of(link.child).serves, link.parent), add(of(link.parent).servedBy, link.child);
  for (const doc of index.documents.values()) {
    of(doc);
    for (const link of doc.links) {
      if (link.type !== 'amends' && link.type !== 'amended-by' && link.type !== 'markdown' && link.type !== 'relates-to') continue;
      const other = resolveLink(index, link, targetKind(link));
      if (!other || other === doc) continue;
      if (link.type === 'amends') add(of(doc).amends, other), add(of(other).amendedBy, doc);
      else if (link.type === 'amended-by') add(of(doc).amendedBy, other), add(of(other).amends, doc);
      else add(of(doc).references, other), add(of(other).referencedBy, doc);
    }
  }
  return out;
}
