/**
 * Needles: patterns a fast external search (ripgrep) looks for in a file's bytes, line by line,
 * before the checker reads the file itself. A needle may match more than its literal (case, names
 * around it), never less: a file in which no needle matches is left out of the scan, so a needle
 * that missed a real occurrence would hide a finding. The syntax is the part of Rust's regex syntax
 * (ripgrep's) built here; everything else is a literal with each ASCII sign written as `\xHH`.
 */

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Characters of a name (package, module, identifier): a byte outside them ends a name. */
const nameByte = '(?-u:[^A-Za-z0-9_$\\-])';

/**
 * The needle for `text` as written, or undefined when a byte search could miss it: a line break
 * (the search is line by line), a replacement character (invalid UTF-8 decodes to it, so it stands
 * for bytes the search cannot name), a lone surrogate (no UTF-8 spells it), or nothing at all.
 */
export function literalNeedle(text: string, options: { ignoreCase?: boolean } = {}): string | undefined {
  if (text.length === 0 || /[\n\r\uFFFD]/.test(text) || loneSurrogate.test(text)) return undefined;
  // A case-insensitive search folds case by Unicode's rules, the checker's JavaScript by its own:
  // they agree on ASCII only.
  if (options.ignoreCase && /[^\x20-\x7e]/.test(text)) return undefined;
  const body = [...text].map(escapeChar).join('');
  return options.ignoreCase ? `(?i:${body})` : body;
}

/**
 * A name where it ends: `lib1` in `'lib1'` or `lib1/x`, not in `lib10`. (Also in `mylib1`: a
 * class before the name would keep the search from jumping to the literal, at twice its cost.)
 * Only for names of ASCII name characters; undefined otherwise, and the caller falls back to a
 * wider needle.
 */
export function nameNeedle(name: string): string | undefined {
  if (!/^[A-Za-z0-9_$@][A-Za-z0-9_$@-]*$/.test(name)) return undefined;
  return `${literalNeedle(name)}(?:$|${nameByte})`;
}

/** `text` followed by one of `tails` (needles themselves). */
export function needleFollowedBy(needle: string, tails: readonly string[]): string {
  return `${needle}(?:${tails.join('|')})`;
}

function escapeChar(c: string): string {
  if (/[A-Za-z0-9]/.test(c)) return c;
  const code = c.codePointAt(0)!;
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : c;
}
