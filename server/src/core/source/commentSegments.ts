import type { BlockCommentMarker, CommentSyntax, LineCommentMarker, StringMarker } from './commentSyntax.js';

/**
 * One line's worth of comment text: `[start, end)` offsets into the file, on zero-based `line` whose
 * first character is at `lineStart`. `commentEnd` is where the whole comment ends (after a block
 * comment's closer), so a directive inside a multi-line block can target the line after the block.
 */
export type CommentSegmentVisitor = (start: number, end: number, line: number, lineStart: number, commentEnd: number) => void;

interface CompiledSyntax {
  /** ASCII codes that may start a marker or literal; everything else is skipped without a look. */
  trigger: Uint8Array;
  block: readonly BlockCommentMarker[];
  line: readonly LineCommentMarker[];
  /** Longest openers first, so `"""` wins over `"`. */
  strings: readonly StringMarker[];
}

const compiledCache = new WeakMap<CommentSyntax, CompiledSyntax>();

function compile(syntax: CommentSyntax): CompiledSyntax {
  const cached = compiledCache.get(syntax);
  if (cached) return cached;
  const trigger = new Uint8Array(128);
  const mark = (s: string) => {
    const c = s.charCodeAt(0);
    if (c < 128) trigger[c] = 1;
  };
  syntax.block.forEach((b) => mark(b.open));
  syntax.line.forEach((l) => mark(l.text));
  syntax.strings.forEach((s) => mark(s.open));
  trigger[BACKSLASH] = 1;
  const strings = [...syntax.strings].sort((a, b) => b.open.length - a.open.length);
  const out: CompiledSyntax = { trigger, block: syntax.block, line: syntax.line, strings };
  compiledCache.set(syntax, out);
  return out;
}

const NEWLINE = 10;
const CR = 13;
const BACKSLASH = 92;

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === CR || c === 12 || c === 11;
}

/** Where a shell-like `#` may start a comment: start of line, after blanks or a command separator. */
function isWordStartBoundary(c: number): boolean {
  return isBlankCode(c) || c === 59 /* ; */ || c === 124 /* | */ || c === 38 /* & */ || c === 40 /* ( */ || c === 41 /* ) */ || c === 64 /* @ */;
}

/**
 * Walks `text` once, tracking block comments and string literals across lines, and reports the text
 * of every comment line by line. Deliberately approximate (no language is parsed), but linear in
 * the length of the text whatever it contains.
 */
export function forEachCommentSegment(text: string, syntax: CommentSyntax, visit: CommentSegmentVisitor): void {
  const { trigger, block, line: lineMarkers, strings } = compile(syntax);
  const n = text.length;
  let i = 0;
  let line = 0;
  let lineStart = 0;
  /** Single-line string openers that found no closer on this line: later ones on it cannot either. */
  let unclosed = 0;

  const lineEndFrom = (p: number): number => {
    const e = text.indexOf('\n', p);
    return e < 0 ? n : e;
  };
  const trimCr = (start: number, end: number) => (end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end);
  const onlyBlanksBefore = (p: number): boolean => {
    for (let k = lineStart; k < p; k++) if (!isBlankCode(text.charCodeAt(k))) return false;
    return true;
  };
  /** Moves the cursor from `from` to `to`, keeping line bookkeeping right over any newlines between. */
  const advanceTo = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      if (text.charCodeAt(k) === NEWLINE) {
        line++;
        lineStart = k + 1;
        unclosed = 0;
      }
    }
    i = to;
  };

  // A shebang is a comment whatever the language says.
  if (text.startsWith('#!')) {
    const e = lineEndFrom(0);
    visit(2, trimCr(2, e), 0, 0, e);
    i = e;
  }

  scan: while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line++;
      lineStart = i + 1;
      unclosed = 0;
      i++;
      continue;
    }
    if (c >= 128 || trigger[c] === 0) {
      i++;
      continue;
    }
    if (c === BACKSLASH) {
      // An escaped character never starts anything (`\#` in shell, `\/*` in a regex literal).
      i += text.charCodeAt(i + 1) === NEWLINE ? 1 : 2;
      continue;
    }
    for (const b of block) {
      if (!text.startsWith(b.open, i) || (b.openAtLineStart && !onlyBlanksBefore(i))) continue;
      const contentStart = i + b.open.length;
      const closeAt = findBlockClose(text, b, contentStart);
      const contentEnd = closeAt < 0 ? n : closeAt;
      const commentEnd = closeAt < 0 ? n : closeAt + b.close.length;
      // Emit the comment's text line by line.
      let segStart = contentStart;
      let segLine = line;
      let segLineStart = lineStart;
      for (let k = contentStart; k < contentEnd; k++) {
        if (text.charCodeAt(k) === NEWLINE) {
          visit(segStart, trimCr(segStart, k), segLine, segLineStart, commentEnd);
          segLine++;
          segLineStart = k + 1;
          segStart = k + 1;
        }
      }
      visit(segStart, trimCr(segStart, contentEnd), segLine, segLineStart, commentEnd);
      advanceTo(i, commentEnd);
      continue scan;
    }
    for (const m of lineMarkers) {
      if (!text.startsWith(m.text, i)) continue;
      if (m.wordStart && i > lineStart && !isWordStartBoundary(text.charCodeAt(i - 1))) continue;
      const after = i + m.text.length;
      if (m.wordEnd && after < n && !isBlankCode(text.charCodeAt(after)) && text.charCodeAt(after) !== NEWLINE) continue;
      if (m.notFollowedBy && text.startsWith(m.notFollowedBy, after)) continue;
      const e = lineEndFrom(after);
      visit(after, trimCr(after, e), line, lineStart, e);
      i = e;
      continue scan;
    }
    for (let k = 0; k < strings.length; k++) {
      const s = strings[k];
      if ((unclosed & (1 << k)) !== 0 || !text.startsWith(s.open, i)) continue;
      if (s.maxLength !== undefined && i > 0 && isWordCode(text.charCodeAt(i - 1))) continue;
      const end = s.multiline ? findMultilineClose(text, s, i + s.open.length) : findSingleLineClose(text, s, i + s.open.length);
      if (end < 0) {
        // Not a literal after all (an apostrophe in prose, a lifetime): carry on as code.
        if (s.maxLength === undefined) unclosed |= 1 << k;
        continue;
      }
      advanceTo(i, end);
      continue scan;
    }
    i++;
  }
}

/** Offset of the block's closer, honouring nesting and column-0 closers; -1 when it never closes. */
function findBlockClose(text: string, b: BlockCommentMarker, from: number): number {
  if (b.closeAtLineStart) {
    const k = text.indexOf(`\n${b.close}`, from - 1);
    return k < 0 ? -1 : k + 1;
  }
  if (!b.nested) return text.indexOf(b.close, from);
  let depth = 1;
  let p = from;
  // Both next positions are cached and only recomputed once passed, which keeps this linear.
  let nextOpen = text.indexOf(b.open, p);
  let nextClose = text.indexOf(b.close, p);
  for (;;) {
    if (nextClose < 0) return -1;
    if (nextOpen >= 0 && nextOpen < nextClose) {
      depth++;
      p = nextOpen + b.open.length;
      nextOpen = text.indexOf(b.open, p);
      if (nextClose < p) nextClose = text.indexOf(b.close, p);
      continue;
    }
    depth--;
    if (depth === 0) return nextClose;
    p = nextClose + b.close.length;
    nextClose = text.indexOf(b.close, p);
    if (nextOpen >= 0 && nextOpen < p) nextOpen = text.indexOf(b.open, p);
  }
}

function escapeOf(s: StringMarker): number {
  if (s.escape === null) return -1;
  return (s.escape ?? '\\').charCodeAt(0);
}

/** Offset just after the closer on the same line, or -1 (an unclosed quote is not a literal). */
function findSingleLineClose(text: string, s: StringMarker, from: number): number {
  const esc = escapeOf(s);
  const close = s.close.charCodeAt(0);
  const limit = s.maxLength !== undefined ? Math.min(text.length, from + s.maxLength) : text.length;
  for (let p = from; p < limit; p++) {
    const c = text.charCodeAt(p);
    if (c === NEWLINE) return -1;
    if (c === esc) {
      if (text.charCodeAt(p + 1) === NEWLINE) return -1;
      p++;
      continue;
    }
    if (c === close && (s.close.length === 1 || text.startsWith(s.close, p))) return p + s.close.length;
  }
  return -1;
}

/** Offset just after the closer of a literal that may span lines, or -1 when there is none. */
function findMultilineClose(text: string, s: StringMarker, from: number): number {
  const esc = escapeOf(s);
  let p = from;
  for (;;) {
    const k = text.indexOf(s.close, p);
    if (k < 0) return -1;
    let backslashes = 0;
    if (esc >= 0) for (let q = k - 1; q >= from && text.charCodeAt(q) === esc; q--) backslashes++;
    if (backslashes % 2 === 0) return k + s.close.length;
    p = k + 1;
  }
}
