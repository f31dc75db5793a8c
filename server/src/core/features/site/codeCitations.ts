import { globBase, globMatcher } from '../../base/glob.js';
import { MentionIndex } from '../../index/mentions.js';
import { resolveId, type WorkspaceIndex } from '../../index/workspaceIndex.js';

/** One place in the code linked to a document, and how. */
export interface CodeCitation {
  path: string;
  /** 1-based; undefined when the whole file is meant (a scope, a mention of a file). */
  line?: number;
  /** annotation: `@decision X`; bare-id: the id in a comment; scope: an `applies-to` glob; mention: the document names it. */
  via: 'annotation' | 'bare-id' | 'scope' | 'mention';
  /** The glob of a scope, or the text of a mention. */
  detail?: string;
}

/** More files than this in one document's scope are counted, not listed: the page stays readable. */
export const scopeListLimit = 100;

export interface DocumentCitations {
  citations: CodeCitation[];
  /** Files in scope beyond those listed. */
  moreInScope: number;
}

/** The code linked to each document (by path): annotations and bare ids in comments, scopes, mentions. */
export function codeCitations(index: WorkspaceIndex, read: (path: string) => string | undefined): Map<string, DocumentCitations> {
  const out = new Map<string, DocumentCitations>();
  const of = (docPath: string) => {
    let c = out.get(docPath);
    if (!c) out.set(docPath, (c = { citations: [], moreInScope: 0 }));
    return c;
  };
  for (const [path, found] of index.annotations) {
    for (const ref of found.references) {
      const doc = resolveId(index, ref.id, ref.kind);
      if (doc) of(doc.path).citations.push({ path, line: ref.range.start.line + 1, via: ref.strength === 'annotation' ? 'annotation' : 'bare-id' });
    }
  }
  const code = index.files.filter((f) => !index.documents.has(f));
  for (const doc of index.documents.values()) {
    if (doc.appliesTo.length === 0) continue;
    const entry = of(doc.path);
    // A glob's literal folder is a cheap test that spares most files the matcher: many decisions
    // scoping many files would otherwise cost decisions × files matches.
    const scopes = doc.appliesTo.map((glob) => ({ glob, base: globBase(glob), match: globMatcher(glob) }));
    for (const path of code) {
      const glob = scopes.find((s) => (s.base === '' || path === s.base || path.startsWith(`${s.base}/`)) && s.match(path))?.glob;
      if (glob === undefined) continue;
      if (entry.citations.filter((c) => c.via === 'scope').length < scopeListLimit) entry.citations.push({ path, via: 'scope', detail: glob });
      else entry.moreInScope++;
    }
  }
  const mentions = new MentionIndex(index, read);
  for (const doc of index.documents.values()) {
    for (const m of mentions.mentionsIn(doc.path)) {
      if (m.kind !== 'dependency') of(doc.path).citations.push({ path: m.target, via: 'mention', detail: m.text });
      else for (const manifest of m.manifests ?? []) of(doc.path).citations.push({ path: manifest, via: 'mention', detail: m.text });
    }
  }
  return out;
}
