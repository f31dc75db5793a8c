import type { Position, Range } from '../base/range.js';
import { LineMap } from '../base/range.js';
import type { DocKind, RationaleDocument } from '../documents/document.js';
import { governing, type GoverningDocument } from '../index/governance.js';
import { MentionCache, MentionIndex, type MentionSpan } from '../index/mentions.js';
import { allDocuments, resolveId, resolveLink, type WorkspaceIndex } from '../index/workspaceIndex.js';
import { scanAnnotations } from '../source/scanAnnotations.js';
import type { Workspace } from '../workspace/workspace.js';
import { annotationLine, type AnnotationLineRequest } from './annotationLine.js';
import { completeIds, type IdCompletion } from './completions.js';
import { findReferences } from './findReferences.js';
import { documentHover, exceptionsHover, governingHover } from './hoverMarkdown.js';
import { idAtPosition } from './idAtPosition.js';
import { escapeMarkdown } from './markdownEscape.js';
import { mentalModel, type ModelNode } from './mentalModelTree.js';
import type { DecisionDebt } from '../checks/decisionDebt.js';
import type { NewDocumentPlan } from './newDocument.js';
import { planDocumentInWorkspace } from './planInWorkspace.js';
import { itemsOfProject, tagsInFile, type ResolvedTag } from '../requirements/requirementLookup.js';
import type { TracedItem } from '../requirements/workspaceRequirementTrace.js';
import { requirementCompletions, requirementDefinition, requirementHover, requirementReferences } from './requirementFeatures.js';
import { quickFixes, type FixableFinding, type QuickFix } from './quickFixes.js';
import { appliesToFromMentions } from './appliesToFromMentions.js';
import { DocumentSearch, type SearchHit, type SearchOptions } from './search.js';
import { setupReport, type SetupReport } from './setupReport.js';

// @decision ADR-0002: editor features are core functions behind one front object; LSP handlers only convert.

/**
 * Everything the editor asks of one workspace folder, behind one object, in the spirit of
 * vscode-markdown-languageservice's `createLanguageService`: the language server looks up the
 * folder of a request, calls one method and converts the answer to LSP. Positions are LSP's
 * (zero-based lines, UTF-16 characters); files are workspace-relative paths.
 */
export interface LanguageServiceOptions {
  /** The folder's files, with the editor's open documents in place of what is on disk. */
  workspace: Workspace;
  /** The current index snapshot (it changes with every edit, so it is asked for each time). */
  index(): WorkspaceIndex;
  /** The URI string the client understands for a path, for the command links in hovers. */
  uriOf(path: string): string;
  /** Today as `YYYY-MM-DD`, for the end date the exception quick fix proposes. */
  today?: () => string;
  /** Days the exception quick fix's end date lies ahead (`rationale.exceptions.defaultDays`; 0: none). */
  exceptionDays?: number;
}

export interface HoverResult {
  markdown: string;
  /** The id the hover is about, when it is about one. */
  range?: Range;
}

export interface PathLocation {
  path: string;
  range: Range;
}

export interface DocumentLinkResult {
  range: Range;
  target: RationaleDocument;
}

/** A mental-model node whose code lines carry their text, for the tree's labels. */
export interface PreviewedModelNode {
  document: RationaleDocument;
  children: PreviewedModelNode[];
  code: { path: string; line: number; preview: string }[];
  /** For projects: the specification items they own, with coverage. */
  requirements: TracedItem[];
  /** For decisions with any: their open debt (see mentalModel). */
  debt?: DecisionDebt;
}

export interface NewDocumentRequest {
  kind: DocKind;
  title: string;
  /** `YYYY-MM-DD`, from the caller's clock. */
  date: string;
  /** Id of the decision the new one supersedes. */
  supersedes?: string;
  /** An id the new document must have. */
  id?: string;
  /** File names found taken by a failed exclusive create. */
  taken?: readonly string[];
}

export interface LanguageService {
  /** Over an id: that document. Over code: exceptions recorded for the line and what governs it. */
  hover(path: string, position: Position): HoverResult | undefined;
  completions(path: string, position: Position): IdCompletion[] | undefined;
  /** From an id (annotation, link, mention) to the title of the document it names. */
  definition(path: string, position: Position): PathLocation | undefined;
  /** Every annotation and link citing the document named at the position (or the document itself). */
  references(path: string, position: Position, options: { includeDeclaration: boolean }): PathLocation[];
  /** The goal, project or decision whose references a request at `position` lists. */
  referenceTarget(path: string, position: Position): RationaleDocument | undefined;
  /**
   * Where this folder cites a document by annotation or link: one of its own, or one of a source's
   * or another workspace folder's (`api:docs/adr/3.md`), which the other folder's answer lacks.
   */
  citationsOf(documentPath: string): PathLocation[];
  /** Front-matter ids and relative paths of a document, with the documents they lead to. */
  documentLinks(path: string): DocumentLinkResult[];
  /**
   * Goals, projects and decisions whose id or title contains every word of the query: the
   * workspace's own, then its sources' (qualified id, and a `name:path` path that `uriOf` maps).
   */
  symbols(query: string, limit: number): RationaleDocument[];
  quickFixes(path: string, finding: FixableFinding): QuickFix[];
  /** Fixes a document offers without a finding: turning repeated mentions of a folder into `applies-to`. */
  documentActions(path: string): QuickFix[];
  /** The code a goal, project or decision names in its text (backticked paths, links, dependencies). */
  mentionsIn(path: string): readonly MentionSpan[];
  /** The tree; with `debt` (debtByDecision over the folder's findings), each decision's own. */
  mentalModel(debt?: Readonly<Record<string, DecisionDebt>>): { goals: PreviewedModelNode[]; unlinked: PreviewedModelNode[] };
  /** What governs a file of code (or one line of it); nothing for a goal, project or decision. */
  governing(path: string, line?: number): GoverningDocument[];
  /** The coverage tags of a file (or one line of it), each with the item it covers. */
  coveredRequirements(path: string, line?: number): ResolvedTag[];
  search(query: string, options: SearchOptions): SearchHit[];
  /** The annotation line for `id` above `line`: indented like it, in the file's comment syntax. */
  annotationText(path: string, request: AnnotationLineRequest): string;
  /** Plans a new document; throws when `supersedes` names no decision (the user must hear of it). */
  planNewDocument(request: NewDocumentRequest): NewDocumentPlan;
  /** What was read and how, what was not understood or missed, and the configuration (Show Setup Report). */
  setupReport(): SetupReport;
  /**
   * Builds ahead, in steps, what the first hover would otherwise build in one go (the mention
   * targets of 100,000 files took most of a second): a host runs it after a full index.
   */
  prepare(): Generator<void, void>;
}

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  return new FolderLanguageService(options);
}

/** The language service of one folder; each method is one editor question. */
class FolderLanguageService implements LanguageService {
  // One search index per snapshot: building it costs far more than a query.
  private readonly searchers = new WeakMap<WorkspaceIndex, DocumentSearch>();
  // Mentions read every document's body, so they are computed on first use, once per snapshot, never by `check`.
  private readonly mentionIndexes = new WeakMap<WorkspaceIndex, MentionIndex>();
  private readonly mentionCache = new MentionCache();

  constructor(private readonly options: LanguageServiceOptions) {}

  private text(path: string): string | undefined {
    return this.options.workspace.readText(path);
  }

  private idPrefixes(index: WorkspaceIndex): string[] {
    return Object.values(index.config.idPrefixes);
  }

  *prepare(): Generator<void, void> {
    const index = this.options.index();
    if (this.mentionIndexes.has(index)) return;
    const built = yield* MentionIndex.build(index, (p) => this.text(p), this.mentionCache);
    if (!this.mentionIndexes.has(index)) this.mentionIndexes.set(index, new MentionIndex(index, (p) => this.text(p), this.mentionCache, built));
  }

  private mentionsOf(index: WorkspaceIndex): MentionIndex {
    let m = this.mentionIndexes.get(index);
    if (!m) {
      m = new MentionIndex(index, (p) => this.text(p), this.mentionCache);
      this.mentionIndexes.set(index, m);
    }
    return m;
  }

  private governingWithMentions(index: WorkspaceIndex, path: string, t: string | undefined, line?: number): GoverningDocument[] {
    return governing(index, path, t, line, this.mentionsOf(index).mentioning(path));
  }

  hover(path: string, position: Position): HoverResult | undefined {
    const t = this.text(path);
    if (t === undefined) return undefined;
    const index = this.options.index();
    const requirement = requirementHover(index, path, position);
    if (requirement) return requirement;
    const hit = idAtPosition(index, path, t, position);
    if (hit && !hit.document) return { range: hit.range, markdown: `**${escapeMarkdown(hit.text)}**: no goal, project or decision has this id.` };
    // Over a document's own title the hover would only repeat what the reader is looking at.
    if (hit?.document && hit.source !== 'title') return { range: hit.range, markdown: documentHover(index, hit.document, this.options) };
    if (index.documents.has(path)) return undefined;
    const line = position.line;
    const parts = [
      exceptionsHover(scanAnnotations(path, t, { idPrefixes: this.idPrefixes(index) }).suppressions, line),
      governingHover(index, this.governingWithMentions(index, path, t, line), this.options),
    ].filter((p): p is string => p !== undefined);
    return parts.length ? { markdown: parts.join('\n\n---\n\n') } : undefined;
  }

  completions(path: string, position: Position): IdCompletion[] | undefined {
    const t = this.text(path);
    return t === undefined ? undefined : (requirementCompletions(this.options.index(), t, position) ?? completeIds(this.options.index(), path, t, position));
  }

  definition(path: string, position: Position): PathLocation | undefined {
    const t = this.text(path);
    if (t === undefined) return undefined;
    const requirement = requirementDefinition(this.options.index(), path, position);
    if (requirement) return requirement;
    const hit = idAtPosition(this.options.index(), path, t, position);
    if (!hit?.document || hit.source === 'title') return undefined;
    return { path: hit.document.path, range: hit.document.titleRange };
  }

  references(path: string, position: Position, { includeDeclaration }: { includeDeclaration: boolean }): PathLocation[] {
    const t = this.text(path);
    if (t === undefined) return [];
    const index = this.options.index();
    const requirementRefs = requirementReferences(index, path, position, includeDeclaration);
    if (requirementRefs) return requirementRefs;
    const target = this.referenceTarget(path, position);
    if (!target) return [];
    const refs: PathLocation[] = findReferences(index, target).map((r) => ({ path: r.path, range: r.range }));
    if (includeDeclaration) refs.unshift({ path: target.path, range: target.titleRange });
    // Mentions are weaker than citations and listed after them: where the document names code.
    const start = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const m of this.mentionsOf(index).mentionsIn(target.path)) {
      if (m.kind === 'file') refs.push({ path: m.target, range: start });
      else if (m.kind === 'dependency') refs.push(...(m.manifests ?? []).map((p) => ({ path: p, range: start })));
      else refs.push({ path: target.path, range: m.range });
    }
    return refs;
  }

  referenceTarget(path: string, position: Position): RationaleDocument | undefined {
    const t = this.text(path);
    if (t === undefined) return undefined;
    const index = this.options.index();
    return idAtPosition(index, path, t, position)?.document ?? index.documents.get(path);
  }

  citationsOf(documentPath: string): PathLocation[] {
    const index = this.options.index();
    const target = index.documents.get(documentPath) ?? index.sources?.documents.get(documentPath);
    return target ? findReferences(index, target).map((r) => ({ path: r.path, range: r.range })) : [];
  }

  documentLinks(path: string): DocumentLinkResult[] {
    const index = this.options.index();
    const doc = index.documents.get(path);
    if (!doc) return [];
    const out: DocumentLinkResult[] = [];
    for (const link of doc.links) {
      if (link.type === 'markdown') continue; // VS Code's Markdown support already links these
      const kind = link.type === 'project' ? 'project' : link.type === 'goal' ? 'goal' : 'decision';
      const target = resolveLink(index, link, kind);
      if (target) out.push({ range: link.range, target });
    }
    return out;
  }

  symbols(query: string, limit: number): RationaleDocument[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const out: RationaleDocument[] = [];
    // Sources' documents too, under their qualified ids; the host opens them in their own folders.
    for (const d of allDocuments(this.options.index())) {
      if (out.length >= limit) break;
      const hay = `${d.id} ${d.title}`.toLowerCase();
      if (words.every((w) => hay.includes(w))) out.push(d);
    }
    return out;
  }

  quickFixes(path: string, finding: FixableFinding): QuickFix[] {
    const t = this.text(path);
    return t === undefined ? [] : quickFixes(this.options.index(), path, t, finding, { today: this.options.today?.(), days: this.options.exceptionDays });
  }

  mentalModel(debt?: Readonly<Record<string, DecisionDebt>>): { goals: PreviewedModelNode[]; unlinked: PreviewedModelNode[] } {
    const index = this.options.index();
    const model = mentalModel(index, debt);
    const lineMaps = new Map<string, LineMap>();
    const preview = (path: string, line: number) => {
      let lines = lineMaps.get(path);
      if (!lines) {
        lines = new LineMap(this.text(path) ?? '');
        lineMaps.set(path, lines);
      }
      return lines.lineText(line).trim().slice(0, 120);
    };
    const withPreviews = (n: ModelNode): PreviewedModelNode => ({
      document: n.document,
      children: n.children.map(withPreviews),
      code: n.code.map((c) => ({ ...c, preview: preview(c.path, c.line) })),
      requirements: itemsOfProject(index, n.document),
      ...(n.debt ? { debt: n.debt } : {}),
    });
    return { goals: model.goals.map(withPreviews), unlinked: model.unlinked.map(withPreviews) };
  }

  governing(path: string, line?: number): GoverningDocument[] {
    const index = this.options.index();
    if (index.documents.has(path)) return [];
    return this.governingWithMentions(index, path, this.text(path), line);
  }

  mentionsIn(path: string): readonly MentionSpan[] {
    return this.mentionsOf(this.options.index()).mentionsIn(path);
  }

  documentActions(path: string): QuickFix[] {
    const index = this.options.index();
    const doc = index.documents.get(path);
    const t = this.text(path);
    return doc && t !== undefined ? appliesToFromMentions(doc, t, this.mentionsOf(index).mentionsIn(path)) : [];
  }

  coveredRequirements(path: string, line?: number): ResolvedTag[] {
    return tagsInFile(this.options.index(), path, line);
  }

  search(query: string, searchOptions: SearchOptions): SearchHit[] {
    const index = this.options.index();
    let searcher = this.searchers.get(index);
    if (!searcher) {
      searcher = new DocumentSearch(index.documents.values());
      this.searchers.set(index, searcher);
    }
    return searcher.search(query, searchOptions);
  }

  annotationText(path: string, request: AnnotationLineRequest): string {
    return annotationLine(path, this.text(path) ?? '', request);
  }

  planNewDocument(request: NewDocumentRequest): NewDocumentPlan {
    const index = this.options.index();
    const old = request.supersedes ? resolveId(index, request.supersedes, 'decision') : undefined;
    if (request.supersedes && !old) throw new Error(`No decision has the id ${request.supersedes}.`);
    return planDocumentInWorkspace(index, this.options.workspace, { kind: request.kind, title: request.title, date: request.date, supersedes: old, id: request.id }, request.taken ?? []);
  }

  setupReport(): SetupReport {
    return setupReport(this.options.index(), this.options.workspace);
  }
}
