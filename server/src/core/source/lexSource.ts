import type { BlockCommentMarker, CommentSyntax, LineCommentMarker, StringMarker } from './commentSyntax.js';
import {
  findBlockClose,
  findDoubledQuoteClose,
  findMultilineClose,
  findSingleLineClose,
  regexAllowedAt,
  regexLiteralClose,
  rustCharEnd,
  rustRawHashes,
} from './literalEnds.js';

/**
 * What the lexer reports, in text order. A comment is `[start, end)` with its text at
 * `[contentStart, contentEnd)`. A string is reported by its contents, between the delimiters (a
 * template literal once per text part). Line numbers are the visitor's to count, and only where it
 * needs them: most of a file is neither.
 */
export interface SourceVisitor {
  comment(start: number, contentStart: number, contentEnd: number, end: number): void;
  string(contentStart: number, contentEnd: number): void;
}

/**
 * The one comment and string lexer: walks `text` (or its first `limit` characters) once, with the
 * language's syntax from the table in commentSyntax.ts, and reports every comment and string
 * literal. Deliberately approximate (no language is parsed), but linear in the length of the text
 * whatever it contains, and it never throws. Annotation and requirement-tag scanning read its
 * comments (commentSegments.ts); import extraction masks both (maskSource.ts).
 */
export function lexSource(text: string, syntax: CommentSyntax, visitor: SourceVisitor, limit = text.length): void {
  new Lexer(text, compile(syntax), visitor, Math.max(0, Math.min(limit, text.length))).run();
}

interface CompiledSyntax {
  /** ASCII codes that may start a marker or literal; everything else is skipped without a look. */
  trigger: Uint8Array;
  block: readonly BlockCommentMarker[];
  line: readonly LineCommentMarker[];
  /** Longest openers first, so `"""` wins over `"`. */
  strings: readonly StringMarker[];
  regexLiterals: boolean;
  /** Whether `{` and `}` are counted, to find where a template literal's `${…}` ends. */
  braces: boolean;
}

const compiledCache = new WeakMap<CommentSyntax, CompiledSyntax>();

const NEWLINE = 10;
const CR = 13;
const BACKSLASH = 92;
const SLASH = 47;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

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
  const regexLiterals = syntax.regexLiterals === true;
  if (regexLiterals) trigger[SLASH] = 1;
  const braces = syntax.strings.some((s) => s.interpolation);
  if (braces) trigger[OPEN_BRACE] = trigger[CLOSE_BRACE] = 1;
  const strings = [...syntax.strings].sort((a, b) => b.open.length - a.open.length);
  const out: CompiledSyntax = { trigger, block: syntax.block, line: syntax.line, strings, regexLiterals, braces };
  compiledCache.set(syntax, out);
  return out;
}

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

/** `step` results: where scanning resumes, or `noMatch` when nothing starts at the cursor. */
const noMatch = -1;

class Lexer {
  /** Single-line string openers that found no closer on this line: later ones on it cannot either. */
  private unclosed = 0;
  /** Where the line of the `unclosed` openers ends; past it, they may close again. */
  private unclosedLineEnd = -1;
  private braceDepth = 0;
  /** Brace depths at which a template literal's `${` was opened. */
  private readonly templates: number[] = [];

  constructor(
    private readonly text: string,
    private readonly syntax: CompiledSyntax,
    private readonly visitor: SourceVisitor,
    private readonly limit: number,
  ) {}

  run(): void {
    const { text, limit } = this;
    const trigger = this.syntax.trigger;
    let i = text.startsWith('#!') && limit > 0 ? this.shebang() : 0;
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c >= 128 || trigger[c] === 0) {
        i++;
      } else if (c === BACKSLASH) {
        // An escaped character never starts anything (`\#` in shell, `\/*` outside a literal).
        i += text.charCodeAt(i + 1) === NEWLINE ? 1 : 2;
      } else {
        if (i > this.unclosedLineEnd) this.unclosed = 0;
        const next = this.step(i, c);
        i = next === noMatch ? i + 1 : next;
      }
    }
  }

  /** A shebang is a comment whatever the language says. */
  private shebang(): number {
    const e = this.lineEndFrom(0);
    this.visitor.comment(0, 2, e, e);
    return e;
  }

  /** What starts at `i` (a trigger character `c`): a comment, a literal, a brace; or nothing. */
  private step(i: number, c: number): number {
    for (const b of this.syntax.block) {
      const end = this.blockComment(b, i);
      if (end !== noMatch) return end;
    }
    for (const m of this.syntax.line) {
      const end = this.lineComment(m, i);
      if (end !== noMatch) return end;
    }
    const strings = this.syntax.strings;
    for (let k = 0; k < strings.length; k++) {
      const end = this.stringLiteral(strings[k], k, i);
      if (end !== noMatch) return end;
    }
    if (c === SLASH && this.syntax.regexLiterals) return this.regexLiteral(i);
    if (this.syntax.braces && (c === OPEN_BRACE || c === CLOSE_BRACE)) return this.brace(i, c);
    return noMatch;
  }

  private blockComment(b: BlockCommentMarker, i: number): number {
    const { text } = this;
    if (!text.startsWith(b.open, i) || (b.openAtLineStart && !this.onlyBlanksBefore(i))) return noMatch;
    const contentStart = i + b.open.length;
    const closeAt = findBlockClose(text, b, contentStart);
    const contentEnd = closeAt < 0 ? text.length : closeAt;
    const end = closeAt < 0 ? text.length : closeAt + b.close.length;
    this.visitor.comment(i, contentStart, contentEnd, end);
    return end;
  }

  private lineComment(m: LineCommentMarker, i: number): number {
    const { text } = this;
    if (!text.startsWith(m.text, i)) return noMatch;
    if (m.wordStart && i > 0 && text.charCodeAt(i - 1) !== NEWLINE && !isWordStartBoundary(text.charCodeAt(i - 1))) return noMatch;
    const after = i + m.text.length;
    if (m.wordEnd && after < text.length && !isBlankCode(text.charCodeAt(after)) && text.charCodeAt(after) !== NEWLINE) return noMatch;
    if (m.notFollowedBy && text.startsWith(m.notFollowedBy, after)) return noMatch;
    const e = this.lineEndFrom(after);
    this.visitor.comment(i, after, e, e);
    return e;
  }

  /** A literal opening at `i` with marker number `k`; its contents go to the visitor. */
  private stringLiteral(s: StringMarker, k: number, i: number): number {
    const { text } = this;
    if ((this.unclosed & (1 << k)) !== 0 || !text.startsWith(s.open, i)) return noMatch;
    if (s.interpolation) return this.templateText(i + 1, true);
    const contentStart = i + s.open.length;
    let contentEnd: number;
    let end: number;
    if (s.rustRaw) {
      const hashes = rustRawHashes(text, i);
      if (hashes < 0) return noMatch;
      contentEnd = text.indexOf(hashes === 0 ? '"' : `"${'#'.repeat(hashes)}`, contentStart);
      end = contentEnd + 1 + hashes;
    } else if (s.rustChar) {
      end = rustCharEnd(text, i);
      contentEnd = end - 1;
    } else if (s.doubledCloserEscapes) {
      contentEnd = findDoubledQuoteClose(text, contentStart);
      end = contentEnd + 1;
    } else {
      if (s.maxLength !== undefined && i > 0 && isWordCode(text.charCodeAt(i - 1))) return noMatch;
      end = s.multiline ? findMultilineClose(text, s, contentStart) : findSingleLineClose(text, s, contentStart);
      contentEnd = end - s.close.length;
    }
    if (contentEnd < 0 || end < 0) {
      // Not a literal after all (an apostrophe in prose, a lifetime): carry on as code.
      if (s.maxLength === undefined && !s.rustChar && !s.rustRaw) this.markUnclosed(k, i);
      return noMatch;
    }
    this.visitor.string(contentStart, contentEnd);
    return end;
  }

  /**
   * Template literal text from `from` (just after the backtick, or after the `}` that closes an
   * interpolation) to the closing backtick, or to a `${` that hands control back to code. A backtick
   * that opens no complete literal is code, like any unclosed quote.
   */
  private templateText(from: number, opening: boolean): number {
    const { text } = this;
    for (let p = from; p < text.length; p++) {
      const c = text.charCodeAt(p);
      if (c === BACKSLASH) p++;
      else if (c === 96 /* ` */) {
        this.visitor.string(from, p);
        return p + 1;
      } else if (c === 36 /* $ */ && text.charCodeAt(p + 1) === OPEN_BRACE) {
        this.visitor.string(from, p);
        this.braceDepth++;
        this.templates.push(this.braceDepth);
        return p + 2;
      }
    }
    if (opening) return noMatch;
    this.visitor.string(from, text.length);
    return text.length;
  }

  private brace(i: number, c: number): number {
    if (c === OPEN_BRACE) {
      this.braceDepth++;
      return i + 1;
    }
    const t = this.templates;
    if (t.length > 0 && t[t.length - 1] === this.braceDepth) {
      t.pop();
      this.braceDepth--;
      return this.templateText(i + 1, false);
    }
    this.braceDepth = Math.max(0, this.braceDepth - 1);
    return i + 1;
  }

  private regexLiteral(i: number): number {
    if (!regexAllowedAt(this.text, i)) return noMatch;
    const close = regexLiteralClose(this.text, i);
    if (close < 0) return noMatch;
    this.visitor.string(i + 1, close);
    return close + 1;
  }

  private lineEndFrom(p: number): number {
    const e = this.text.indexOf('\n', p);
    return e < 0 ? this.text.length : e;
  }

  private markUnclosed(k: number, i: number): void {
    this.unclosed |= 1 << k;
    if (this.unclosedLineEnd < i) this.unclosedLineEnd = this.lineEndFrom(i);
  }

  private onlyBlanksBefore(p: number): boolean {
    for (let k = p - 1; k >= 0; k--) {
      const c = this.text.charCodeAt(k);
      if (c === NEWLINE) return true;
      if (!isBlankCode(c)) return false;
    }
    return true;
  }
}
