import { wholeFile, type ChangedLines, type LineSpan } from './changedLines.js';

/**
 * The lines each file gained in `git diff --unified=0` output, by the file's new path (so a renamed
 * file counts by its new lines). Deleted files, and hunks that only delete, add nothing. A file
 * whose diff has no hunks (binary, or a mode change) but is new counts as wholly changed.
 */
export function addedLines(diff: string): Map<string, ChangedLines> {
  const out = new Map<string, ChangedLines>();
  let current: { path: string; spans: LineSpan[] } | undefined;
  let isNew = false;
  const flush = () => {
    if (current && current.spans.length > 0) out.set(current.path, { whole: false, ranges: current.spans });
    else if (current && isNew) out.set(current.path, wholeFile);
    current = undefined;
    isNew = false;
  };
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) flush();
    else if (line.startsWith('new file mode')) isNew = true;
    else if (line.startsWith('+++ ')) {
      const path = diffPath(line.slice(4));
      current = path === undefined ? undefined : { path, spans: [] };
    } else if (line.startsWith('Binary files ') && isNew) {
      const m = / and (.*) differ$/.exec(line);
      const path = m ? diffPath(m[1]) : undefined;
      if (path !== undefined) current = { path, spans: [] };
    } else if (line.startsWith('@@') && current) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      if (count > 0) current.spans.push({ start: start - 1, end: start + count - 2 });
    }
  }
  flush();
  return out;
}

/** `b/src/a.ts` or `"b/src/\303\251.ts"` to `src/a.ts`; undefined for `/dev/null`. */
function diffPath(raw: string): string | undefined {
  const text = raw.startsWith('"') ? unquoteC(raw) : raw;
  if (text === '/dev/null') return undefined;
  return text.startsWith('b/') ? text.slice(2) : text;
}

const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Git quotes unusual paths C-style, with octal escapes for the bytes of non-ASCII characters. */
export function unquoteC(quoted: string): string {
  const body = quoted.slice(1, quoted.endsWith('"') ? -1 : undefined);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...new TextEncoder().encode(c));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
