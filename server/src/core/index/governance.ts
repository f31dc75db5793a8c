import type { CodeReference } from '../source/codeReference.js';
import type { RationaleDocument } from '../documents/document.js';
import { matchesAny } from '../base/glob.js';
import { LineMap } from '../base/range.js';
import { resolveId, resolveLink, type WorkspaceIndex } from './workspaceIndex.js';

/** Why a document governs a place in the code. */
export type GovernanceVia = 'annotation' | 'scope' | 'rule';

export interface GoverningDocument {
  document: RationaleDocument;
  via: GovernanceVia;
  /** For annotations: the annotation itself. */
  reference?: CodeReference;
  /** The projects the decision serves (from its `project` links), and their goals plus its own. */
  projects: RationaleDocument[];
  goals: RationaleDocument[];
}

/** The projects and goals above a document: decision → projects → goals, plus direct goal links. */
export function chainOf(index: WorkspaceIndex, doc: RationaleDocument): { projects: RationaleDocument[]; goals: RationaleDocument[] } {
  const projects: RationaleDocument[] = [];
  const goals: RationaleDocument[] = [];
  const push = (list: RationaleDocument[], d: RationaleDocument | undefined) => {
    if (d && !list.includes(d)) list.push(d);
  };
  if (doc.kind === 'project') projects.push(doc);
  if (doc.kind === 'goal') goals.push(doc);
  for (const l of doc.links) {
    if (l.type === 'project') push(projects, resolveLink(index, l, 'project'));
    if (l.type === 'goal') push(goals, resolveLink(index, l, 'goal'));
  }
  for (const p of projects) for (const l of p.links) if (l.type === 'goal') push(goals, resolveLink(index, l, 'goal'));
  return { projects: projects.filter((p) => p !== doc), goals: goals.filter((g) => g !== doc) };
}

/**
 * The lines an annotation governs, without parsing the language: an annotation in the file's
 * leading comment block governs the whole file; elsewhere it governs the next code line and the
 * block indented under it (braces or Python indentation alike).
 */
function annotationSpan(lines: LineMap, annotationLine: number): { start: number; end: number } {
  const isBlank = (l: number) => lines.lineText(l).trim() === '';
  const isComment = (l: number) => /^\s*(\/\/|#|--|;|\/\*|\*|<!--|%|')/.test(lines.lineText(l));
  const indent = (l: number) => lines.lineText(l).length - lines.lineText(l).trimStart().length;
  let firstCode = 0;
  while (firstCode < lines.lineCount && (isBlank(firstCode) || isComment(firstCode))) firstCode++;
  if (annotationLine < firstCode) return { start: 0, end: lines.lineCount - 1 };
  // An annotation at the end of a code line governs that line's block.
  let subject = isComment(annotationLine) ? annotationLine + 1 : annotationLine;
  while (subject < lines.lineCount && (isBlank(subject) || isComment(subject))) subject++;
  if (subject >= lines.lineCount) return { start: annotationLine, end: annotationLine };
  const base = indent(subject);
  let end = subject;
  for (let l = subject + 1; l < lines.lineCount; l++) {
    if (isBlank(l)) continue;
    const ind = indent(l);
    if (ind > base) {
      end = l;
      continue;
    }
    if (ind === base && /^\s*[}\])]|^\s*end\b/.test(lines.lineText(l))) end = l;
    break;
  }
  return { start: annotationLine, end };
}

/**
 * What governs a file, or one line of it: decisions (and projects, goals) cited by annotations whose
 * span covers the line, and decisions whose `applies-to` scope (or rules' `files`) match the file.
 */
export function governing(index: WorkspaceIndex, path: string, text: string | undefined, line?: number): GoverningDocument[] {
  const out: GoverningDocument[] = [];
  const seen = new Set<string>();
  const add = (document: RationaleDocument, via: GovernanceVia, reference?: CodeReference) => {
    const key = `${document.path}|${via}`;
    if (seen.has(key) || [...seen].some((k) => k.startsWith(`${document.path}|`))) return;
    seen.add(key);
    out.push({ document, via, reference, ...chainOf(index, document) });
  };
  const annotations = index.annotations.get(path);
  if (annotations) {
    const lines = text !== undefined ? new LineMap(text) : undefined;
    for (const ref of annotations.references) {
      if (ref.strength !== 'annotation') continue;
      const doc = resolveId(index, ref.id, ref.kind);
      if (!doc) continue;
      if (line !== undefined && lines) {
        const span = annotationSpan(lines, ref.range.start.line);
        if (line < span.start || line > span.end) continue;
      }
      add(doc, 'annotation', ref);
    }
  }
  for (const doc of index.documents.values()) {
    if (doc.appliesTo.length > 0 && matchesAny(path, doc.appliesTo)) add(doc, 'scope');
  }
  return out;
}
