import type { RationaleDocument } from '../documents/document.js';
import { isRetiredStatus, statusClassOf } from '../documents/statusClass.js';
import { statusText } from '../documents/statusText.js';
import { supersessionGraph } from './supersession.js';
import type { WorkspaceIndex } from './workspaceIndex.js';

/** A document's status as it counts, next to the status its file states. */
export interface StatusInForce {
  /**
   * The status that counts: the file's (canonical) status, except that a decision another decision
   * in force supersedes is `superseded` even while its own file still says `accepted`.
   */
  status?: string;
  /** The status the file states, only when it differs from `status` (the contradiction is reported by the checks). */
  written?: string;
  /** Whether the status in force no longer governs anything (statusClass.ts). */
  retired: boolean;
}

/**
 * The one place that decides which status is in force; hovers, completion, the tree, pickers and the
 * CLI all show this. Only a successor that is itself in force (accepted, or later superseded in turn)
 * retires its predecessor: a merely proposed successor changes nothing yet.
 */
export function statusInForce(index: WorkspaceIndex, doc: RationaleDocument): StatusInForce {
  const written = doc.status;
  let status = written;
  if (doc.kind === 'decision' && written !== 'superseded' && replacingSuccessor(index, doc)) status = 'superseded';
  return { status, written: status !== written ? written : undefined, retired: isRetiredStatus(doc.kind, status) };
}

/** The first successor of a decision that actually replaces it (see statusInForce), if any. */
export function replacingSuccessor(index: WorkspaceIndex, doc: RationaleDocument): RationaleDocument | undefined {
  for (const path of supersessionGraph(index).supersededBy.get(doc.path) ?? []) {
    const successor = index.documents.get(path);
    if (successor && (statusClassOf(successor.kind, successor.status) === 'in-force' || successor.status === 'superseded')) return successor;
  }
  return undefined;
}

/** `superseded (file says accepted)` where the two differ, else the status; undefined when there is none. */
export function statusInForceText(s: StatusInForce): string | undefined {
  return statusText(s.status, s.written);
}

/**
 * The status fields every JSON answer gives a document (list, explain, the agent tools): the status
 * in force, the written one only when it differs, and whether it is retired. One home, so the
 * answers cannot drift apart.
 */
export function statusInForceFields(index: WorkspaceIndex, doc: RationaleDocument): { status: string | null; writtenStatus?: string; retired: boolean } {
  const inForce = statusInForce(index, doc);
  return { status: inForce.status ?? null, ...(inForce.written !== undefined ? { writtenStatus: inForce.written } : {}), retired: inForce.retired };
}
