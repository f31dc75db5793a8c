import { URI } from 'vscode-uri';
import * as nodePath from 'node:path';
import { annotationLine } from '../core/features/annotationLine.js';
import { governanceReason, governanceStrength } from '../core/features/governanceReason.js';
import type { PreviewedModelNode } from '../core/features/languageService.js';
import type { TracedItem } from '../core/requirements/workspaceRequirementTrace.js';
import { setupReportMarkdown } from '../core/features/setupReportMarkdown.js';
import type { CoveredRequirement, RequirementSummary, SetupReportFolder } from '../protocol.js';
import type { AnnotationTextParams, DocumentSummary, AnnotationTextResult, GoverningEntry, GoverningParams, PlanNewDocumentParams, PlanNewDocumentResult, SearchHit, SearchParams, TreeNode, TreeResult } from '../protocol.js';
import { toSummary } from './convert.js';
import { mergeTrees } from './mergeTrees.js';
import { debtText } from '../core/checks/decisionDebt.js';
import type { Sessions } from './sessions.js';
import type { WorkspaceSession } from './workspaceSession.js';

/**
 * The Mental Model of every folder, as one tree (a multi-root workspace is one model). Decisions
 * carry their debt once a folder's code is checked; while start-up still scans it, the tree comes
 * at once, without. Call it once the background rechecks are done (Sessions: findingsSettled).
 */
export function onTree(sessions: Sessions): TreeResult {
  const counts = { goal: 0, project: 0, decision: 0 };
  const owned = new WeakSet<DocumentSummary>();
  const trees = sessions.all().map((session) => {
    const model = session.features.mentalModel(session.partial ? undefined : session.decisionDebt());
    const convert = (n: PreviewedModelNode): TreeNode => {
      const document = toSummary(session.index, n.document, session.uriOf(n.document.path));
      if (!n.document.source) owned.add(document);
      return {
        document,
        children: n.children.map(convert),
        code: n.code.length ? n.code.map((c) => ({ uri: session.uriOf(c.path), line: c.line, preview: c.preview })) : undefined,
        requirements: n.requirements.length ? n.requirements.map((t) => toRequirementSummary(t, session)) : undefined,
        debt: n.debt ? { ...n.debt, text: debtText(n.debt) } : undefined,
      };
    };
    for (const d of session.index.documents.values()) counts[d.kind]++;
    return { goals: model.goals.map(convert), unlinked: model.unlinked.map(convert) };
  });
  return { ...mergeTrees(trees, (d) => owned.has(d)), counts };
}

export function onGoverning(sessions: Sessions, params: GoverningParams): GoverningEntry[] {
  const at = sessions.locate(params.uri);
  if (!at) return [];
  const { session } = at;
  return session.features.governing(at.path, params.line).map((g) => ({
    document: toSummary(session.index, g.document, session.uriOf(g.document.path)),
    via: g.via,
    strength: governanceStrength(g.via),
    reason: governanceReason(g),
    line: g.reference?.range.start.line,
    projects: g.projects.map((p) => toSummary(session.index, p, session.uriOf(p.path))),
    goals: g.goals.map((x) => toSummary(session.index, x, session.uriOf(x.path))),
  }));
}

export function onCoveredRequirements(sessions: Sessions, params: GoverningParams): CoveredRequirement[] {
  const at = sessions.locate(params.uri);
  if (!at) return [];
  return at.session.features.coveredRequirements(at.path, params.line).map((r) => ({
    line: r.tag.range.start.line,
    type: r.tag.artifactType,
    target: r.targetId,
    requirement: r.item ? toRequirementSummary(r.item, at.session) : undefined,
  }));
}

function toRequirementSummary(t: TracedItem, session: WorkspaceSession): RequirementSummary {
  return {
    id: t.item.id,
    title: t.item.title,
    uri: session.uriOf(t.item.file),
    line: t.item.range.start.line,
    covered: t.covered.length,
    needed: t.needed.length,
    missing: t.needed.filter((n) => !t.covered.includes(n)),
  };
}

export function onSearch(sessions: Sessions, params: SearchParams): SearchHit[] {
  const limit = params.limit ?? 50;
  const hits: SearchHit[] = [];
  for (const session of sessions.all()) {
    for (const h of session.features.search(params.query, { limit, kinds: params.kind ? [params.kind] : undefined })) {
      hits.push({ document: toSummary(session.index, h.document, session.uriOf(h.document.path)), score: h.score });
    }
  }
  // In a multi-root workspace each folder finds the others' documents too: one hit per file.
  return uniqueBy(hits.sort((a, b) => a.score - b.score), (h) => h.document.uri).slice(0, limit);
}

/** The folder to create a document in: the one named (multi-root workspaces), else the first. */
function sessionForNewDocument(sessions: Sessions, folderUri: string | undefined): WorkspaceSession {
  const named = folderUri ? (sessions.all().find((s) => s.rootUri === folderUri.replace(/\/$/, '')) ?? sessions.locate(folderUri)?.session) : undefined;
  const session = named ?? sessions.all()[0];
  if (!session) throw new Error('Open a folder first: Rationale creates documents inside a workspace folder.');
  return session;
}

export function onPlanNewDocument(sessions: Sessions, params: PlanNewDocumentParams, today: string): PlanNewDocumentResult {
  const session = sessionForNewDocument(sessions, params.folderUri);
  const plan = session.features.planNewDocument({ kind: params.kind, title: params.title, date: today, supersedes: params.supersedes, id: params.id, taken: params.taken });
  return {
    uri: URI.file(nodePath.join(session.root, plan.path)).toString(),
    content: plan.content,
    id: plan.id,
    edits: (plan.supersedeEdits?.edits ?? []).map((e) => ({ uri: session.uriOf(plan.supersedeEdits!.path), range: e.range, newText: e.newText })),
  };
}

/**
 * Link Code to Decision: the annotation line. A file outside every folder can be annotated too: its
 * text is the editor's (`openText`), or nothing when it is not open either.
 */
export function onAnnotationText(sessions: Sessions, params: AnnotationTextParams, openText: (uri: string) => string | undefined): AnnotationTextResult {
  const request = { id: params.id, line: params.line, languageId: params.languageId };
  const at = sessions.locate(params.uri);
  if (at) return { text: at.session.features.annotationText(at.path, request) };
  return { text: annotationLine(URI.parse(params.uri).path, openText(params.uri) ?? '', request) };
}

/** Show Setup Report: each folder's report, and its Markdown for the client to show as it is. */
export function onSetupReport(sessions: Sessions): SetupReportFolder[] {
  return sessions.all().map((session) => {
    const report = session.features.setupReport();
    const name = nodePath.basename(session.root);
    return { uri: session.rootUri, name, report, markdown: setupReportMarkdown(report, name) };
  });
}

/** The first of each key, in order. */
function uniqueBy<T>(items: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
