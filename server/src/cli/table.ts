import { escapeText } from './terminalText.js';

export interface TableOptions {
  /** Styles the header row (after padding). */
  header?: (s: string) => string;
  /** Total width to fit in (a terminal's columns); the `shrinkColumn` is cut with `…` to fit. */
  maxWidth?: number;
  shrinkColumn?: number;
}

/** Columns aligned with two spaces between them; the last column is not padded. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  // Cells hold repository text: whitespace runs become a space, other controls are escaped.
  const clean = (s: string) => escapeText(s.replace(/[\r\n\t]+/g, ' '));
  const all = [headers, ...rows].map((r) => r.map(clean));
  const widths = headers.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  if (options.maxWidth && options.shrinkColumn !== undefined) {
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
    const over = total - options.maxWidth;
    const i = options.shrinkColumn;
    if (over > 0) widths[i] = Math.max(headers[i].length, widths[i] - over, 10);
  }
  const line = (r: readonly string[], style?: (s: string) => string) =>
    r
      .map((cell, i) => {
        const cut = width(cell) > widths[i] ? `${[...cell].slice(0, Math.max(0, widths[i] - 1)).join('')}…` : cell;
        const padded = i === r.length - 1 ? cut : cut + ' '.repeat(widths[i] - width(cut));
        return style ? style(padded) : padded;
      })
      .join('  ')
      .trimEnd();
  return `${[line(all[0], options.header), ...all.slice(1).map((r) => line(r))].join('\n')}\n`;
}

/** Display width, counting code points (close enough for ids and titles). */
function width(s: string): number {
  return [...s].length;
}
