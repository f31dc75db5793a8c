import type { CommentSyntax } from './commentSyntax.js';

/**
 * A language's syntax (commentSyntax.ts) prepared for the lexer (lexSource.ts). The table's markers
 * leave out what they do not use, so they come in many object shapes; here every marker of a kind
 * has the same shape, which keeps the lexer's property reads monomorphic (and fast) on the hot path.
 */

/** How a string literal's end is found. */
export const enum StringKind {
  /** To the closer, with an escape character or none, on one line or several. */
  Plain,
  /** JavaScript template literal: `${…}` inside is code. */
  Template,
  /** Rust raw string: `r#"…"#`. */
  RustRaw,
  /** Rust character literal: one character or escape. */
  RustChar,
  /** C# verbatim string: `""` is a quote inside it. */
  DoubledQuote,
}

export interface StringRule {
  open: string;
  close: string;
  closeCode: number;
  kind: StringKind;
  multiline: boolean;
  /** The escape character's code, or -1 for raw literals. */
  escape: number;
  /** Character literals close within this many characters; -1 for no limit. */
  maxLength: number;
  /** This rule's bit in the lexer's set of openers left unclosed on the current line. */
  bit: number;
}

export interface BlockRule {
  open: string;
  close: string;
  nested: boolean;
  openAtLineStart: boolean;
  closeAtLineStart: boolean;
}

export interface LineRule {
  text: string;
  wordStart: boolean;
  wordEnd: boolean;
  /** Empty when nothing after the marker cancels it. */
  notFollowedBy: string;
}

/** The rules whose opener starts with one character, so a trigger tries only those. */
export interface Openers {
  block: BlockRule[];
  line: LineRule[];
  /** Longest openers first, so `"""` wins over `"`. */
  strings: StringRule[];
}

export interface CompiledSyntax {
  /** Per ASCII code, the rules that may open there; most characters have none. */
  openers: (Openers | undefined)[];
  regexLiterals: boolean;
  /** Whether `{` and `}` are counted, to find where a template literal's `${…}` ends. */
  braces: boolean;
  /** Every character where something may start, as a class: V8 skips the code between natively. */
  nextTrigger: RegExp;
}

const BACKSLASH = 92;
const SLASH = 47;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

const compiledCache = new WeakMap<CommentSyntax, CompiledSyntax>();

export function compileSyntax(syntax: CommentSyntax): CompiledSyntax {
  const cached = compiledCache.get(syntax);
  if (cached) return cached;
  const trigger = new Uint8Array(128);
  const openers: (Openers | undefined)[] = [];
  const openersAt = (s: string): Openers | undefined => {
    const c = s.charCodeAt(0);
    if (c >= 128) return undefined;
    trigger[c] = 1;
    return (openers[c] ??= { block: [], line: [], strings: [] });
  };
  for (const b of syntax.block) {
    openersAt(b.open)?.block.push({ open: b.open, close: b.close, nested: b.nested === true, openAtLineStart: b.openAtLineStart === true, closeAtLineStart: b.closeAtLineStart === true });
  }
  for (const l of syntax.line) {
    openersAt(l.text)?.line.push({ text: l.text, wordStart: l.wordStart === true, wordEnd: l.wordEnd === true, notFollowedBy: l.notFollowedBy ?? '' });
  }
  const strings = [...syntax.strings].sort((a, b) => b.open.length - a.open.length);
  strings.forEach((s, k) => {
    const kind = s.interpolation ? StringKind.Template : s.rustRaw ? StringKind.RustRaw : s.rustChar ? StringKind.RustChar : s.doubledCloserEscapes ? StringKind.DoubledQuote : StringKind.Plain;
    openersAt(s.open)?.strings.push({
      open: s.open,
      close: s.close,
      closeCode: s.close.charCodeAt(0),
      kind,
      multiline: s.multiline === true,
      escape: s.escape === null ? -1 : (s.escape ?? '\\').charCodeAt(0),
      maxLength: s.maxLength ?? -1,
      bit: 1 << k,
    });
  });
  trigger[BACKSLASH] = 1;
  const regexLiterals = syntax.regexLiterals === true;
  if (regexLiterals) trigger[SLASH] = 1;
  const braces = syntax.strings.some((s) => s.interpolation);
  if (braces) trigger[OPEN_BRACE] = trigger[CLOSE_BRACE] = 1;
  let triggerClass = '';
  trigger.forEach((on, c) => {
    if (on) triggerClass += `\\x${c.toString(16).padStart(2, '0')}`;
  });
  const out: CompiledSyntax = { openers, regexLiterals, braces, nextTrigger: new RegExp(`[${triggerClass}]`, 'g') };
  compiledCache.set(syntax, out);
  return out;
}
