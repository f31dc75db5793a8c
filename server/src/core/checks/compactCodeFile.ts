import type { Finding, Severity } from '../base/finding.js';
import type { Range } from '../base/range.js';
import type { DocKind } from '../documents/document.js';
import type { CodeReference, FileAnnotations, Suppression } from '../source/codeReference.js';
import type { CachedCodeFile } from './checkCache.js';

/**
 * A code file's cache entry in the form the cache file stores and memory keeps until the entry is
 * replayed: tuples of numbers instead of objects, every shared string (finding codes, decision ids,
 * messages) an index into the cache's string table, and the file's own path (which every finding
 * and reference in it repeats) written as -1. Most files have no finding and no annotation: their
 * entry is the number 0 or 1 (`checked`).
 *
 *   entry     = checked | [checked, hash | null, finding[], reference[] | null, suppression[] | null, requirements?]
 *   finding   = [path, severity, code, decision | -1, message, ...range, data as JSON text?]
 *   reference = [path, id, kind | -1, strength, ...range]
 *   suppression = [path, ids[], reason | -1, targetLine, ...range, until?]
 *   range     = startLine, startCharacter, endLine, endCharacter
 *
 * Requirement items and tags (rare in code files) are kept as they are.
 */
export type CompactCodeFile = number | unknown[];

/** Gives each shared string its index in the table being written. */
export type Intern = (s: string) => number;

const severities: readonly Severity[] = ['error', 'warning', 'info'];
const kinds: readonly DocKind[] = ['goal', 'project', 'decision'];
const strengths: readonly CodeReference['strength'][] = ['annotation', 'mention'];
const ownPath = -1;

export function encodeCodeFile(path: string, e: CachedCodeFile, intern: Intern): CompactCodeFile {
  const checked = e.checked ? 1 : 0;
  if (!e.annotations && e.hash === undefined && e.ruleFindings.length === 0 && !e.requirements) return checked;
  const pathRef = (p: string) => (p === path ? ownPath : intern(p));
  const out: unknown[] = [
    checked,
    e.hash ?? null,
    e.ruleFindings.map((f) => encodeFinding(f, pathRef, intern)),
    e.annotations ? e.annotations.references.map((r) => [pathRef(r.path), intern(r.id), r.kind ? kinds.indexOf(r.kind) : -1, strengths.indexOf(r.strength), ...rangeTuple(r.range)]) : null,
    e.annotations ? e.annotations.suppressions.map((s) => encodeSuppression(s, pathRef, intern)) : null,
  ];
  if (e.requirements) out.push(e.requirements);
  return out;
}

function encodeSuppression(s: Suppression, pathRef: Intern, intern: Intern): unknown[] {
  const t: unknown[] = [pathRef(s.path), s.ids.map(intern), s.reason === undefined ? -1 : intern(s.reason), s.targetLine, ...rangeTuple(s.range)];
  if (s.until !== undefined) t.push(intern(s.until));
  return t;
}

function encodeFinding(f: Finding, pathRef: Intern, intern: Intern): unknown[] {
  const t: unknown[] = [pathRef(f.path), severities.indexOf(f.severity), intern(f.code), f.decision === null ? -1 : intern(f.decision), intern(f.message), ...rangeTuple(f.range)];
  // Interned as text: findings of one rule on one import carry equal data, and memory keeps one string.
  if (f.data !== undefined) t.push(intern(JSON.stringify(f.data)));
  return t;
}

const rangeTuple = (r: Range): number[] => [r.start.line, r.start.character, r.end.line, r.end.character];

/**
 * The entry back, or undefined when the stored form is not one this build writes (a corrupt line,
 * a string index the table lacks): the caller treats that as a miss. Never throws.
 */
export function decodeCodeFile(path: string, x: unknown, strings: readonly (string | undefined)[]): CachedCodeFile | undefined {
  if (x === 0 || x === 1) return { ruleFindings: [], checked: x === 1 };
  if (!Array.isArray(x) || x.length < 5 || x.length > 6 || (x[0] !== 0 && x[0] !== 1)) return undefined;
  const d = new Decoder(path, strings);
  const [checked, hash, findings, references, suppressions, requirements] = x as unknown[];
  if (hash !== null && typeof hash !== 'string') return undefined;
  const ruleFindings = d.list(findings, (t) => d.finding(t));
  if (!ruleFindings) return undefined;
  const entry: CachedCodeFile = { ruleFindings, checked: checked === 1 };
  if (typeof hash === 'string') entry.hash = hash;
  if (references !== null || suppressions !== null) {
    const annotations = d.annotations(references, suppressions);
    if (!annotations) return undefined;
    entry.annotations = annotations;
  }
  if (x.length === 6) entry.requirements = requirements as CachedCodeFile['requirements'];
  return entry;
}

/** Reads the tuples of one entry; every method returns undefined for anything out of shape. */
class Decoder {
  constructor(
    private readonly path: string,
    private readonly strings: readonly (string | undefined)[],
  ) {}

  list<T>(x: unknown, item: (t: unknown[]) => T | undefined): T[] | undefined {
    if (!Array.isArray(x)) return undefined;
    const out: T[] = [];
    for (const t of x) {
      const v = Array.isArray(t) ? item(t) : undefined;
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }

  finding(t: unknown[]): Finding | undefined {
    if (t.length !== 9 && t.length !== 10) return undefined;
    const [path, severity, code, decision, message] = [this.pathAt(t[0]), at(severities, t[1]), this.string(t[2]), t[3] === -1 ? null : this.string(t[3]), this.string(t[4])];
    const range = this.range(t, 5);
    const data = t.length === 10 ? this.object(t[9]) : null;
    if (path === undefined || severity === undefined || code === undefined || decision === undefined || message === undefined || !range || data === undefined) return undefined;
    const f: Finding = { path, range, severity, code: code as Finding['code'], decision, message };
    if (data !== null) f.data = data;
    return f;
  }

  annotations(references: unknown, suppressions: unknown): FileAnnotations | undefined {
    const refs = this.list(references, (t) => this.reference(t));
    const sups = this.list(suppressions, (t) => this.suppression(t));
    return refs && sups ? { references: refs, suppressions: sups } : undefined;
  }

  private reference(t: unknown[]): CodeReference | undefined {
    if (t.length !== 8) return undefined;
    const [path, id, strength, range] = [this.pathAt(t[0]), this.string(t[1]), at(strengths, t[3]), this.range(t, 4)];
    const kind = t[2] === -1 ? undefined : at(kinds, t[2]);
    if (path === undefined || id === undefined || strength === undefined || !range || (t[2] !== -1 && kind === undefined)) return undefined;
    const r: CodeReference = { path, id, strength, range };
    if (kind) r.kind = kind;
    return r;
  }

  private suppression(t: unknown[]): Suppression | undefined {
    if ((t.length !== 8 && t.length !== 9) || !Array.isArray(t[1])) return undefined;
    const ids = (t[1] as unknown[]).map((i) => this.string(i));
    const [path, reason, range] = [this.pathAt(t[0]), t[2] === -1 ? null : this.string(t[2]), this.range(t, 4)];
    const until = t.length === 9 ? this.string(t[8]) : null;
    if (path === undefined || reason === undefined || until === undefined || !isCount(t[3]) || !range || ids.some((i) => i === undefined)) return undefined;
    const s: Suppression = { path, ids: ids as string[], targetLine: t[3] as number, range };
    if (reason !== null) s.reason = reason;
    if (until !== null) s.until = until;
    return s;
  }

  private string(i: unknown): string | undefined {
    return isCount(i) ? this.strings[i as number] : undefined;
  }

  /** A plain object from its interned JSON text, parsed anew for each finding (its consumers may change it). */
  private object(i: unknown): Record<string, unknown> | undefined {
    const text = this.string(i);
    if (text === undefined) return undefined;
    let x: unknown;
    try {
      x = JSON.parse(text);
    } catch {
      // A damaged string line: the finding, hence its entry, is a miss.
      return undefined;
    }
    return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
  }

  private pathAt(i: unknown): string | undefined {
    return i === ownPath ? this.path : this.string(i);
  }

  private range(t: unknown[], at: number): Range | undefined {
    for (let k = at; k < at + 4; k++) if (!isCount(t[k])) return undefined;
    return { start: { line: t[at] as number, character: t[at + 1] as number }, end: { line: t[at + 2] as number, character: t[at + 3] as number } };
  }
}

const isCount = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const at = <T>(list: readonly T[], i: unknown): T | undefined => (isCount(i) ? list[i as number] : undefined);
