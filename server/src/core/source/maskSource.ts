/**
 * Blanks out comments and string contents so import regexes only see code, without a full parser.
 * The result has the same length and the same line breaks as the input, so every offset found in
 * the masked text is valid in the original: an import's specifier is read back from the original
 * between the quotes the mask keeps. Comments become spaces; string contents become `\x01`, which
 * no import regex accepts as a word, space or quote.
 */

export interface SourceSyntax {
  lineComment?: '//' | '#';
  blockComment?: 'flat' | 'nested';
  /** Characters that delimit single-line strings with backslash escapes (`"'` in JavaScript and Python). */
  quotes: string;
  /** `'x'` character literals (C family); `rust` also tells them apart from lifetimes (`'a`). */
  charLiterals?: 'simple' | 'rust';
  /** Quote characters that also open triple-quoted, multi-line strings (`"""`). */
  tripleQuotes?: string;
  /** JavaScript template literals with `${…}` interpolation (the interpolation stays code). */
  templateLiterals?: boolean;
  /** Go raw strings in backticks. */
  rawBackticks?: boolean;
  /** JavaScript regex literals, told apart from division by the preceding token. */
  regexLiterals?: boolean;
  /** C# verbatim strings `@"…"` (multi-line, `""` escapes a quote). */
  verbatimStrings?: boolean;
  /** Rust raw strings `r"…"`, `r#"…"#`. */
  rustRawStrings?: boolean;
}

const stringFiller = '\x01';

/**
 * Masks `text`, or only its first `limit` characters (the result then has that length): imports
 * sit near the top of most files, and lexing stops once the last possible import is passed.
 */
export function maskSource(text: string, syntax: SourceSyntax, limit = text.length): string {
  return new Masker(text, syntax, Math.max(0, Math.min(limit, text.length))).run();
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

const regexPrecedingKeywords = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

// ignoreBOM keeps a leading U+FEFF in the output, so offsets do not shift by one.
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

const specialCache = new WeakMap<SourceSyntax, RegExp>();

/** The characters where lexing state can change; everything between them is skipped natively. */
function specialCharacters(syntax: SourceSyntax): RegExp {
  let re = specialCache.get(syntax);
  if (!re) {
    let chars = syntax.quotes + (syntax.tripleQuotes ?? '');
    if (syntax.lineComment === '//' || syntax.blockComment || syntax.regexLiterals) chars += '/';
    if (syntax.lineComment === '#') chars += '#';
    if (syntax.charLiterals) chars += "'";
    if (syntax.templateLiterals || syntax.rawBackticks) chars += '`';
    if (syntax.templateLiterals) chars += '{}';
    const unique = [...new Set(chars)].map((c) => (/[\]\\^-]/.test(c) ? `\\${c}` : c)).join('');
    re = new RegExp(`[${unique}]`, 'g');
    specialCache.set(syntax, re);
  }
  return re;
}

class Masker {
  /**
   * The masked copy, created on the first region to blank. Filling a code-unit array and decoding
   * it once avoids allocating a string per comment and literal, which dominated the cost (GC).
   */
  private units: Uint16Array | undefined;
  private readonly special: RegExp;
  /** Brace depths at which a template literal's `${` was opened (JavaScript only). */
  private readonly templates: number[] = [];
  private braceDepth = 0;

  constructor(
    private readonly text: string,
    private readonly syntax: SourceSyntax,
    private readonly limit: number,
  ) {
    this.special = specialCharacters(syntax);
  }

  run(): string {
    const { text } = this;
    let i = 0;
    while (i < this.limit) {
      this.special.lastIndex = i;
      const m = this.special.exec(text);
      if (!m || m.index >= this.limit) break;
      i = this.step(m.index);
    }
    if (this.units) return utf16.decode(this.units);
    return this.limit === text.length ? text : text.slice(0, this.limit);
  }

  /** Handles the special character at `p` and returns where scanning resumes. */
  private step(p: number): number {
    const { text, syntax } = this;
    const c = text[p];
    const next = text[p + 1];
    if (c === '/') {
      if (next === '/' && syntax.lineComment === '//') return this.lineComment(p);
      if (next === '*' && syntax.blockComment) return this.blockComment(p);
      if (syntax.regexLiterals && this.regexAllowedAt(p)) return this.regexLiteral(p);
      return p + 1;
    }
    if (c === '#') return this.lineComment(p);
    if (c === '{') {
      this.braceDepth++;
      return p + 1;
    }
    if (c === '}') {
      const t = this.templates;
      if (t.length > 0 && t[t.length - 1] === this.braceDepth) {
        t.pop();
        this.braceDepth--;
        return this.templateFrom(p + 1);
      }
      this.braceDepth = Math.max(0, this.braceDepth - 1);
      return p + 1;
    }
    if (c === '`') return syntax.templateLiterals ? this.templateFrom(p + 1) : this.rawString(p, '`');
    if (syntax.tripleQuotes?.includes(c) && next === c && text[p + 2] === c) return this.tripleQuoted(p, c);
    if (c === '"' && syntax.verbatimStrings && this.isVerbatimStart(p)) return this.verbatimString(p);
    if (c === '"' && syntax.rustRawStrings) {
      const hashes = this.rustRawHashes(p);
      if (hashes >= 0) return this.rawString(p, `"${'#'.repeat(hashes)}`);
    }
    if (c === "'" && syntax.charLiterals && !syntax.quotes.includes("'")) return this.charLiteral(p);
    if (syntax.quotes.includes(c)) return this.quoted(p, c);
    return p + 1;
  }

  private mask(start: number, end: number, fill: string): void {
    const { text } = this;
    end = Math.min(end, this.limit);
    if (end <= start) return;
    let units = this.units;
    if (!units) {
      units = this.units = new Uint16Array(this.limit);
      for (let i = 0; i < this.limit; i++) units[i] = text.charCodeAt(i);
    }
    const code = fill.charCodeAt(0);
    const newline = text.indexOf('\n', start);
    if (newline < 0 || newline >= end) units.fill(code, start, end);
    else {
      // Line breaks stay, so line-anchored regexes and line numbers still work.
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c !== 10 && c !== 13) units[i] = code;
      }
    }
  }

  private lineComment(p: number): number {
    let end = this.text.indexOf('\n', p);
    if (end < 0) end = this.text.length;
    this.mask(p, end, ' ');
    return end;
  }

  private blockComment(p: number): number {
    const { text } = this;
    let end: number;
    if (this.syntax.blockComment === 'nested') {
      let depth = 0;
      let i = p;
      end = text.length;
      while (i < text.length) {
        if (text[i] === '/' && text[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          i += 2;
          if (--depth === 0) {
            end = i;
            break;
          }
        } else i++;
      }
    } else {
      const close = text.indexOf('*/', p + 2);
      end = close < 0 ? text.length : close + 2;
    }
    this.mask(p, end, ' ');
    return end;
  }

  /** A single-line string with backslash escapes; an unterminated one ends at the line break. */
  private quoted(p: number, quote: string): number {
    const { text } = this;
    let i = p + 1;
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
      else if (c === quote) {
        this.mask(p + 1, i, stringFiller);
        return i + 1;
      } else if (c === '\n') break;
      else i++;
    }
    i = Math.min(i, text.length);
    this.mask(p + 1, i, stringFiller);
    return i;
  }

  private tripleQuoted(p: number, quote: string): number {
    const { text } = this;
    const close = quote.repeat(3);
    let i = p + 3;
    while (i < text.length) {
      if (text[i] === '\\') i += 2;
      else if (text.startsWith(close, i)) {
        // `""""` ends with the last three quotes.
        while (text[i + 3] === quote) i++;
        this.mask(p + 3, i, stringFiller);
        return i + 3;
      } else i++;
    }
    this.mask(p + 3, text.length, stringFiller);
    return text.length;
  }

  /** A string without escapes that ends at `close` (Go raw strings, Rust raw strings). */
  private rawString(p: number, close: string): number {
    const open = p + 1;
    const end = this.text.indexOf(close, open);
    if (end < 0) {
      this.mask(open, this.text.length, stringFiller);
      return this.text.length;
    }
    this.mask(open, end, stringFiller);
    return end + close.length;
  }

  private charLiteral(p: number): number {
    const { text } = this;
    if (this.syntax.charLiterals === 'rust') {
      // `'a'`, `'\n'`, `'\u{1F600}'` are characters; `'a` followed by anything else is a lifetime.
      const m = /'(?:\\(?:u\{[0-9a-fA-F]{1,6}\}|x[0-9a-fA-F]{2}|.)|[^'\\\n\r])'/y;
      m.lastIndex = p;
      if (!m.test(text)) return p + 1;
      this.mask(p + 1, m.lastIndex - 1, stringFiller);
      return m.lastIndex;
    }
    return this.quoted(p, "'");
  }

  private isVerbatimStart(p: number): boolean {
    const a = this.text[p - 1];
    const b = this.text[p - 2];
    return a === '@' || (a === '$' && b === '@');
  }

  private verbatimString(p: number): number {
    const { text } = this;
    let i = p + 1;
    while (i < text.length) {
      if (text[i] === '"') {
        if (text[i + 1] === '"') i += 2;
        else {
          this.mask(p + 1, i, stringFiller);
          return i + 1;
        }
      } else i++;
    }
    this.mask(p + 1, text.length, stringFiller);
    return text.length;
  }

  /** For `r##"`, the number of hashes; -1 when the quote does not open a Rust raw string. */
  private rustRawHashes(p: number): number {
    const { text } = this;
    let k = p - 1;
    while (k >= 0 && text[k] === '#') k--;
    if (text[k] !== 'r') return -1;
    let start = k;
    if (text[k - 1] === 'b' || text[k - 1] === 'c') start = k - 1;
    if (start > 0 && /[\w$]/.test(text[start - 1])) return -1;
    return p - 1 - k;
  }

  /**
   * Scans template literal text from `i` (just after the backtick or the `}` closing an
   * interpolation) to the closing backtick or the next `${`, which hands control back to code.
   */
  private templateFrom(i: number): number {
    const { text } = this;
    const start = i;
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') i += 2;
      else if (c === '`') {
        this.mask(start, i, stringFiller);
        return i + 1;
      } else if (c === '$' && text[i + 1] === '{') {
        this.mask(start, i, stringFiller);
        this.braceDepth++;
        this.templates.push(this.braceDepth);
        return i + 2;
      } else i++;
    }
    this.mask(start, text.length, stringFiller);
    return text.length;
  }

  /** A `/` starts a regex literal where an expression may begin, not after a value. */
  private regexAllowedAt(p: number): boolean {
    const { text } = this;
    let k = p - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '\n' || text[k] === '\r')) k--;
    if (k < 0) return true;
    const c = text[k];
    if ('(,=:[!&|?{};+-*%<>~^'.includes(c)) return true;
    if (/[\w$]/.test(c)) {
      let s = k;
      while (s > 0 && /[\w$]/.test(text[s - 1])) s--;
      return regexPrecedingKeywords.has(text.slice(s, k + 1));
    }
    return false;
  }

  private regexLiteral(p: number): number {
    const { text } = this;
    let i = p + 1;
    let inClass = false;
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') i += 2;
      else if (c === '\n' || c === '\r') return p + 1; // not a regex after all: a division
      else if (c === '[') {
        inClass = true;
        i++;
      } else if (c === ']') {
        inClass = false;
        i++;
      } else if (c === '/' && !inClass) {
        this.mask(p + 1, i, stringFiller);
        return i + 1;
      } else i++;
    }
    return p + 1;
  }
}
