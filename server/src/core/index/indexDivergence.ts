import type { WorkspaceIndex } from './workspaceIndex.js';

/** One table of a snapshot, as keys in order and each value as canonical JSON. */
type Section = readonly (readonly [string, string])[];

/**
 * Everything a snapshot says, in a canonical form: each table's entries in key order with values as
 * JSON whose object keys are sorted, so two snapshots are equal exactly when these are. Sources are
 * left out: the host attaches them, the index does not derive them. Content hashes are a memo for
 * reuse, not something the index says, and the one-pass check keeps them only for annotated files:
 * `withHashes: false` leaves them out, to compare a snapshot that began there with a rebuild.
 */
export function canonicalIndex(index: WorkspaceIndex, { withHashes = true } = {}): Record<string, Section> {
  const entries = <V>(map: ReadonlyMap<string, V>, value: (v: V) => unknown = (v) => v): Section =>
    [...map].map(([k, v]) => [k, canonicalJson(value(v))] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    config: [['config', canonicalJson(index.config)], ['configErrors', canonicalJson(index.configErrors)], ['declared', canonicalJson(index.declared)]],
    files: index.files.map((f, i) => [String(i), f] as const),
    fileSet: [...index.fileSet].sort().map((f) => [f, ''] as const),
    // Iteration order is part of what readers see: documents are walked in path order.
    documentOrder: [...index.documents.keys()].map((p, i) => [String(i), p] as const),
    documents: entries(index.documents),
    byKey: entries(index.byKey, (docs) => docs.map((d) => d.path)),
    annotations: entries(index.annotations),
    annotationOrder: [...index.annotations.keys()].map((p, i) => [String(i), p] as const),
    ...(withHashes ? { hashes: entries(index.hashes) } : {}),
    requirements: entries(index.requirements),
  };
}

/** JSON with object keys sorted and maps and sets as lists, so equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return [...v.entries()];
    if (v instanceof Set) return [...v];
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    }
    return v;
  }) ?? 'undefined';
}

const shownPerSection = 5;

/**
 * How an incrementally updated snapshot differs from one rebuilt from scratch, section by section
 * (at most five entries each), or undefined when they are equal. Hashes are not compared: a host's
 * snapshot may have begun with the one-pass check's, which hashes only annotated files.
 */
export function indexDivergence(incremental: WorkspaceIndex, rebuilt: WorkspaceIndex): string | undefined {
  const a = canonicalIndex(incremental, { withHashes: false });
  const b = canonicalIndex(rebuilt, { withHashes: false });
  const out: string[] = [];
  for (const name of Object.keys(b)) {
    const lines = sectionDifferences(a[name], b[name]);
    if (lines.length === 0) continue;
    out.push(`${name}:`, ...lines.slice(0, shownPerSection).map((l) => `  ${l}`));
    if (lines.length > shownPerSection) out.push(`  … and ${lines.length - shownPerSection} more`);
  }
  return out.length > 0 ? out.join('\n') : undefined;
}

function sectionDifferences(incremental: Section, rebuilt: Section): string[] {
  const mine = new Map(incremental);
  const theirs = new Map(rebuilt);
  const out: string[] = [];
  for (const [key, value] of rebuilt) {
    const other = mine.get(key);
    if (other === undefined) out.push(`${key}: missing from the incremental index (rebuilt: ${clip(value)})`);
    else if (other !== value) out.push(`${key}: ${whereTheyDiffer(other, value)}`);
  }
  for (const [key, value] of incremental) if (!theirs.has(key)) out.push(`${key}: only in the incremental index (${clip(value)})`);
  return out;
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Both texts around their first difference, which in a long document's JSON is what matters. */
function whereTheyDiffer(incremental: string, rebuilt: string): string {
  let i = 0;
  while (i < incremental.length && incremental[i] === rebuilt[i]) i++;
  const around = (t: string) => `${i > 60 ? '…' : ''}${t.slice(Math.max(0, i - 60), i + 140)}${t.length > i + 140 ? '…' : ''}`;
  return `incremental ${around(incremental)} | rebuilt ${around(rebuilt)}`;
}
