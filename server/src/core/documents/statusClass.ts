import type { DocKind } from './document.js';
import { lookupTable } from '../base/lookupTable.js';

/**
 * What a canonical status means for the rest of the tool:
 * - `in-force`: the document governs (an accepted decision, an active project or goal);
 * - `pending`: not yet (or not now) in force: proposed, draft, on hold, paused;
 * - `done`: finished successfully (a shipped project, an achieved goal), kept for the record;
 * - `retired`: no longer governs anything (superseded, deprecated, rejected, cancelled, dropped).
 */
export type StatusClass = 'in-force' | 'pending' | 'done' | 'retired';

/**
 * The one list of canonical statuses per kind and their class. Everything that asks "is this
 * retired?" (reference checks, completion order, the graph's styling, the editor's tree filter
 * and pickers, the CLI's colours) reads it here, so the answers cannot drift apart.
 */
export const statusClasses: Readonly<Record<DocKind, Readonly<Record<string, StatusClass | undefined>>>> = {
  decision: lookupTable<StatusClass>({
    proposed: 'pending', accepted: 'in-force', rejected: 'retired', deprecated: 'retired', superseded: 'retired', draft: 'pending', 'on-hold': 'pending',
  }),
  project: lookupTable<StatusClass>({ proposed: 'pending', active: 'in-force', shipped: 'done', paused: 'pending', cancelled: 'retired' }),
  goal: lookupTable<StatusClass>({ active: 'in-force', achieved: 'done', dropped: 'retired' }),
};

/** The canonical statuses of a kind, in the order of the table. */
export function canonicalStatuses(kind: DocKind): string[] {
  return Object.keys(statusClasses[kind]);
}

/** The class of a status; undefined for no status or one outside the canonical vocabulary. */
export function statusClassOf(kind: DocKind, status: string | undefined): StatusClass | undefined {
  return status === undefined ? undefined : statusClasses[kind][status];
}

export function isRetiredStatus(kind: DocKind, status: string | undefined): boolean {
  return statusClassOf(kind, status) === 'retired';
}
