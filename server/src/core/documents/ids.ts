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
}

export function parseFileName(fileName: string): FileNameParts {
  const stem = fileName.replace(/\.(md|markdown|mdx)$/i, '');
  if (/^\d{8}-/.test(stem) && isPlausibleDate(stem.slice(0, 8))) return { stem, datePrefixed: true };
  const m = /^(\d{1,6})(?:[-_. ]|$)/.exec(stem);
  if (m) return { stem, number: Number(m[1]), digits: m[1], datePrefixed: false };
  return { stem, datePrefixed: false };
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
