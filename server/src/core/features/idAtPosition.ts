import type { DocKind, DocLink, RationaleDocument } from '../documents/document.js';
import type { CodeReference } from '../source/codeReference.js';
import { scanAnnotations } from '../source/scanAnnotations.js';
import { LineMap, containsPosition, type Position, type Range } from '../base/range.js';
import { resolveId, resolveLink, type WorkspaceIndex } from '../index/workspaceIndex.js';

/** What is under the cursor: a reference to a document, with the range of its text. */
export interface IdAtPosition {
  document: RationaleDocument | undefined;
  /** The id or path as written. */
  text: string;
  range: Range;
  kind?: DocKind;
  source: 'annotation' | 'link' | 'title' | 'mention';
  reference?: CodeReference;
  link?: DocLink;
}

/**
 * Finds the goal, project or decision referenced at a position: an annotation in code, a link or
 * id in a document's front matter or body, the document's own title, or a bare id anywhere.
 */
export function idAtPosition(index: WorkspaceIndex, path: string, text: string, position: Position): IdAtPosition | undefined {
  const doc = index.documents.get(path);
  if (doc) {
    const link = doc.links.find((l) => containsPosition(l.range, position));
    if (link) {
      const kind: DocKind | undefined = link.type === 'project' ? 'project' : link.type === 'goal' ? 'goal' : link.targetIsPath ? undefined : 'decision';
      return { document: resolveLink(index, link, kind), text: link.raw ?? link.target, range: link.range, kind, source: 'link', link };
    }
    if (containsPosition(doc.titleRange, position)) return { document: doc, text: doc.id, range: doc.titleRange, kind: doc.kind, source: 'title' };
  } else {
    const found = scanAnnotations(path, text, { idPrefixes: Object.values(index.config.idPrefixes) });
    const ref = found.references.find((r) => containsPosition(r.range, position));
    if (ref) return { document: resolveId(index, ref.id, ref.kind), text: ref.id, range: ref.range, kind: ref.kind, source: ref.strength === 'annotation' ? 'annotation' : 'mention', reference: ref };
  }
  return mentionAt(index, text, position);
}

/** A bare id (`ADR-0007`, `PRD 3`, `GOAL-growth`) around the cursor, in any text. */
function mentionAt(index: WorkspaceIndex, text: string, position: Position): IdAtPosition | undefined {
  const lines = new LineMap(text);
  const line = lines.lineText(position.line);
  if (line.length > 10_000) return undefined;
  const prefixes = Object.values(index.config.idPrefixes).map((p) => p.replace(/[^A-Za-z]/g, '')).filter(Boolean);
  if (prefixes.length === 0) return undefined;
  const re = new RegExp(`\\b(?:${prefixes.join('|')})(?:[- _]?\\d+|-[A-Za-z][\\w-]*)\\b`, 'gi');
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (position.character < m.index || position.character > m.index + m[0].length) continue;
    const document = resolveId(index, m[0]);
    if (!document) return undefined;
    return { document, text: m[0], range: { start: { line: position.line, character: m.index }, end: { line: position.line, character: m.index + m[0].length } }, kind: document.kind, source: 'mention' };
  }
  return undefined;
}
