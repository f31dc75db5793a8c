import { URI } from 'vscode-uri';
import * as nodePath from 'node:path';
import { mentalModel, type ModelNode } from '../core/features/mentalModelTree.js';
import { governing } from '../core/index/governance.js';
import { planDocumentInWorkspace } from '../core/features/planInWorkspace.js';
import { DocumentSearch } from '../core/features/search.js';
import { resolveId } from '../core/index/workspaceIndex.js';
import type { GoverningEntry, GoverningParams, PlanNewDocumentParams, PlanNewDocumentResult, SearchHit, SearchParams, TreeNode, TreeResult } from '../protocol.js';
import { toSummary } from './convert.js';
import type { Sessions } from './sessions.js';
import type { WorkspaceSession } from './workspaceSession.js';
import { LineMap } from '../core/base/range.js';

export function onTree(sessions: Sessions): TreeResult {
  const result: TreeResult = { goals: [], unlinked: [], counts: { goal: 0, project: 0, decision: 0 } };
  for (const session of sessions.all()) {
    const model = mentalModel(session.index);
    const previews = new Map<string, LineMap>();
    const preview = (path: string, line: number) => {
      let lines = previews.get(path);
      if (!lines) {
        lines = new LineMap(session.textOf(path) ?? '');
        previews.set(path, lines);
      }
      return lines.lineText(line).trim().slice(0, 120);
    };
    const convert = (n: ModelNode): TreeNode => ({
      document: toSummary(session.index, n.document, session.uriOf(n.document.path)),
      children: n.children.map(convert),
      code: n.code.length ? n.code.map((c) => ({ uri: session.uriOf(c.path), line: c.line, preview: preview(c.path, c.line) })) : undefined,
    });
    result.goals.push(...model.goals.map(convert));
    result.unlinked.push(...model.unlinked.map(convert));
    for (const d of session.index.documents.values()) result.counts[d.kind]++;
  }
  return result;
}

export function onGoverning(sessions: Sessions, params: GoverningParams): GoverningEntry[] {
  const at = sessions.locate(params.uri);
  if (!at) return [];
  const { session, path } = at;
  const index = session.index;
  if (index.documents.has(path)) return [];
  return governing(index, path, session.textOf(path), params.line).map((g) => ({
    document: toSummary(index, g.document, session.uriOf(g.document.path)),
    via: g.via,
    line: g.reference?.range.start.line,
    projects: g.projects.map((p) => toSummary(index, p, session.uriOf(p.path))),
    goals: g.goals.map((x) => toSummary(index, x, session.uriOf(x.path))),
  }));
}

const searchers = new WeakMap<object, DocumentSearch>();

export function onSearch(sessions: Sessions, params: SearchParams): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const session of sessions.all()) {
    const index = session.index;
    // One search index per snapshot: building it costs far more than a query.
    let searcher = searchers.get(index);
    if (!searcher) {
      searcher = new DocumentSearch(index.documents.values());
      searchers.set(index, searcher);
    }
    for (const h of searcher.search(params.query, { limit: params.limit ?? 50, kinds: params.kind ? [params.kind] : undefined })) {
      hits.push({ document: toSummary(index, h.document, session.uriOf(h.document.path)), score: h.score });
    }
  }
  return hits.sort((a, b) => a.score - b.score).slice(0, params.limit ?? 50);
}

export function onPlanNewDocument(sessions: Sessions, params: PlanNewDocumentParams): PlanNewDocumentResult {
  const session: WorkspaceSession | undefined = (params.folderUri ? sessions.all().find((s) => s.rootUri === params.folderUri!.replace(/\/$/, '')) ?? sessions.locate(params.folderUri)?.session : undefined) ?? sessions.all()[0];
  if (!session) throw new Error('Open a folder first: Rationale creates documents inside a workspace folder.');
  const index = session.index;
  const old = params.supersedes ? resolveId(index, params.supersedes, 'decision') : undefined;
  if (params.supersedes && !old) throw new Error(`No decision has the id ${params.supersedes}.`);
  const plan = planDocumentInWorkspace(index, session.workspace, {
    kind: params.kind,
    title: params.title,
    date: new Date().toISOString().slice(0, 10),
    supersedes: old,
    id: params.id,
  }, params.taken ?? []);
  return {
    uri: URI.file(nodePath.join(session.root, plan.path)).toString(),
    content: plan.content,
    id: plan.id,
    edits: (plan.supersedeEdits?.edits ?? []).map((e) => ({ uri: session.uriOf(plan.supersedeEdits!.path), range: e.range, newText: e.newText })),
  };
}
