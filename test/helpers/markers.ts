import type { Position, Range } from '../../server/src/core/base/range.js';

/**
 * Fixture text may mark expected ranges with `⟦…⟧` and a cursor with `┃`. Markers are removed and
 * their zero-based positions returned, so tests state positions by pointing, not by counting.
 */
export function extractMarkers(marked: string): { text: string; ranges: Range[]; cursor?: Position } {
  let text = '';
  let line = 0;
  let character = 0;
  const ranges: Range[] = [];
  const open: Position[] = [];
  let cursor: Position | undefined;
  for (const ch of marked) {
    if (ch === '⟦') open.push({ line, character });
    else if (ch === '⟧') {
      const start = open.pop();
      if (!start) throw new Error('unbalanced ⟧ in fixture');
      ranges.push({ start, end: { line, character } });
    } else if (ch === '┃') cursor = { line, character };
    else {
      text += ch;
      if (ch === '\n') {
        line++;
        character = 0;
      } else character += ch.length;
    }
  }
  if (open.length) throw new Error('unbalanced ⟦ in fixture');
  return { text, ranges, cursor };
}

/** Strips markers from every file of a fixture workspace, keeping the ranges per file. */
export function fixtureFiles(files: Record<string, string>): { texts: Record<string, string>; ranges: Record<string, Range[]>; cursors: Record<string, Position | undefined> } {
  const texts: Record<string, string> = {};
  const ranges: Record<string, Range[]> = {};
  const cursors: Record<string, Position | undefined> = {};
  for (const [path, marked] of Object.entries(files)) {
    const m = extractMarkers(marked);
    texts[path] = m.text;
    ranges[path] = m.ranges;
    cursors[path] = m.cursor;
  }
  return { texts, ranges, cursors };
}

/** Dedent a template literal so fixtures can be indented with the test code. */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n').replace(/\s+$/, '\n');
}
