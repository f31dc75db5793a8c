import type { DocKind, RationaleDocument } from '../documents/document.js';
import { frontMatterLinkKinds } from '../documents/parseDocument.js';
import { splitFrontMatter } from '../documents/frontMatter.js';
import { LineMap, type Position, type Range } from '../base/range.js';
import { allDocuments, resolveId, type WorkspaceIndex } from '../index/workspaceIndex.js';
import { statusInForce, statusInForceText, type StatusInForce } from '../index/statusInForce.js';
import { lookupTable } from '../base/lookupTable.js';

export interface IdCompletion {
  /** The id as shown: a source's document with its qualified id (`strategy:GOAL-0003`). */
  id: string;
  /**
   * What to insert when it is not `id`: a source's document by its bare id when that resolves to
   * it (no own document and no other source has it), so the text reads as people write it.
   */
  insert?: string;
  title: string;
  /** The status in force, with the file's own where they differ (`superseded (file says accepted)`). */
  status?: string;
  /** `requirement` for a specification item id after a coverage tag's `->`. */
  kind: DocKind | 'requirement';
  /** Text typed so far that the completion replaces. */
  replace: Range;
  /** Sort so that decisions in force come before retired ones. */
  sortText: string;
}

const tagKinds = lookupTable<DocKind>({
  decision: 'decision', adr: 'decision', prd: 'project', project: 'project', brief: 'project', rfc: 'project', goal: 'goal', okr: 'goal', objective: 'goal',
});

/**
 * Id completions at a position: after an annotation tag (`@decision `, `@adr `, `@prd `, `@goal `)
 * anywhere, and in a document's front-matter link fields (`supersedes:`, `project:`, `goals:` …).
 */
export function completeIds(index: WorkspaceIndex, path: string, text: string, position: Position): IdCompletion[] | undefined {
  const lines = new LineMap(text);
  const before = lines.lineText(position.line).slice(0, position.character);
  let kind: DocKind | undefined;
  // `:` for a source's qualified id (`strategy:GOAL-3`), which the completion replaces whole.
  const tag = /@(decision|adr|prd|project|brief|rfc|goal|okr|objective)\s+(?:[\w./:-]+\s*,\s*)*([\w./:-]*)$/i.exec(before);
  let typed: string | undefined;
  if (tag) {
    kind = tagKinds[tag[1].toLowerCase()];
    typed = tag[2];
  } else if (index.documents.has(path)) {
    const fm = splitFrontMatter(text);
    const offset = lines.offsetAt(position);
    if (!fm || offset < fm.yamlStart || offset > fm.yamlEnd) return undefined;
    const field = fieldAt(lines, position.line);
    if (!field) return undefined;
    kind = frontMatterLinkKinds[field];
    if (!kind) return undefined;
    typed = /([\w./:-]*)$/.exec(before)?.[1] ?? '';
  }
  if (!kind || typed === undefined) return undefined;
  const replace: Range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const docs = allDocuments(index).filter((d) => d.kind === kind);
  return docs.map((d) => item(d, statusInForce(index, d), replace, sourceInsert(index, d)));
}

function item(d: RationaleDocument, status: StatusInForce, replace: Range, insert: string | undefined): IdCompletion {
  const rank = status.retired ? 1 : 0;
  // The workspace's own documents before its sources', in force before retired.
  const sortText = `${rank}-${d.source ? 1 : 0}-${d.id}`;
  return { id: d.id, ...(insert !== undefined ? { insert } : {}), title: d.title, status: statusInForceText(status), kind: d.kind, replace, sortText };
}

/** A source's document: its bare id when that resolves back to it, else its qualified id. */
function sourceInsert(index: WorkspaceIndex, d: RationaleDocument): string | undefined {
  if (!d.source) return undefined;
  const bare = d.id.slice(d.source.name.length + 1);
  return resolveId(index, bare, d.kind) === d ? bare : d.id;
}

/** The front-matter key whose value the line belongs to: `key: …` on the line, or a list item under `key:`. */
function fieldAt(lines: LineMap, line: number): string | undefined {
  for (let l = line; l >= 0; l--) {
    const t = lines.lineText(l);
    const m = /^([A-Za-z][\w-]*)\s*:/.exec(t);
    if (m) return m[1];
    if (l !== line && !/^\s+-|^\s*$/.test(t)) return undefined;
  }
  return undefined;
}
