import type { DocKind } from '../documents/document.js';
import type { CodeReference, FileAnnotations, Suppression } from './codeReference.js';
import { forEachCommentSegment } from './commentSegments.js';
import { commentSyntaxFor } from './commentSyntax.js';
import { lookupTable } from '../base/lookupTable.js';
import type { Range } from '../base/range.js';

export interface ScanAnnotationsOptions {
  /** Id prefixes of the workspace (`ADR`, `PRD`, `GOAL` by default): what bare mentions look like. */
  idPrefixes?: readonly string[];
}

const defaultPrefixes: readonly string[] = ['ADR', 'PRD', 'GOAL'];

/** Minified or generated lines: too long to be prose, and too costly to search for mentions. */
const maxMentionLineLength = 10_000;

const directive = 'rationale-disable-next-line';

const tagKinds = lookupTable<DocKind>({
  decision: 'decision', adr: 'decision', rfc: 'decision',
  prd: 'project', project: 'project', brief: 'project',
  goal: 'goal', okr: 'goal', objective: 'goal',
});

/**
 * Tags other tools own too (Doxygen `@brief`, Maven's `@goal`, file headers' `@project`): after
 * them only unmistakable ids count, so `@brief Thread-safe queue` is not a reference.
 */
const sharedTags = new Set(['brief', 'project', 'goal', 'objective']);

const tagPattern = /(?<![\w@])@(decision|adr|prd|project|brief|rfc|goal|okr|objective)(?![\w-])/gi;
const idToken = /[A-Za-z0-9_][A-Za-z0-9_./-]*/y;
const bareNumber = /^\d+$/;
/** log4brains ids: `20201016-use-log4brains`, `core/20201002-use-ddd`. */
const datedSlug = /^(?:[\w.-]+\/)*\d{8}-[\w-]+$/;
const otherPrefixLoose = /^[A-Za-z]{2,}[-_]?\d+$/;
const otherPrefixStrict = /^[A-Z]{2,}[-_]\d+$/;
const numberedStem = /^\d+[-_][A-Za-z0-9][\w-]*$/;
const packagePath = /^[\w.-]+(?:\/[\w.-]+)+$/;
const slug = /^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+$/;

interface PrefixPatterns {
  /** Could the text hold anything at all? Most files answer no and cost one regex test. */
  anything: RegExp;
  /** `ADR-0007`, `adr 7`, `PRD_3` (case-insensitive, as `idKey` normalises them). */
  mentionNumbered?: RegExp;
  /** `GOAL-growth`: prefix as configured (case-sensitive), so `goal-oriented` is prose, not an id. */
  mentionNamed?: RegExp;
  /** An id after a tag that uses one of the workspace's prefixes. */
  prefixed?: RegExp;
}

const patternCache = new Map<string, PrefixPatterns>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function patternsFor(prefixes: readonly string[]): PrefixPatterns {
  const key = prefixes.join('\u0000');
  const cached = patternCache.get(key);
  if (cached) return cached;
  const alternatives = [...new Set(prefixes.map((p) => p.trim()).filter((p) => p.length > 0))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  const any = alternatives.length ? `(?:${alternatives.join('|')})` : undefined;
  const out: PrefixPatterns = {
    anything: new RegExp(['@', 'rationale-disable', ...alternatives].join('|'), 'i'),
    mentionNumbered: any ? new RegExp(`\\b${any}[-_ ]?\\d+\\b`, 'gi') : undefined,
    mentionNamed: any ? new RegExp(`\\b${any}-[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*`, 'g') : undefined,
    prefixed: any ? new RegExp(`^${any}(?:[-_ ]?\\d+|[-_][A-Za-z0-9][\\w-]*)$`, 'i') : undefined,
  };
  if (patternCache.size > 64) patternCache.clear();
  patternCache.set(key, out);
  return out;
}

/**
 * Finds annotations (`@decision ADR-0007`), bare id mentions and `rationale-disable-next-line`
 * exceptions in the comments of one file, without parsing its language.
 */
export function scanAnnotations(path: string, text: string, options: ScanAnnotationsOptions = {}): FileAnnotations {
  const references: CodeReference[] = [];
  const suppressions: Suppression[] = [];
  const patterns = patternsFor(options.idPrefixes ?? defaultPrefixes);
  if (!patterns.anything.test(text)) return { references, suppressions };

  const lineEndFrom = lineEndCache(text);
  forEachCommentSegment(text, commentSyntaxFor(path), (start, end, line, lineStart, commentEnd) => {
    if (end <= start) return;
    const c = commentLine(path, text.slice(start, end), line, start - lineStart);
    const suppression = scanDirective(c, text, { commentEnd, line, lineStart, lineEndFrom });
    if (suppression) suppressions.push(suppression);
    scanTags(c, patterns);
    if (lineEndFrom(lineStart) - lineStart <= maxMentionLineLength) scanMentions(c, patterns);
    if (c.found.length > 1) c.found.sort((x, y) => x.offset - y.offset);
    for (const f of c.found) references.push(f.ref);
  });
  return { references, suppressions };
}

/** The end of the line starting at `lineStart`, remembered for the last line asked about. */
function lineEndCache(text: string): (lineStart: number) => number {
  let cachedLineStart = -1;
  let cachedLineEnd = -1;
  return (lineStart) => {
    if (lineStart !== cachedLineStart) {
      cachedLineStart = lineStart;
      const e = text.indexOf('\n', lineStart);
      cachedLineEnd = e < 0 ? text.length : e;
    }
    return cachedLineEnd;
  };
}

/** One line of comment text being scanned, and what has been found and claimed on it. */
interface CommentLine {
  path: string;
  /** The comment text on this line. */
  s: string;
  line: number;
  /** Column of `s[0]` on the line. */
  column: number;
  /** Offsets in `s` already claimed by a tag or a directive, so mentions do not repeat them. */
  claimed: [number, number][];
  /** Inline code spans: text in backticks inside a comment is an example, not a citation. */
  examples: [number, number][];
  found: { offset: number; ref: CodeReference }[];
}

function commentLine(path: string, s: string, line: number, column: number): CommentLine {
  const examples = codeSpans(s);
  return { path, s, line, column, claimed: [...examples], examples, found: [] };
}

function rangeOn(c: CommentLine, from: number, to: number): Range {
  return { start: { line: c.line, character: c.column + from }, end: { line: c.line, character: c.column + to } };
}

function isExample(c: CommentLine, at: number): boolean {
  return c.examples.length > 0 && c.examples.some(([a, b]) => at >= a && at < b);
}

function isClaimed(c: CommentLine, from: number, to: number): boolean {
  return c.claimed.some(([a, b]) => from < b && a < to);
}

/** `rationale-disable-next-line ids [until date] -- reason` on this comment line, if there is one. */
function scanDirective(c: CommentLine, text: string, place: CommentPlace): Suppression | undefined {
  const { s } = c;
  const d = findDirective(s);
  if (d < 0 || isExample(c, d)) return undefined;
  const rest = s.slice(d + directive.length);
  const sep = reasonSeparator(rest);
  const idsPart = sep.at < 0 ? rest : rest.slice(0, sep.at);
  const tokens = idsPart.split(/[\s,]+/).map((t) => t.replace(/[.:;]+$/, '')).filter((t) => t.length > 0);
  const reasonText = sep.at < 0 ? '' : rest.slice(sep.at + sep.length).trim();
  c.claimed.push([d, d + directive.length + idsPart.length]);
  const suppression: Suppression = {
    path: c.path,
    ...idsAndEnd(tokens),
    reason: reasonText.length > 0 ? reasonText : undefined,
    targetLine: nextNonBlankLine(text, place),
    range: rangeOn(c, d, s.trimEnd().length),
  };
  if (suppression.until === undefined) delete suppression.until;
  return suppression;
}

/** `ADR-7 until 2027-03-01`: the ids, and the end date as written (empty when `until` ends the list). */
function idsAndEnd(tokens: string[]): { ids: string[]; until?: string } {
  const k = tokens.findIndex((t) => t.toLowerCase() === 'until');
  if (k < 0) return { ids: tokens };
  return { ids: [...tokens.slice(0, k), ...tokens.slice(k + 2)], until: tokens[k + 1] ?? '' };
}

/** `@tag id[, id …]`: annotations, the strong references. */
function scanTags(c: CommentLine, patterns: PrefixPatterns): void {
  const { s } = c;
  if (!s.includes('@')) return;
  tagPattern.lastIndex = 0;
  for (let m = tagPattern.exec(s); m; m = tagPattern.exec(s)) {
    if (isExample(c, m.index)) continue;
    const tag = m[1].toLowerCase();
    const p = scanTagIds(c, patterns, { kind: tagKinds[tag], shared: sharedTags.has(tag), from: m.index + m[0].length });
    tagPattern.lastIndex = Math.max(tagPattern.lastIndex, p);
  }
}

/** The ids after one tag, from `from`; returns where the id list ends. */
function scanTagIds(c: CommentLine, patterns: PrefixPatterns, tag: { kind: DocKind | undefined; shared: boolean; from: number }): number {
  const { s } = c;
  let p = tag.from;
  let first = true;
  let colon = false;
  if (s.charCodeAt(p) === 58 /* : */) {
    colon = true;
    p++;
  }
  for (;;) {
    let space = false;
    let comma = false;
    for (; p < s.length; p++) {
      const ch = s.charCodeAt(p);
      if (ch === 32 || ch === 9) space = true;
      else if (ch === 44 /* , */) comma = true;
      else break;
    }
    if (first ? !(space || colon) : !(space || comma)) break;
    idToken.lastIndex = p;
    const t = idToken.exec(s);
    if (!t) break;
    const qualified = sourceQualified(s, p, t[0]);
    const id = qualified ?? t[0].replace(/[./-]+$/, '');
    if (!id || !isId(qualified ? id.slice(id.indexOf(':') + 1) : id, patterns, tag.shared, first || comma)) break;
    c.claimed.push([p, p + id.length]);
    c.found.push({ offset: p, ref: { path: c.path, id, kind: tag.kind, strength: 'annotation', range: rangeOn(c, p, p + id.length) } });
    p += qualified ? qualified.length : t[0].length;
    first = false;
  }
  return p;
}

/** Bare ids (`ADR-7` in prose): weaker references, where no tag or directive claimed them. */
function scanMentions(c: CommentLine, patterns: PrefixPatterns): void {
  const { s } = c;
  for (const re of [patterns.mentionNumbered, patterns.mentionNamed]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const from = m.index;
      const to = from + m[0].length;
      if (isClaimed(c, from, to)) continue;
      c.claimed.push([from, to]);
      c.found.push({ offset: from, ref: { path: c.path, id: m[0], strength: 'mention', range: rangeOn(c, from, to) } });
    }
  }
}

const sourceName = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * `strategy:GOAL-3` after a tag: an id of a source (`.rationale.json` `sources`), qualified by its
 * name. Returns the whole qualified id when the token at `p` is a name followed by `:` and an id.
 */
function sourceQualified(s: string, p: number, token: string): string | undefined {
  const after = p + token.length;
  if (s.charCodeAt(after) !== 58 /* : */ || !sourceName.test(token)) return undefined;
  idToken.lastIndex = after + 1;
  const t = idToken.exec(s);
  const id = t?.[0].replace(/[./-]+$/, '');
  return id ? `${token}:${id}` : undefined;
}

/** Whether a token after a tag is an id, or the prose that follows the ids (`@adr 7 because we …`). */
function isId(token: string, patterns: PrefixPatterns, sharedTag: boolean, startsList: boolean): boolean {
  if (bareNumber.test(token)) return true;
  if (patterns.prefixed?.test(token)) return true;
  if (datedSlug.test(token)) return true;
  if (sharedTag) return false;
  if (startsList) {
    // Right after the tag or a comma, any id-shaped token is meant as one: `@decision use-postgres`.
    return otherPrefixLoose.test(token) || numberedStem.test(token) || packagePath.test(token) || slug.test(token);
  }
  return otherPrefixStrict.test(token);
}

/**
 * `[start, end)` of each inline code span in one comment line, as Markdown reads them: a run of n
 * backticks opens a span that the next run of exactly n backticks closes; an unclosed run is text.
 */
export function codeSpans(s: string): [number, number][] {
  const spans: [number, number][] = [];
  let k = s.indexOf('`');
  while (k >= 0) {
    let n = 1;
    while (s.charCodeAt(k + n) === 96) n++;
    let close = -1;
    for (let j = s.indexOf('`', k + n); j >= 0; ) {
      let m = 1;
      while (s.charCodeAt(j + m) === 96) m++;
      if (m === n) {
        close = j;
        break;
      }
      j = s.indexOf('`', j + m);
    }
    if (close < 0) {
      k = s.indexOf('`', k + n);
      continue;
    }
    spans.push([k, close + n]);
    k = s.indexOf('`', close + n);
  }
  return spans;
}

function findDirective(s: string): number {
  for (let k = s.indexOf(directive); k >= 0; k = s.indexOf(directive, k + 1)) {
    const before = k === 0 ? '' : s[k - 1];
    const after = s[k + directive.length] ?? '';
    if (/[\w-]/.test(before)) continue;
    if (after !== '' && !/[\s:]/.test(after)) continue;
    return k;
  }
  return -1;
}

/** `--` (or an em dash, which editors like to substitute) separates the ids from the reason. */
function reasonSeparator(rest: string): { at: number; length: number } {
  const dashes = rest.indexOf('--');
  const emDash = rest.indexOf('\u2014');
  if (dashes >= 0 && (emDash < 0 || dashes < emDash)) return { at: dashes, length: 2 };
  if (emDash >= 0) return { at: emDash, length: 1 };
  return { at: -1, length: 0 };
}

/** Where a comment line sits: enough to find the line a directive in it targets. */
interface CommentPlace {
  /** Where the whole comment ends (after a block comment's closer). */
  commentEnd: number;
  line: number;
  lineStart: number;
  lineEndFrom: (lineStart: number) => number;
}

/** The first line after the comment holding a directive that has anything but blanks on it. */
function nextNonBlankLine(text: string, { commentEnd, line, lineStart, lineEndFrom }: CommentPlace): number {
  // Find the line the comment ends on, then look below it.
  let ln = line;
  let e = lineEndFrom(lineStart);
  while (e < commentEnd && e < text.length) {
    ln++;
    const next = text.indexOf('\n', e + 1);
    e = next < 0 ? text.length : next;
  }
  ln++;
  for (let k = e + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) ln++;
    else if (c !== 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11) return ln;
  }
  return ln;
}
