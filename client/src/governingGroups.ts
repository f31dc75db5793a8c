/**
 * This File's groups: how strongly each document is tied to the file. An annotation or a scope is
 * someone saying "this decision governs this code"; a bare id in a comment or a document naming the
 * file only suggests it, so those are listed apart, after, and marked weaker.
 */
import type { GoverningEntry } from '../../server/src/protocol';
import type { GoverningDocument } from './activeFileGoverning';

export interface GoverningGroup {
  key: 'annotations' | 'scopes' | 'bare-ids' | 'mentions';
  label: string;
  /** Shown beside the label: weak groups say so. */
  description?: string;
  documents: GoverningDocument[];
}

const groupOf: Record<GoverningEntry['via'], GoverningGroup['key']> = { annotation: 'annotations', scope: 'scopes', rule: 'scopes', 'bare-id': 'bare-ids', mention: 'mentions' };

const groups: readonly Omit<GoverningGroup, 'documents'>[] = [
  { key: 'annotations', label: 'Annotations' },
  { key: 'scopes', label: 'Scopes and rule scopes' },
  { key: 'bare-ids', label: 'Ids in comments', description: 'weaker than annotations' },
  { key: 'mentions', label: 'Mentioned in', description: 'weaker than annotations' },
];

/** The non-empty groups, strongest first; a document sits in the group of its strongest way. */
export function governingGroups(documents: readonly GoverningDocument[]): GoverningGroup[] {
  return groups
    .map((g) => ({ ...g, documents: documents.filter((d) => groupOf[d.vias[0] ?? d.entry.via] === g.key) }))
    .filter((g) => g.documents.length > 0);
}
