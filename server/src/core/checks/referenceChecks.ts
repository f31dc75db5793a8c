import { isPlaceholderReason } from './suppressionReason.js';
import type { CodeReference, FileAnnotations } from '../source/codeReference.js';
import type { Finding, FindingCode } from '../base/finding.js';
import { lookupTable } from '../base/lookupTable.js';
import { latestSuccessor, type SupersessionGraph } from '../index/supersession.js';
import { statusInForce } from '../index/statusInForce.js';
import { ambiguousInSources, resolveId, type WorkspaceIndex } from '../index/workspaceIndex.js';
import { ambiguityNote } from '../index/sourceDocuments.js';

/** One finding code per retired decision status (statusClass.ts; a test checks none is missing). */
export const retiredReferenceCodes = lookupTable<FindingCode>({ superseded: 'superseded-reference', deprecated: 'deprecated-reference', rejected: 'rejected-reference' });

/** Checks a file's annotations: ids that resolve to nothing, citations of retired decisions, bare exceptions. */
export function checkReferences(index: WorkspaceIndex, graph: SupersessionGraph, path: string, found: FileAnnotations): Finding[] {
  const out: Finding[] = [];
  for (const ref of found.references) {
    const doc = resolveId(index, ref.id, ref.kind);
    if (!doc) {
      // A bare mention like "ADR-12" in prose is weak evidence of intent; only tags must resolve.
      if (ref.strength === 'annotation') {
        out.push({
          path, range: ref.range, severity: 'error', code: 'unknown-id', decision: null,
          message: unknownIdMessage(index, ref.id, ref.kind),
          data: { id: ref.id, kind: ref.kind ?? 'decision' },
        });
      }
      continue;
    }
    const { status, retired } = statusInForce(index, doc);
    const code = status === undefined ? undefined : retiredReferenceCodes[status];
    if (doc.kind === 'decision' && retired && status && code) {
      const successor = status === 'superseded' ? latestSuccessor(index, graph, doc) : undefined;
      out.push({
        path, range: ref.range, severity: 'warning', code, decision: doc.id,
        message: successor
          ? `${doc.id} (${doc.title}) is superseded by ${successor.id} (${successor.title}): cite the decision in force.`
          : `${doc.id} (${doc.title}) is ${status}: this code cites a decision that is no longer in force.`,
        data: successor ? { successor: successor.id, successorPath: successor.path } : undefined,
      });
    }
  }
  for (const s of found.suppressions) {
    if (!isPlaceholderReason(s.reason)) continue;
    const cited = s.ids.map((i) => resolveId(index, i)).find((d) => d !== undefined);
    out.push({
      path, range: s.range, severity: 'warning', code: 'suppression-without-reason', decision: cited?.id ?? null,
      message: 'Exception without a reason: write `rationale-disable-next-line <id> -- <why this code may break the decision>`.',
    });
  }
  return out;
}

/** Unknown, or ambiguous between sources: then the message names the qualified ids to write. */
function unknownIdMessage(index: WorkspaceIndex, id: string, kind: CodeReference['kind']): string {
  const ambiguous = ambiguityNote(ambiguousInSources(index, id, kind));
  if (ambiguous) return `Ambiguous ${kind ?? 'document'} id "${id}": ${ambiguous}`;
  return `Unknown ${kind ?? 'document'} id "${id}": no goal, project or decision has it.`;
}
