import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { LineMap, Range } from '../base/range.js';

/** YAML front matter between `---` fences, parsed with positions so every finding can point at its key. */
export interface FrontMatter {
  data: Record<string, unknown> | undefined;
  /** Range of the YAML text between the fences. */
  range: Range;
  /** Offset in the document where the body (after the closing fence) starts. */
  bodyOffset: number;
  errors: { message: string; range: Range }[];
  /** Range of the value at a path like `['rules', 0, 'forbid-import']`, else of the nearest ancestor. */
  rangeAt(path: readonly (string | number)[]): Range;
  /** Range of a key (not its value), for "unknown key" style findings. */
  keyRange(key: string): Range | undefined;
}

const openFence = /^\uFEFF?---[ \t]*\r?\n/;

export function splitFrontMatter(text: string): { yamlStart: number; yamlEnd: number; bodyOffset: number } | undefined {
  const open = openFence.exec(text);
  if (!open) return undefined;
  const yamlStart = open[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*$/gm;
  close.lastIndex = yamlStart;
  const m = close.exec(text);
  if (!m) return undefined;
  const yamlEnd = m.index;
  let bodyOffset = m.index + m[0].length;
  if (text[bodyOffset] === '\r') bodyOffset++;
  if (text[bodyOffset] === '\n') bodyOffset++;
  return { yamlStart, yamlEnd, bodyOffset };
}

export function parseFrontMatter(text: string, lines: LineMap): FrontMatter | undefined {
  const split = splitFrontMatter(text);
  if (!split) return undefined;
  return { ...parseYamlMapping(text, split.yamlStart, split.yamlEnd, lines), bodyOffset: split.bodyOffset };
}

/** A YAML mapping with positions: front matter, or a whole metadata file such as a KEP's `kep.yaml`. */
export type YamlMapping = Omit<FrontMatter, 'bodyOffset'>;

/**
 * Parses `text.slice(yamlStart, yamlEnd)` as a mapping, with the same nesting and alias bounds as
 * front matter; ranges are offsets into `text`. Never throws: problems come back in `errors`.
 */
export function parseYamlMapping(text: string, yamlStart: number, yamlEnd: number, lines: LineMap): YamlMapping {
  const src = text.slice(yamlStart, yamlEnd);
  // The range ends with the last YAML line, not on the closing fence's line.
  const whole = lines.rangeOf(yamlStart, yamlStart + src.trimEnd().length);
  const errors: { message: string; range: Range }[] = [];
  let data: Record<string, unknown> | undefined;
  const tooDeep = offsetBeyondNestingLimit(src);
  if (tooDeep !== undefined) {
    // The YAML parser recurses once per level: deeper input would overflow the stack, and where it
    // overflows depends on the stack size. Such front matter is read as empty, with a clear finding.
    const lineEnd = src.indexOf('\n', tooDeep);
    errors.push({
      message: `front matter nests deeper than ${maxNestingDepth} levels`,
      range: lines.rangeOf(yamlStart + tooDeep, yamlStart + (lineEnd < 0 ? src.length : lineEnd)),
    });
  }
  const doc = parseDocument(tooDeep === undefined ? src : '', { prettyErrors: false, uniqueKeys: true, strict: false });
  for (const e of doc.errors) {
    // Errors found at end of input (an unclosed bracket) point past the YAML: show them on its last line.
    const end = src.trimEnd().length;
    let a = e.pos?.[0] ?? 0;
    let b = e.pos?.[1] ?? end;
    if (a >= end) {
      a = src.lastIndexOf('\n', end - 1) + 1;
      a += src.slice(a).length - src.slice(a).trimStart().length;
      b = end;
    }
    errors.push({ message: e.message.split('\n')[0], range: lines.rangeOf(yamlStart + a, yamlStart + Math.max(b, a + 1)) });
  }
  if (doc.errors.length === 0 && tooDeep === undefined) {
    try {
      const js = doc.toJS({ maxAliasCount: 100 }) as unknown;
      if (js === null || js === undefined) data = {};
      else if (typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
      else errors.push({ message: 'front matter must be a mapping of keys to values', range: whole });
    } catch (e) {
      errors.push({ message: `front matter could not be read: ${(e as Error).message}`, range: whole });
    }
  }
  const toRange = (node: YamlNode | null | undefined): Range | undefined => {
    const r = node?.range;
    return r ? lines.rangeOf(yamlStart + r[0], yamlStart + r[1]) : undefined;
  };
  return {
    data,
    range: whole,
    errors,
    rangeAt(path) {
      let node: unknown = doc.contents;
      let best = whole;
      for (const seg of path) {
        let next: unknown;
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
          next = pair?.value;
          if (pair && !next) return toRange(pair.key as YamlNode) ?? best;
        } else if (isSeq(node) && typeof seg === 'number') next = node.items[seg];
        if (!next) break;
        node = next;
        best = toRange(node as YamlNode) ?? best;
      }
      return best;
    },
    keyRange(key) {
      const node = doc.contents;
      if (!isMap(node)) return undefined;
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      return pair ? toRange(pair.key as YamlNode) : undefined;
    },
  };
}

/** Deeper front matter is refused: real documents nest a few levels, hostile ones thousands. */
export const maxNestingDepth = 64;

/**
 * Where the YAML first nests deeper than {@link maxNestingDepth}, or undefined. A cheap scan, not a
 * parse: block collections count each indentation level and each `- `/`? `/`: ` that opens an entry
 * on the same line; flow collections count each `[`/`{` that opens a value, outside quotes. Block
 * scalar lines (after `|` or `>`) are text, whatever their indentation. The count is approximate
 * (YAML may read a level fewer or more); the parser overflows at several hundred levels, far above
 * the limit, so an approximate count keeps it safe.
 */
function offsetBeyondNestingLimit(src: string): number | undefined {
  const indents: number[] = [];
  let flowDepth = 0;
  let blockScalarIndent: number | undefined;
  for (let lineStart = 0; lineStart < src.length; ) {
    let lineEnd = src.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = src.length;
    // Without a CRLF's carriage return, which would hide a block scalar's `|` at the end of a line.
    const line = src.slice(lineStart, src[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd);
    const indent = /^[ \t]*/.exec(line)![0].length;
    const blank = indent === line.length || line[indent] === '#';
    if (blockScalarIndent !== undefined && (blank || indent > blockScalarIndent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockScalarIndent = undefined;
    if (!blank && flowDepth === 0) {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      if (indents.length > maxNestingDepth) return lineStart + indent;
      // `- - - x`: every entry marker opens a collection one level deeper, on this one line.
      const markers = /^[-?:](?=[ \t])/;
      for (let i = indent; markers.test(line.slice(i, i + 2)); i += /^.[ \t]+/.exec(line.slice(i))![0].length) {
        indents.push(i + 1);
        if (indents.length > maxNestingDepth) return lineStart + i;
      }
      // `key: |`, `- >-`: a block scalar indicator opens the value, and nothing but a comment follows it.
      if (/(?:^[ \t]*|[:\-?][ \t]+)[|>][0-9+-]*[ \t]*(?:#.*)?$/.test(line)) blockScalarIndent = indent;
    }
    for (let i = indent; i < line.length; i++) {
      const c = line[i];
      const opensValue = i === indent || /[\s:,\-[{?]/.test(line[i - 1]);
      if (opensValue && (c === '"' || c === "'")) {
        // A quoted scalar: its brackets are text. Unclosed on this line, the rest of it is text too.
        const close = c === '"' ? /^"(?:[^"\\]|\\.)*"/.exec(line.slice(i)) : /^'(?:[^']|'')*'/.exec(line.slice(i));
        i = close ? i + close[0].length - 1 : line.length;
      } else if (opensValue && (c === '[' || c === '{')) {
        if (indents.length + ++flowDepth > maxNestingDepth) return lineStart + i;
      } else if ((c === ']' || c === '}') && flowDepth > 0) flowDepth--;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}
