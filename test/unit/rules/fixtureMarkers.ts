import { LineMap, type Range } from '../../../server/src/core/base/range.js';

export interface MarkedText {
  /** The text with the markers removed. */
  text: string;
  /** Each `⟦…⟧` span, in order of its opening marker, as a range in `text`. */
  ranges: Range[];
  /** The text inside each marker pair. */
  marked: string[];
}

/** Reads `⟦…⟧` markers (not nested) around expected ranges out of a fixture. */
export function parseMarkers(fixture: string): MarkedText {
  let text = '';
  const spans: [number, number][] = [];
  let open = -1;
  for (const ch of fixture) {
    if (ch === '⟦') {
      if (open >= 0) throw new Error('nested ⟦ in fixture');
      open = text.length;
    } else if (ch === '⟧') {
      if (open < 0) throw new Error('⟧ without ⟦ in fixture');
      spans.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  if (open >= 0) throw new Error('unclosed ⟦ in fixture');
  const lines = new LineMap(text);
  return { text, ranges: spans.map(([s, e]) => lines.rangeOf(s, e)), marked: spans.map(([s, e]) => text.slice(s, e)) };
}

export function showRange(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}
