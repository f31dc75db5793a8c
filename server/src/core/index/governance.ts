import type { CodeReference } from '../source/codeReference.js';
import type { RationaleDocument } from '../documents/document.js';
import { matchesAny } from '../base/glob.js';
import { LineMap } from '../base/range.js';
import { ruleScope, type RuleScope } from '../rules/ruleScope.js';
import type { RuleSpec } from '../rules/ruleSpec.js';
import type { MentionSpan } from './mentions.js';
import { resolveId, resolveLink, type WorkspaceIndex } from './workspaceIndex.js';

/**
 * Why a document governs a place in the code, strongest first: an `@decision` annotation, its
 * `applies-to`, one of its rules' own scope (`files`, a layer's `from`), a bare id in a comment,
 * and a mention of the code in the document's text.
 */
export type GovernanceVia = 'annotation' | 'scope' | 'rule' | 'bare-id' | 'mention';

export interface GoverningDocument {
  document: RationaleDocument;
  via: GovernanceVia;
  /** For annotations and bare ids: the reference itself. */
  reference?: CodeReference;
  /** For scopes and rules: the glob that matched the file. */
  glob?: string;
  /** For mentions: where the document names the code. */
  mention?: MentionSpan;
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
 * What governs a file, or one line of it, strongest reason first: decisions (and projects, goals)
 * cited by annotations whose span covers the line, decisions whose `applies-to` matches the file,
 * decisions whose rules scope it by their own `files` or a layer's `from`, bare ids in comments,
 * and (when the caller has computed them) documents that mention the file. Each document is listed
 * once, for its strongest reason.
 */
export function governing(index: WorkspaceIndex, path: string, text: string | undefined, line?: number, mentions?: readonly Mentioning[]): GoverningDocument[] {
  const out: GoverningDocument[] = [];
  const seen = new Set<string>();
  const add = (document: RationaleDocument, via: GovernanceVia, detail: { reference?: CodeReference; glob?: string; mention?: MentionSpan } = {}) => {
    if (seen.has(document.path)) return;
    seen.add(document.path);
    out.push({ document, via, ...detail, ...chainOf(index, document) });
  };
  const annotations = index.annotations.get(path);
  const lines = annotations && text !== undefined ? new LineMap(text) : undefined;
  const cited = (strength: CodeReference['strength'], via: GovernanceVia) => {
    for (const ref of annotations?.references ?? []) {
      if (ref.strength !== strength) continue;
      const doc = resolveId(index, ref.id, ref.kind);
      if (!doc) continue;
      if (line !== undefined && lines) {
        const span = annotationSpan(lines, ref.range.start.line);
        if (line < span.start || line > span.end) continue;
      }
      add(doc, via, { reference: ref });
    }
  };
  cited('annotation', 'annotation');
  // One pass over the documents (hovers ask this on every move); rule scopes rank after applies-to.
  const byRule: { doc: RationaleDocument; glob: string }[] = [];
  for (const doc of index.documents.values()) {
    const glob = doc.appliesTo.length ? doc.appliesTo.find((g) => matchesAny(path, [g])) : undefined;
    if (glob !== undefined) add(doc, 'scope', { glob });
    else if (doc.rules.length) {
      const ruleGlob = ruleScopeGlob(doc, path);
      if (ruleGlob !== undefined) byRule.push({ doc, glob: ruleGlob });
    }
  }
  for (const r of byRule) add(r.doc, 'rule', { glob: r.glob });
  cited('mention', 'bare-id');
  for (const m of mentions ?? []) add(m.document, 'mention', { mention: m.mention });
  return out;
}

/** A document naming a file in its text (see mentions.ts). */
export interface Mentioning {
  document: RationaleDocument;
  mention: MentionSpan;
}

/**
 * The glob by which one of the document's rules scopes the file on its own terms: its `files`, or a
 * layer rule's `from`. A rule that falls back to `applies-to` adds nothing to the scope, and one
 * with no scope at all covers every file, which would make the decision govern the whole repository.
 */
// Compiled once per rule: specs are immutable parts of a snapshot, and hovers ask on every move.
const scopes = new WeakMap<RuleSpec, RuleScope>();

function scopeOf(spec: RuleSpec, doc: RationaleDocument): RuleScope {
  let scope = scopes.get(spec);
  if (!scope) {
    scope = ruleScope(spec, doc);
    scopes.set(spec, scope);
  }
  return scope;
}

export function ruleScopeGlob(doc: RationaleDocument, path: string): string | undefined {
  for (const spec of doc.rules) {
    const own = spec.files.length > 0 || spec.kind === 'forbid-layer';
    if (!own || !scopeOf(spec, doc).test(path)) continue;
    return [...spec.files, ...(spec.from ?? [])].find((g) => matchesAny(path, [g])) ?? spec.files[0] ?? spec.from?.[0];
  }
  return undefined;
}
