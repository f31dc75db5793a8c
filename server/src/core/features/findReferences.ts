import type { RationaleDocument } from '../documents/document.js';
import type { Range } from '../base/range.js';
import { resolveId, resolveLink, type WorkspaceIndex } from '../index/workspaceIndex.js';

export interface ReferenceLocation {
  path: string;
  range: Range;
  from: 'annotation' | 'mention' | 'link';
}

/** Every annotation in code and every link in documents that points at `target`. */
export function findReferences(index: WorkspaceIndex, target: RationaleDocument): ReferenceLocation[] {
  const out: ReferenceLocation[] = [];
  for (const [path, found] of index.annotations) {
    for (const ref of found.references) {
      if (resolveId(index, ref.id, ref.kind) === target) out.push({ path, range: ref.range, from: ref.strength });
    }
  }
  for (const doc of index.documents.values()) {
    for (const link of doc.links) {
      const kind = link.type === 'project' ? 'project' : link.type === 'goal' ? 'goal' : undefined;
      if (resolveLink(index, link, kind) === target) out.push({ path: doc.path, range: link.range, from: 'link' });
    }
  }
  return out;
}

/** Code locations that cite a document by annotation, for the tree's "code" level. */
export function annotatedLocations(index: WorkspaceIndex, target: RationaleDocument): ReferenceLocation[] {
  return findReferences(index, target).filter((r) => r.from === 'annotation');
}
