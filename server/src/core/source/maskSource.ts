import type { CommentSyntax } from './commentSyntax.js';
import { lexSource, type SourceVisitor } from './lexSource.js';

/**
 * Blanks out comments and string contents so import regexes only see code, without a full parser.
 * The result has the same length and the same line breaks as the input, so every offset found in
 * the masked text is valid in the original: an import's specifier is read back from the original
 * between the quotes the mask keeps. Comments become spaces; string contents become `\x01`, which
 * no import regex accepts as a word, space or quote.
 */

const stringFiller = '\x01';

/**
 * Masks `text`, or only its first `limit` characters (the result then has that length): imports
 * sit near the top of most files, and lexing stops once the last possible import is passed.
 * Comments and strings are the ones the one lexer (lexSource.ts) finds with the language's syntax.
 */
export function maskSource(text: string, syntax: CommentSyntax, limit = text.length): string {
  const masker = new Masker(text, Math.max(0, Math.min(limit, text.length)));
  lexSource(text, syntax, masker, masker.limit);
  return masker.result();
}

/**
 * Where masking may stop: `tail` characters after the end of the last `anchor` match, or -1 when
 * there is none. An anchor is a token every import statement contains as code (`import`,
 * `from '`, `require(`), so a file without one has no imports and needs no masking at all.
 */
export function maskLimit(text: string, anchor: MaskAnchor, tail: number): number {
  // One forward regex pass over the anchor words (V8 scans literal alternations fast; a backward
  // lastIndexOf per word was three times slower), confirming each candidate where it stands.
  const words = anchorWords(anchor);
  words.lastIndex = 0;
  let last = -1;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    anchor.verify.lastIndex = m.index;
    if (anchor.verify.test(text)) last = Math.max(last, anchor.verify.lastIndex);
    words.lastIndex = m.index + 1;
  }
  return last < 0 ? -1 : Math.min(text.length, last + tail);
}

const anchorWordsCache = new WeakMap<MaskAnchor, RegExp>();

function anchorWords(anchor: MaskAnchor): RegExp {
  let re = anchorWordsCache.get(anchor);
  if (!re) {
    re = new RegExp(anchor.words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    anchorWordsCache.set(anchor, re);
  }
  return re;
}

/** Words that start an anchor, and a sticky (`y`) regex that confirms one at a word's position. */
export interface MaskAnchor {
  words: readonly string[];
  verify: RegExp;
}

// ignoreBOM keeps a leading U+FEFF in the output, so offsets do not shift by one.
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

const SPACE = 32;
const STRING_FILLER = stringFiller.charCodeAt(0);

/** Blanks what the lexer reports: comments with spaces, string contents with the filler. */
class Masker implements SourceVisitor {
  /**
   * The masked copy, created on the first region to blank. Filling a code-unit array and decoding
   * it once avoids allocating a string per comment and literal, which dominated the cost (GC).
   */
  private units: Uint16Array | undefined;
  private nextBreak = -1;
  /** How much of the text the masked copy holds so far. */
  private copied = 0;

  constructor(
    private readonly text: string,
    readonly limit: number,
  ) {}

  comment(start: number, _contentStart: number, _contentEnd: number, end: number): void {
    this.mask(start, end, SPACE);
  }

  string(contentStart: number, contentEnd: number): void {
    this.mask(contentStart, contentEnd, STRING_FILLER);
  }

  result(): string {
    if (!this.units) return this.limit === this.text.length ? this.text : this.text.slice(0, this.limit);
    this.copyUpTo(this.limit);
    return utf16.decode(this.units);
  }

  private mask(start: number, end: number, code: number): void {
    const { text } = this;
    end = Math.min(end, this.limit);
    if (end <= start) return;
    this.units ??= new Uint16Array(this.limit);
    const units = this.units;
    this.copyUpTo(start);
    // Line by line: line breaks (and the CR of a CRLF) stay, so line-anchored regexes and line
    // numbers still work.
    for (let p = start; p < end; ) {
      const lineBreak = this.lineBreakFrom(p);
      const lineEnd = Math.min(lineBreak, end);
      const isCrLf = lineEnd === lineBreak && lineEnd > p && text.charCodeAt(lineEnd - 1) === 13;
      units.fill(code, p, isCrLf ? lineEnd - 1 : lineEnd);
      if (isCrLf) units[lineEnd - 1] = 13;
      if (lineEnd < end) units[lineEnd] = 10;
      p = lineEnd + 1;
    }
    this.copied = end;
  }

  /**
   * Copies the text up to `end` into the masked copy. Regions come in text order and do not
   * overlap, so only the code between them is copied, once.
   */
  private copyUpTo(end: number): void {
    const { text, units } = this;
    for (let i = this.copied; i < end; i++) units![i] = text.charCodeAt(i);
    this.copied = end;
  }

  /**
   * The first line break at or after `p`, or the text's length. Regions come in text order, so the
   * answer is cached until passed: a fresh search each time would rescan a long line per literal.
   */
  private lineBreakFrom(p: number): number {
    if (this.nextBreak < p) {
      const k = this.text.indexOf('\n', p);
      this.nextBreak = k < 0 ? this.text.length : k;
    }
    return this.nextBreak;
  }
}
