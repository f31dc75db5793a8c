import type { DocKind } from './document.js';

export const defaultIdPrefixes: Record<DocKind, string> = { decision: 'ADR', project: 'PRD', goal: 'GOAL' };

/**
 * The lookup key for an id. `ADR-0007`, `ADR-7`, `ADR 7`, `adr_0007` all give `adr-7`, so people can
 * write ids the way their team always has; anything else (slugs, `GOAL-growth`) is lower-cased.
 */
export function idKey(id: string): string {
  const s = id.trim().toLowerCase();
  const m = /^([a-z]+)[\s_-]*0*(\d+)$/.exec(s);
  if (m) return `${m[1]}-${m[2]}`;
  return s;
}

/** What a numbered file name says: `0007-use-postgres.md` → 7 and slug `use-postgres`. */
export interface FileNameParts {
  stem: string;
  number?: number;
  digits?: string;
  /** A `YYYYMMDD-` prefix (log4brains): ids are then the whole stem. */
  datePrefixed: boolean;
  /** The id prefix the name itself spells: `ADR` for `adr-007-use-postgres.md`, `RFC` for `RFC-12-x.md`. */
  prefix?: string;
  /** The name after its number: `use-postgres`. */
  slug?: string;
}

/** `adr-007-slug`, `ADR-7-slug`, `adr_007_slug`, `rfc-12-slug`: a kind and a number the name spells out. */
const kindNumberedStem = /^(adr|rfc)[-_ ]?(\d{1,6})(?:[-_. ]+|$)/i;

export function parseFileName(fileName: string): FileNameParts {
  const stem = fileName.replace(/\.(md|markdown|mdx)$/i, '');
  if (/^\d{8}-/.test(stem) && isPlausibleDate(stem.slice(0, 8))) return { stem, datePrefixed: true };
  const m = /^(\d{1,6})(?:[-_. ]|$)/.exec(stem);
  if (m) return { stem, number: Number(m[1]), digits: m[1], datePrefixed: false, ...slugAfter(stem, m[0].length) };
  const k = kindNumberedStem.exec(stem);
  if (k) return { stem, number: Number(k[2]), digits: k[2], datePrefixed: false, prefix: k[1].toUpperCase(), ...slugAfter(stem, k[0].length) };
  return { stem, datePrefixed: false };
}

function slugAfter(stem: string, at: number): { slug?: string } {
  const slug = stem.slice(at);
  return slug ? { slug } : {};
}

function isPlausibleDate(d: string): boolean {
  const y = Number(d.slice(0, 4));
  const mo = Number(d.slice(4, 6));
  const da = Number(d.slice(6, 8));
  return y >= 1970 && y <= 2200 && mo >= 1 && mo <= 12 && da >= 1 && da <= 31;
}

/** Canonical id of a numbered document: prefix and the number padded to at least four digits. */
export function numberedId(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(4, '0')}`;
}

/** A bare number as written in `@adr 7` resolves through the kind's prefix. */
export function qualifyBareNumber(id: string, kind: DocKind | undefined, prefixes: Record<DocKind, string>): string {
  if (/^\d+$/.test(id.trim())) return `${prefixes[kind ?? 'decision']}-${id.trim()}`;
  return id;
}
