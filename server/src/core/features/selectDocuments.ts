import type { DocKind, RationaleDocument } from '../documents/document.js';
import { statusKey } from '../documents/statusMap.js';
import { statusInForce } from '../index/statusInForce.js';
import { allDocuments, type WorkspaceIndex } from '../index/workspaceIndex.js';

const kindOrder: Record<DocKind, number> = { goal: 0, project: 1, decision: 2 };

/**
 * The workspace's documents and its sources', optionally of one kind or one status in force (`none`
 * for documents without one), goals first, then projects, then decisions, each in path order: what
 * `rationale list` and the list_documents agent tool list.
 */
export function selectDocuments(index: WorkspaceIndex, kind?: DocKind, status?: string): RationaleDocument[] {
  const wanted = status !== undefined ? statusKey(status).replace(/\s+/g, '-') : undefined;
  return allDocuments(index)
    .filter((d) => !kind || d.kind === kind)
    .filter((d) => {
      if (wanted === undefined) return true;
      const inForce = statusInForce(index, d).status;
      return inForce === undefined ? wanted === 'none' : statusKey(inForce).replace(/\s+/g, '-') === wanted;
    })
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
