import { globBase, matchesAny } from '../base/glob.js';
import type { RationaleDocument } from '../documents/document.js';
import { ruleScopeGlob } from './governance.js';
import { resolveId, type WorkspaceIndex } from './workspaceIndex.js';

/**
 * How many code files each document governs by a strong reason (governance.ts): an `@decision`
 * annotation in the file, its `applies-to`, or one of its rules' own scope. Bare ids and mentions
 * only suggest a link and are not counted. Computed once per snapshot (snapshots are immutable),
 * for the graph's "governs N files".
 */
const counts = new WeakMap<WorkspaceIndex, ReadonlyMap<string, number>>();

/** Document path → number of governed code files; documents governing nothing are absent. */
export function governedFileCounts(index: WorkspaceIndex): ReadonlyMap<string, number> {
  let c = counts.get(index);
  if (!c) {
    c = countGoverned(index);
    counts.set(index, c);
  }
  return c;
}

function countGoverned(index: WorkspaceIndex): Map<string, number> {
  const governed = new Map<string, Set<string>>();
  const add = (doc: RationaleDocument, file: string) => {
    let files = governed.get(doc.path);
    if (!files) governed.set(doc.path, (files = new Set()));
    files.add(file);
  };
  for (const [file, annotations] of index.annotations) {
    for (const ref of annotations.references) {
      if (ref.strength !== 'annotation') continue;
      const doc = resolveId(index, ref.id, ref.kind);
      if (doc) add(doc, file);
    }
  }
  const codeFiles = index.files.filter((f) => !index.documents.has(f));
  for (const doc of index.documents.values()) {
    if (doc.appliesTo.length === 0 && doc.rules.length === 0) continue;
    // A file outside every glob's literal folder matches none of them: most files are skipped by a prefix test.
    const bases = [...doc.appliesTo, ...doc.rules.flatMap((r) => [...r.files, ...(r.from ?? [])])].map(globBase);
    if (doc.rules.some((r) => r.kind === 'forbid-layer' && !r.from?.length)) bases.push('');
    const mayMatch = bases.includes('') ? () => true : (f: string) => bases.some((b) => f.startsWith(b));
    for (const file of codeFiles) {
      if (!mayMatch(file)) continue;
      if (matchesAny(file, doc.appliesTo) || ruleScopeGlob(doc, file) !== undefined) add(doc, file);
    }
  }
  return new Map([...governed].map(([path, files]) => [path, files.size]));
}
