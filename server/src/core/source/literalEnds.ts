import type { BlockRule, StringRule } from './compiledSyntax.js';

/**
 * Where comments and literals end, for the lexer (lexSource.ts): each function looks ahead from an
 * opener and answers with an offset, or -1 when the opener does not start what it seemed to.
 * All of them are linear in the text they pass over.
 */

const NEWLINE = 10;
const CR = 13;

/** Offset of the block's closer, honouring nesting and column-0 closers; -1 when it never closes. */
export function findBlockClose(text: string, b: BlockRule, from: number): number {
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

/** Offset just after the closer on the same line, or -1 (an unclosed quote is not a literal). */
export function findSingleLineClose(text: string, s: StringRule, from: number): number {
  const esc = s.escape;
  const close = s.closeCode;
  const limit = s.maxLength >= 0 ? Math.min(text.length, from + s.maxLength) : text.length;
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
export function findMultilineClose(text: string, s: StringRule, from: number): number {
  const esc = s.escape;
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

/** C# verbatim strings: offset of the closing quote, skipping `""` pairs; -1 when there is none. */
export function findDoubledQuoteClose(text: string, from: number): number {
  for (let k = text.indexOf('"', from); k >= 0; k = text.indexOf('"', k + 2)) {
    if (text.charCodeAt(k + 1) !== 34) return k;
  }
  return -1;
}

function isIdentifierCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/** For the quote of `r##"`, the number of hashes; -1 when the quote does not open a Rust raw string. */
export function rustRawHashes(text: string, quote: number): number {
  let k = quote - 1;
  while (k >= 0 && text.charCodeAt(k) === 35 /* # */) k--;
  if (text.charCodeAt(k) !== 114 /* r */) return -1;
  let start = k;
  const prefix = text.charCodeAt(k - 1);
  if (prefix === 98 /* b */ || prefix === 99 /* c */) start = k - 1;
  if (start > 0 && isIdentifierCode(text.charCodeAt(start - 1))) return -1;
  return quote - 1 - k;
}

/** `'a'`, `'\n'`, `'\u{1F600}'` are characters; `'a` followed by anything else is a lifetime. */
const rustCharacter = /'(?:\\(?:u\{[0-9a-fA-F]{1,6}\}|x[0-9a-fA-F]{2}|.)|[^'\\\n\r])'/y;

/** Offset just after a Rust character literal opening at `quote`, or -1 (a lifetime, a label). */
export function rustCharEnd(text: string, quote: number): number {
  rustCharacter.lastIndex = quote;
  return rustCharacter.test(text) ? rustCharacter.lastIndex : -1;
}

const regexPrecedingKeywords = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/** Punctuation after which an expression, and so a regex literal, may begin: `(,=:[!&|?{};+-*%<>~^`. */
const regexPrecedingPunctuation = new Uint8Array(128);
for (const c of '(,=:[!&|?{};+-*%<>~^') regexPrecedingPunctuation[c.charCodeAt(0)] = 1;

function isBlankOrBreak(c: number): boolean {
  return c === 32 || c === 9 || c === NEWLINE || c === CR;
}

/** A `/` starts a regex literal where an expression may begin, not after a value. */
export function regexAllowedAt(text: string, slash: number): boolean {
  let k = slash - 1;
  while (k >= 0 && isBlankOrBreak(text.charCodeAt(k))) k--;
  if (k < 0) return true;
  const c = text.charCodeAt(k);
  if (c < 128 && regexPrecedingPunctuation[c] === 1) return true;
  if (!isIdentifierCode(c)) return false;
  let s = k;
  while (s > 0 && isIdentifierCode(text.charCodeAt(s - 1))) s--;
  // Only a keyword that short can precede a regex; longer words are values (`a / b`).
  return k - s < 10 && regexPrecedingKeywords.has(text.slice(s, k + 1));
}

/** Offset of the `/` closing a regex literal opened at `slash`, or -1 (a division after all). */
export function regexLiteralClose(text: string, slash: number): number {
  let inClass = false;
  for (let i = slash + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === NEWLINE || c === CR) return -1;
    else if (c === 91 /* [ */) inClass = true;
    else if (c === 93 /* ] */) inClass = false;
    else if (c === 47 /* / */ && !inClass) return i;
  }
  return -1;
}
