/**
 * Repository text (titles, ids, file names, messages) on its way to a terminal or a CI log. Left
 * raw, `ESC[2J` in a title clears the screen, an OSC sequence sets the window title, a file name
 * with a newline and `::warning …` injects a GitHub workflow command, and U+202E reverses how a
 * name reads. Every human-readable output of the CLI passes such text through `escapeText`.
 */

/** C0 controls, DEL, C1 controls, line/paragraph separators, and the bidi marks, embeddings, overrides and isolates. */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const unsafeExceptLineBreaks = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `s` with every control and bidi character written out visibly (`\n`, `\x1b`, `\u{202e}`), and a
 * leading `::` broken up (`\x3a:`), so no line of output can start a workflow command: only
 * `--format github` prints those, on purpose. `keepLineBreaks` leaves CR and LF for a caller that
 * encodes them itself (GitHub's `%0A`).
 */
export function escapeText(s: string, options: { keepLineBreaks?: boolean } = {}): string {
  const escaped = s.replace(options.keepLineBreaks ? unsafeExceptLineBreaks : unsafe, (c) => named[c] ?? visible(c));
  return escaped.startsWith('::') ? `\\x3a${escaped.slice(1)}` : escaped;
}

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** A copy of plain data with every string in it escaped, for outputs built from many fields. */
export function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeText(value) as T;
  if (Array.isArray(value)) return value.map(escapeStrings) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeStrings(v);
    return out as T;
  }
  return value;
}
