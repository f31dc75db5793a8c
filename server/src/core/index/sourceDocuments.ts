import type { DocKind, DocLink, RationaleDocument } from '../documents/document.js';
import { idKey, qualifyBareNumber } from '../documents/ids.js';

/**
 * The documents of a workspace's sources (`.rationale.json` `sources`): other folders whose goals,
 * projects and decisions join the model, read-only. They are kept apart from the workspace's own
 * documents, so every check, which walks only those, can never report a finding inside a source;
 * resolution and the views (tree, graph, list, search) look here too.
 */
export interface SourceDocuments {
  /** The names of the sources that were read, as configured. */
  readonly names: readonly string[];
  /** Documents by qualified path (`strategy:goals/3.md`). */
  readonly documents: ReadonlyMap<string, RationaleDocument>;
  /** By qualified key (`strategy:goal-3`), canonical ids before aliases. */
  readonly byKey: ReadonlyMap<string, readonly RationaleDocument[]>;
  /** By bare key (`goal-3`) across all sources, to resolve ids written without a qualifier. */
  readonly byBareKey: ReadonlyMap<string, readonly RationaleDocument[]>;
  /** Why a configured source was left out (`.rationale.json: source "strategy": …`), one line each. */
  readonly errors: readonly string[];
}

/** A source's name and the documents its own discovery found, with their paths inside it. */
export interface SourceContents {
  name: string;
  documents: Iterable<RationaleDocument>;
  /**
   * A document's links as this workspace should follow them, where the host knows better than
   * "inside the same source": another folder of a multi-root workspace resolves its links itself,
   * possibly into this workspace. Default: each link resolves inside the same source.
   */
  links?: (doc: RationaleDocument) => DocLink[];
}

const qualifiedId = /^([A-Za-z][A-Za-z0-9_-]*):(\S.*)$/;

/** `strategy:GOAL-3` → its source name and the id inside the source; undefined for a bare id. */
export function splitQualifiedId(id: string): { source: string; id: string } | undefined {
  const m = qualifiedId.exec(id.trim());
  return m ? { source: m[1], id: m[2] } : undefined;
}

function qualifiedKey(source: string, key: string): string {
  return `${source.toLowerCase()}:${key}`;
}

/**
 * A source's document as the workspace sees it: id, aliases and path qualified with the source's
 * name, links qualified so they resolve inside the same source, and no rules or findings of its
 * own (a source is read, never checked: its decisions' rules govern its own repository).
 */
export function qualifyDocument(name: string, doc: RationaleDocument, resolvedLinks?: DocLink[]): RationaleDocument {
  const q = (s: string) => `${name}:${s}`;
  const links: DocLink[] = resolvedLinks ?? doc.links.map((l) => ({ ...l, target: q(l.target) }));
  return { ...doc, id: q(doc.id), aliases: doc.aliases.map(q), path: q(doc.path), source: { name, path: doc.path }, links, rules: [], problems: [] };
}

export function collectSourceDocuments(sources: readonly SourceContents[], errors: readonly string[] = []): SourceDocuments {
  const documents = new Map<string, RationaleDocument>();
  const byKey = new Map<string, RationaleDocument[]>();
  const byBareKey = new Map<string, RationaleDocument[]>();
  const add = (map: Map<string, RationaleDocument[]>, key: string, doc: RationaleDocument) => {
    const list = map.get(key);
    if (!list) map.set(key, [doc]);
    else if (!list.includes(doc)) list.push(doc);
  };
  for (const { name, documents: docs, links } of sources) {
    const qualified = [...docs].sort((a, b) => (a.path < b.path ? -1 : 1)).map((d) => qualifyDocument(name, d, links?.(d)));
    for (const d of qualified) documents.set(d.path, d);
    // Canonical ids first, so a canonical id always beats an alias that happens to spell the same.
    for (const d of qualified) add(byKey, qualifiedKey(name, idKey(bareId(d.id))), d);
    for (const d of qualified) for (const a of d.aliases) if (!byKey.has(qualifiedKey(name, idKey(bareId(a))))) add(byKey, qualifiedKey(name, idKey(bareId(a))), d);
    for (const d of qualified) add(byBareKey, idKey(bareId(d.id)), d);
    for (const d of qualified) for (const a of d.aliases) if (!byBareKey.has(idKey(bareId(a)))) add(byBareKey, idKey(bareId(a)), d);
  }
  return { names: sources.map((s) => s.name), documents, byKey, byBareKey, errors: [...errors] };
}

/** The id inside its source: `strategy:GOAL-3` → `GOAL-3`. */
function bareId(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

/** What an id names among the sources: one document, or several in different sources (ambiguous). */
export interface SourceResolution {
  document?: RationaleDocument;
  /** Set when a bare id names documents in more than one source: the qualified ids to write instead. */
  ambiguous?: readonly RationaleDocument[];
}

/**
 * Resolves `strategy:GOAL-3` in that source, and a bare `GOAL-3` to the one source document with
 * that id. The workspace's own documents come first; the caller asks here only when none matched.
 */
export function resolveInSources(sources: SourceDocuments, id: string, kind: DocKind | undefined, prefixes: Record<DocKind, string>): SourceResolution {
  const q = splitQualifiedId(id);
  const named = q && sources.names.find((n) => n.toLowerCase() === q.source.toLowerCase());
  if (q && named) return { document: pick(sources.byKey.get(qualifiedKey(named, idKey(qualifyBareNumber(q.id, kind, prefixes)))), kind) };
  const hits = sources.byBareKey.get(idKey(qualifyBareNumber(id, kind, prefixes)));
  if (!hits || hits.length === 0) return {};
  const ofKind = kind ? hits.filter((d) => d.kind === kind) : [];
  const candidates = ofKind.length > 0 ? ofKind : hits;
  const inSources = new Set(candidates.map((d) => d.source!.name));
  return inSources.size === 1 ? { document: candidates[0] } : { ambiguous: candidates };
}

function pick(hits: readonly RationaleDocument[] | undefined, kind: DocKind | undefined): RationaleDocument | undefined {
  if (!hits || hits.length === 0) return undefined;
  return (kind && hits.find((d) => d.kind === kind)) || hits[0];
}

/** For an unknown-id message: why a bare id resolved to nothing although sources have it, or undefined. */
export function ambiguityNote(ambiguous: readonly RationaleDocument[] | undefined): string | undefined {
  if (!ambiguous || ambiguous.length === 0) return undefined;
  return `more than one source has it; write ${ambiguous.map((d) => d.id).join(' or ')}.`;
}
