/**
 * Just enough TOML for dependency tables: table headers, keys with their offsets, and string
 * arrays. Line-based and tolerant, so a manifest with a syntax error elsewhere is still checked.
 */

export interface TomlString {
  value: string;
  /** Offsets of the string's content (inside the quotes). */
  start: number;
  end: number;
}

export interface TomlTable {
  kind: 'table';
  /** Header with quotes and spaces around dots removed: `target.cfg(unix).dependencies`. */
  name: string;
  /** Offsets of the header text inside the brackets. */
  start: number;
  end: number;
}

export interface TomlKey {
  kind: 'key';
  table: string;
  key: string;
  start: number;
  end: number;
  /** The rest of the line after `=` (inline tables are single-line in TOML). */
  valueText: string;
  /** For keys whose value is an array, its string elements. */
  array?: TomlString[];
}

export type TomlEntry = TomlTable | TomlKey;

const header = /^[ \t]*\[\[?[ \t]*([^\]\r\n]+?)[ \t]*\]\]?/;
const keyLine = /^[ \t]*("(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*'|[A-Za-z0-9_.-]+(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"\r\n]*"))*)[ \t]*=[ \t]*/;

export function scanToml(text: string): TomlEntry[] {
  const out: TomlEntry[] = [];
  let table = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0) lineEnd = n;
    const line = text.slice(i, lineEnd);
    let next = lineEnd + 1;
    const h = header.exec(line);
    if (h) {
      table = unquoteDotted(h[1]);
      const start = i + h[0].indexOf(h[1]);
      out.push({ kind: 'table', name: table, start, end: start + h[1].length });
    } else {
      const k = keyLine.exec(line);
      if (k) {
        const valueStart = i + k[0].length;
        let start = i + k[0].indexOf(k[1]);
        let end = start + k[1].length;
        // A quoted key's range is its text inside the quotes.
        if (/^(?:"[^"]*"|'[^']*')$/.test(k[1])) {
          start++;
          end--;
        }
        const entry: TomlKey = { kind: 'key', table, key: unquoteDotted(k[1]), start, end, valueText: line.slice(k[0].length) };
        if (text[valueStart] === '[') {
          const arr = readStringArray(text, valueStart);
          entry.array = arr.items;
          const after = text.indexOf('\n', arr.end);
          next = Math.max(next, after < 0 ? n : after + 1);
        }
        out.push(entry);
      }
    }
    i = next;
  }
  return out;
}

/** Reads the array starting at `[`; returns its top-level strings and the offset after `]`. */
function readStringArray(text: string, open: number): { items: TomlString[]; end: number } {
  const items: TomlString[] = [];
  let depth = 0;
  let i = open;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '[' || c === '{') {
      depth++;
      i++;
    } else if (c === ']' || c === '}') {
      depth--;
      i++;
      if (depth === 0) return { items, end: i };
    } else if (c === '#') {
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      let j = i + q.length;
      while (j < n && !text.startsWith(q, j) && (triple || text[j] !== '\n')) j += c === '"' && text[j] === '\\' ? 2 : 1;
      const end = Math.min(j, n);
      if (depth === 1) items.push({ value: c === '"' ? unescapeBasic(text.slice(i + q.length, end)) : text.slice(i + q.length, end), start: i + q.length, end });
      i = end + q.length;
    } else i++;
  }
  return { items, end: n };
}

/** `target."cfg(unix)" . dependencies` → `target.cfg(unix).dependencies` (dots inside quotes are kept). */
function unquoteDotted(s: string): string {
  const parts: string[] = [];
  let current = '';
  let quote = '';
  for (const c of s) {
    if (quote) {
      if (c === quote) quote = '';
      else current += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '.') {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  parts.push(current.trim());
  return parts.join('.');
}

function unescapeBasic(s: string): string {
  return s.replace(/\\(["\\])/g, '$1');
}
