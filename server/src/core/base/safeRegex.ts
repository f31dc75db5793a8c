import { RE2JS } from 're2js';

// @decision ADR-0005: patterns from documents run on a linear-time engine, compiled only here.

/**
 * Regular expressions written in repository documents are untrusted: a pattern like `(a+)+$` would
 * hang a backtracking engine. They therefore run on re2js, whose matching time is linear in the
 * input, and anything RE2 cannot express (backreferences, lookarounds) is rejected with a message
 * that says why, instead of being silently rewritten.
 */

/** Longer patterns are almost certainly mistakes, and compiling them costs memory. */
export const maxPatternLength = 2000;
/** RE2's program size grows with nested counted repeats (`(a{100}){100}`); cap what we agree to build. */
const maxProgramSize = 50_000;

export interface RegexMatch {
  /** UTF-16 offsets into the searched text, like `String.prototype.slice`. */
  start: number;
  end: number;
  text: string;
}

export interface SafeRegex {
  readonly source: string;
  /** Text every match contains (see `requiredLiteral`): a text without it has no match. */
  readonly literal?: string;
  /** Whether the pattern matches anywhere in the text (the fast DFA path). */
  test(text: string): boolean;
  /** Every non-overlapping match, left to right, at most `limit`. */
  findAll(text: string, limit?: number): RegexMatch[];
}

export type SafeRegexResult = { ok: true; regex: SafeRegex } | { ok: false; error: string };

export interface SafeRegexOptions {
  /** `^` and `$` match at line boundaries (default true: rules look at source files line by line). */
  multiline?: boolean;
  caseInsensitive?: boolean;
}

export function compileSafeRegex(pattern: string, options: SafeRegexOptions = {}): SafeRegexResult {
  if (typeof pattern !== 'string') return { ok: false, error: 'the pattern must be text' };
  if (pattern.length === 0) return { ok: false, error: 'the pattern is empty' };
  if (pattern.length > maxPatternLength) {
    return { ok: false, error: `the pattern is ${pattern.length} characters long; the limit is ${maxPatternLength}` };
  }
  const unsupported = unsupportedSyntax(pattern);
  if (unsupported) return { ok: false, error: unsupported };
  let flags = 0;
  if (options.multiline !== false) flags |= RE2JS.MULTILINE;
  if (options.caseInsensitive) flags |= RE2JS.CASE_INSENSITIVE;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, flags);
  } catch (e) {
    return { ok: false, error: describeSyntaxError(e) };
  }
  if (compiled.programSize() > maxProgramSize) {
    return { ok: false, error: 'the pattern is too complex (its compiled program is too large); simplify nested repetitions' };
  }
  const literal = options.caseInsensitive ? undefined : requiredLiteral(pattern);
  return { ok: true, regex: new Re2Regex(pattern, compiled, literal) };
}

class Re2Regex implements SafeRegex {
  constructor(
    readonly source: string,
    private readonly compiled: RE2JS,
    /** Text every match contains: a native `includes` rules out most files before re2js runs. */
    readonly literal: string | undefined,
  ) {}

  test(text: string): boolean {
    if (this.literal !== undefined && !text.includes(this.literal)) return false;
    return this.compiled.test(text);
  }

  findAll(text: string, limit = Number.POSITIVE_INFINITY): RegexMatch[] {
    const out: RegexMatch[] = [];
    if (limit <= 0) return out;
    if (this.literal !== undefined && !text.includes(this.literal)) return out;
    const m = this.compiled.matcher(text);
    while (out.length < limit && m.find()) {
      const start = m.start();
      const end = m.end();
      out.push({ start, end, text: text.slice(start, end) });
    }
    return out;
  }
}

/**
 * The longest literal text that every match must contain (`console.log(` in `\bconsole\.log\(`),
 * or undefined when none can be proven cheaply. Conservative: only runs of plain or escaped
 * punctuation characters outside any group, class or top-level alternation count, and patterns
 * with case-insensitive flags or `\Q…\E` quoting get none. Re2js is far slower than a native
 * substring search, and most files do not contain a forbidden pattern's literal at all.
 */
export function requiredLiteral(pattern: string): string | undefined {
  if (/\(\?[a-zA-Z-]*i/.test(pattern) || pattern.includes('\\Q')) return undefined;
  let best = '';
  let run = '';
  let depth = 0;
  const endRun = () => {
    if (depth === 0 && run.length > best.length) best = run;
    run = '';
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    let literal: string | undefined;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next !== undefined && !/[0-9A-Za-z]/.test(next)) literal = next;
      i += 2;
    } else if (c === '[') {
      endRun();
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = j + 1;
      continue;
    } else if (c === '(') {
      endRun();
      depth++;
      i++;
      continue;
    } else if (c === ')') {
      endRun();
      depth--;
      i++;
      continue;
    } else if (c === '|') {
      if (depth === 0) return undefined;
      endRun();
      i++;
      continue;
    } else if ('.^$*+?{}'.includes(c)) {
      endRun();
      i++;
      continue;
    } else {
      literal = c;
      i++;
    }
    if (literal === undefined) {
      endRun();
      continue;
    }
    // A quantifier after the character decides whether it is required, and ends the run either way.
    const q = /^(?:([*?])|\+|\{(\d+)(?:,\d*)?\})\??/.exec(pattern.slice(i, i + 24));
    if (q) {
      const min = q[1] ? 0 : q[2] !== undefined ? Number(q[2]) : 1;
      if (min > 0) run += literal;
      endRun();
      i += q[0].length;
    } else run += literal;
  }
  endRun();
  return best.length >= 2 ? best : undefined;
}

/**
 * RE2's own errors for these constructs are cryptic (`invalid escape sequence: \1`), and they are
 * the features people most often carry over from JavaScript or PCRE, so name them precisely.
 */
function unsupportedSyntax(pattern: string): string | undefined {
  const scan = stripEscapedBackslashesAndClasses(pattern);
  const why = 'RE2 syntax is used because it matches in linear time, so patterns from documents cannot hang the checker';
  if (/\\[1-9]|\\k</.test(scan)) return `backreferences (like \\1 or \\k<name>) are not supported: ${why}`;
  if (/\(\?<[=!]/.test(scan)) return `lookbehind assertions ((?<=…) and (?<!…)) are not supported: ${why}`;
  if (/\(\?[=!]/.test(scan)) return `lookahead assertions ((?=…) and (?!…)) are not supported: ${why}`;
  if (/\(\?>/.test(scan)) return `atomic groups ((?>…)) are not supported: ${why}`;
  if (/(?:[*+?}])\+/.test(scan)) return `possessive quantifiers (like a++) are not supported: ${why}`;
  return undefined;
}

/** Removes `\\` pairs and bracket classes so that `[(?=]` or `\\\\1` are not mistaken for unsupported syntax. */
function stripEscapedBackslashesAndClasses(pattern: string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      // Keep escapes that matter to the checks above; drop the rest (including `\\`).
      if (/[1-9k]/.test(next)) out += c + next;
      else out += '__';
      i += 2;
    } else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      out += '_'.repeat(Math.min(j + 1, pattern.length) - i);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function describeSyntaxError(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const msg = raw.replace(/^error parsing regexp:\s*/, '');
  return `invalid RE2 pattern: ${msg}`;
}
