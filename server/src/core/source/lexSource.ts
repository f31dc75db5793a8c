import type { CommentSyntax } from './commentSyntax.js';
import { compileSyntax, StringKind, type BlockRule, type CompiledSyntax, type LineRule, type StringRule } from './compiledSyntax.js';
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
  new Lexer(text, compileSyntax(syntax), visitor, Math.max(0, Math.min(limit, text.length))).run();
}

const NEWLINE = 10;
const CR = 13;
const BACKSLASH = 92;
const SLASH = 47;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

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
    const nextTrigger = this.syntax.nextTrigger;
    let i = text.startsWith('#!') && limit > 0 ? this.shebang() : 0;
    while (i < limit) {
      nextTrigger.lastIndex = i;
      // test(), not exec(): it moves lastIndex past the match without allocating one.
      if (!nextTrigger.test(text)) break;
      i = nextTrigger.lastIndex - 1;
      if (i >= limit) break;
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) {
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
    const openers = this.syntax.openers[c];
    if (openers) {
      for (const b of openers.block) {
        const end = this.blockComment(b, i);
        if (end !== noMatch) return end;
      }
      for (const m of openers.line) {
        const end = this.lineComment(m, i);
        if (end !== noMatch) return end;
      }
      for (const r of openers.strings) {
        const end = this.stringLiteral(r, i);
        if (end !== noMatch) return end;
      }
    }
    if (c === SLASH && this.syntax.regexLiterals) return this.regexLiteral(i);
    if (this.syntax.braces && (c === OPEN_BRACE || c === CLOSE_BRACE)) return this.brace(i, c);
    return noMatch;
  }

  private blockComment(b: BlockRule, i: number): number {
    const { text } = this;
    if (!text.startsWith(b.open, i) || (b.openAtLineStart && !this.onlyBlanksBefore(i))) return noMatch;
    const contentStart = i + b.open.length;
    const closeAt = findBlockClose(text, b, contentStart);
    const contentEnd = closeAt < 0 ? text.length : closeAt;
    const end = closeAt < 0 ? text.length : closeAt + b.close.length;
    this.visitor.comment(i, contentStart, contentEnd, end);
    return end;
  }

  private lineComment(m: LineRule, i: number): number {
    const { text } = this;
    if (!text.startsWith(m.text, i)) return noMatch;
    if (m.wordStart && i > 0 && text.charCodeAt(i - 1) !== NEWLINE && !isWordStartBoundary(text.charCodeAt(i - 1))) return noMatch;
    const after = i + m.text.length;
    if (m.wordEnd && after < text.length && !isBlankCode(text.charCodeAt(after)) && text.charCodeAt(after) !== NEWLINE) return noMatch;
    if (m.notFollowedBy !== '' && text.startsWith(m.notFollowedBy, after)) return noMatch;
    const e = this.lineEndFrom(after);
    this.visitor.comment(i, after, e, e);
    return e;
  }

  /** A literal opening at `i`; its contents go to the visitor. */
  private stringLiteral(s: StringRule, i: number): number {
    const { text } = this;
    if ((this.unclosed & s.bit) !== 0 || !text.startsWith(s.open, i)) return noMatch;
    const contentStart = i + s.open.length;
    let contentEnd: number;
    let end: number;
    switch (s.kind) {
      case StringKind.Template:
        return this.templateText(contentStart, true);
      case StringKind.RustRaw: {
        const hashes = rustRawHashes(text, i);
        if (hashes < 0) return noMatch;
        contentEnd = text.indexOf(hashes === 0 ? '"' : `"${'#'.repeat(hashes)}`, contentStart);
        end = contentEnd + 1 + hashes;
        break;
      }
      case StringKind.RustChar:
        end = rustCharEnd(text, i);
        contentEnd = end - 1;
        break;
      case StringKind.DoubledQuote:
        contentEnd = findDoubledQuoteClose(text, contentStart);
        end = contentEnd + 1;
        break;
      default:
        if (s.maxLength >= 0 && i > 0 && isWordCode(text.charCodeAt(i - 1))) return noMatch;
        end = s.multiline ? findMultilineClose(text, s, contentStart) : findSingleLineClose(text, s, contentStart);
        contentEnd = end - s.close.length;
    }
    if (contentEnd < 0 || end < 0) {
      // Not a literal after all (an apostrophe in prose, a lifetime): carry on as code.
      if (s.kind === StringKind.Plain && s.maxLength < 0) this.markUnclosed(s.bit, i);
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

  private markUnclosed(bit: number, i: number): void {
    this.unclosed |= bit;
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
