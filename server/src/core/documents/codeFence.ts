/**
 * Fenced code blocks (CommonMark): headings, links and summaries inside them are code, not
 * document structure. Every Markdown scan in the core asks these two functions, so a fence opens
 * and closes at the same line wherever Rationale looks.
 */

const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The fence a line opens (its run of backticks or tildes, e.g. "````"), or undefined. Up to three
 * spaces of indentation are allowed (four make an indented code block); a backtick fence's info
 * string cannot contain a backtick (so "``` a ` b" is inline code, not a fence).
 */
export function fenceOpenedBy(line: string): string | undefined {
  const m = fenceOpen.exec(line);
  if (!m) return undefined;
  if (m[1][0] === '`' && line.slice(m[0].length).includes('`')) return undefined;
  return m[1];
}

/**
 * Whether `line` closes the fence `open`: the same character, at least as many of them, at most
 * three spaces of indentation, and nothing after but blanks.
 */
export function closesFence(line: string, open: string): boolean {
  const m = fenceOpen.exec(line);
  return m !== null && m[1][0] === open[0] && m[1].length >= open.length && line.slice(m[0].length).trim() === '';
}
