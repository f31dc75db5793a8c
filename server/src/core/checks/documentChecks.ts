import { linkTargetKinds, type RationaleDocument } from '../documents/document.js';
import type { Finding } from '../base/finding.js';
import { idKey } from '../documents/ids.js';
import { matchesAny } from '../base/glob.js';
import { basename } from '../workspace/workspace.js';
import { supersessionGraph, type SupersessionGraph } from '../index/supersession.js';
import { replacingSuccessor, statusInForce } from '../index/statusInForce.js';
import { isRetiredStatus } from '../documents/statusClass.js';
import { ambiguousInSources, documentsOfKind, resolveLink, type WorkspaceIndex } from '../index/workspaceIndex.js';
import { ambiguityNote } from '../index/sourceDocuments.js';

export interface DocumentCheckOptions {
  /** Today as `YYYY-MM-DD`; injected so tests do not depend on the clock. */
  today: string;
  /** Whether a path exists even though the index does not list it (binary or ignored files, folders). */
  exists?: (path: string) => boolean;
}


/** Checks of the document graph itself: ids, links, supersession, goals and projects, scopes, reviews. */
export function checkDocuments(index: WorkspaceIndex, options: DocumentCheckOptions): Finding[] {
  const out: Finding[] = [];
  const graph = supersessionGraph(index);
  for (const doc of index.documents.values()) out.push(...doc.problems);
  out.push(...duplicateIds(index));
  for (const doc of index.documents.values()) {
    out.push(...linkProblems(index, doc, options));
    out.push(...supersessionProblems(index, graph, doc));
    out.push(...scopeProblems(index, doc));
    if (doc.reviewBy && /^\d{4}-\d{2}-\d{2}/.test(doc.reviewBy) && doc.reviewBy.slice(0, 10) < options.today && !statusInForce(index, doc).retired) {
      out.push({
        path: doc.path, range: doc.reviewByRange ?? doc.titleRange, severity: 'warning', code: 'review-overdue', decision: doc.id,
        message: `${doc.id} was due for review on ${doc.reviewBy.slice(0, 10)}: confirm it still holds and move review-by forward, or supersede it.`,
      });
    }
  }
  out.push(...cycles(index, graph));
  out.push(...goalProjectProblems(index));
  return out;
}

/** Documents with the link's file name; among several, those sharing the most trailing folders. */
function documentsLike(index: WorkspaceIndex, target: string): RationaleDocument[] {
  const want = target.split('/');
  const named = [...index.documents.values()].filter((d) => basename(d.path) === want[want.length - 1]);
  if (named.length <= 1) return named;
  const shared = (p: string) => {
    const have = p.split('/');
    let n = 0;
    while (n < have.length && n < want.length && have[have.length - 1 - n] === want[want.length - 1 - n]) n++;
    return n;
  };
  const best = Math.max(...named.map((d) => shared(d.path)));
  return named.filter((d) => shared(d.path) === best);
}

function isLog4brainsDocument(index: WorkspaceIndex, doc: RationaleDocument): boolean {
  return index.declared.some((d) => /\.log4brains\.ya?ml$/.test(d.source) && doc.path.startsWith(`${d.folder}/`));
}

function duplicateIds(index: WorkspaceIndex): Finding[] {
  const out: Finding[] = [];
  const byId = new Map<string, RationaleDocument[]>();
  for (const d of index.documents.values()) {
    const k = idKey(d.id);
    byId.set(k, [...(byId.get(k) ?? []), d]);
  }
  for (const docs of byId.values()) {
    if (docs.length < 2) continue;
    for (const d of docs) {
      const others = docs.filter((o) => o !== d).map((o) => o.path).join(', ');
      out.push({
        path: d.path, range: d.frontMatter?.id !== undefined ? d.titleRange : d.titleRange, severity: 'error', code: 'duplicate-id', decision: d.id,
        message: `Duplicate id ${d.id}: also used by ${others}. Give each document its own id (or number).`,
      });
    }
  }
  return out;
}

function linkProblems(index: WorkspaceIndex, doc: RationaleDocument, options: DocumentCheckOptions): Finding[] {
  const out: Finding[] = [];
  for (const link of doc.links) {
    if (link.targetIsPath) {
      const outside = link.target === link.raw && link.raw.startsWith('..');
      // Links into filtered files (images, ignored or generated files) are fine when the file exists.
      if (!outside && (index.documents.has(link.target) || index.fileSet.has(link.target) || options.exists?.(link.target))) continue;
      const sameName = outside ? [] : documentsLike(index, link.target);
      // log4brains resolves links between decisions by file name, wherever the path points.
      if (sameName.length === 1 && isLog4brainsDocument(index, doc)) continue;
      out.push({
        path: doc.path, range: link.range, severity: outside ? 'error' : 'warning', code: 'broken-link', decision: doc.id,
        message: outside
          ? `Link "${link.raw}" in ${doc.id} points outside the workspace.`
          : `Broken link in ${doc.id}: "${link.raw ?? link.target}" does not exist.${sameName.length === 1 ? ` Did you mean ${sameName[0].path}?` : ''}`,
        data: sameName.length === 1 ? { suggestion: sameName[0].path } : undefined,
      });
      continue;
    }
    const expected = linkTargetKinds[link.type];
    const target = resolveLink(index, link, expected);
    if (!target) {
      out.push({
        path: doc.path, range: link.range, severity: 'error', code: 'unknown-id', decision: doc.id,
        message: `${doc.id} names ${link.target} in \`${link.type}\`, but ${ambiguityNote(ambiguousInSources(index, link.target, expected)) ?? `no ${expected ?? 'document'} has that id.`}`,
        data: { id: link.target, kind: expected },
      });
    }
  }
  return out;
}

function supersessionProblems(index: WorkspaceIndex, graph: SupersessionGraph, doc: RationaleDocument): Finding[] {
  if (doc.kind !== 'decision') return [];
  const out: Finding[] = [];
  const successors = graph.supersededBy.get(doc.path) ?? [];
  if (doc.status === 'superseded' && successors.length === 0) {
    out.push({
      path: doc.path, range: doc.statusRange ?? doc.titleRange, severity: 'warning', code: 'superseded-without-successor', decision: doc.id,
      message: `${doc.id} is marked superseded but names no successor: add "superseded by <id>" or a supersedes link from the new decision.`,
    });
  }
  // A proposed successor does not yet replace anything; a decision already retired says so well enough.
  const succ = isRetiredStatus('decision', doc.status) ? undefined : replacingSuccessor(index, doc);
  if (succ) {
    out.push({
      path: doc.path, range: doc.statusRange ?? doc.titleRange, severity: 'warning', code: 'superseded-still-accepted', decision: doc.id,
      message: `${succ.id} (${succ.title}) supersedes ${doc.id}, but ${doc.id} still says "${doc.rawStatus ?? 'no status'}". Mark it superseded by ${succ.id}.`,
      data: { successor: succ.id, successorPath: succ.path },
    });
  }
  return out;
}

function cycles(index: WorkspaceIndex, graph: SupersessionGraph): Finding[] {
  const out: Finding[] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (p: string) => {
    state.set(p, 1);
    stack.push(p);
    for (const q of graph.supersedes.get(p) ?? []) {
      if (state.get(q) === 1) {
        const cycle = stack.slice(stack.indexOf(q));
        const ids = cycle.map((c) => index.documents.get(c)!.id);
        for (const c of cycle) {
          if (reported.has(c)) continue;
          reported.add(c);
          const d = index.documents.get(c)!;
          out.push({
            path: d.path, range: d.statusRange ?? d.titleRange, severity: 'error', code: 'supersede-cycle', decision: d.id,
            message: `Supersede cycle: ${[...ids, ids[0]].join(' → ')}. A decision cannot (indirectly) supersede itself.`,
          });
        }
      } else if (!state.has(q)) visit(q);
    }
    stack.pop();
    state.set(p, 2);
  };
  for (const p of [...graph.supersedes.keys()].sort()) if (!state.has(p)) visit(p);
  return out;
}

function scopeProblems(index: WorkspaceIndex, doc: RationaleDocument): Finding[] {
  const out: Finding[] = [];
  doc.appliesTo.forEach((glob) => {
    if (index.files.some((f) => matchesAny(f, [glob]))) return;
    out.push({
      path: doc.path, range: doc.appliesToRange ?? doc.titleRange, severity: 'warning', code: 'applies-to-matches-nothing', decision: doc.id,
      message: `applies-to "${glob}" in ${doc.id} matches no file: the decision governs nothing there. Fix the glob or remove it.`,
    });
  });
  return out;
}

function goalProjectProblems(index: WorkspaceIndex): Finding[] {
  const out: Finding[] = [];
  const goalsWithProject = new Set<string>();
  const goalsExist = documentsOfKind(index, 'goal').length > 0 || [...(index.sources?.documents.values() ?? [])].some((d) => d.kind === 'goal');
  // A source's project may serve a goal here (another folder of a multi-root workspace).
  for (const project of index.sources?.documents.values() ?? []) {
    if (project.kind !== 'project') continue;
    for (const l of project.links) if (l.type === 'goal') goalsWithProject.add(resolveLink(index, l, 'goal')?.path ?? '');
  }
  for (const project of documentsOfKind(index, 'project')) {
    const goalLinks = project.links.filter((l) => l.type === 'goal');
    for (const l of goalLinks) {
      const g = resolveLink(index, l, 'goal');
      if (g) goalsWithProject.add(g.path);
    }
    // A repository with no goal anywhere (its goals live in no document Rationale reads) would get
    // this warning on every project on its first run: noise, not news. It starts once a goal exists.
    if (goalLinks.length === 0 && project.status !== 'cancelled' && goalsExist) {
      out.push({
        path: project.path, range: project.frontMatterRange ?? project.titleRange, severity: 'warning', code: 'project-without-goal', decision: project.id,
        message: `Project ${project.id} (${project.title}) serves no goal: add \`goals: [GOAL-…]\` to its front matter so people can see why it exists.`,
      });
    }
  }
  for (const goal of documentsOfKind(index, 'goal')) {
    if (goalsWithProject.has(goal.path) || goal.status === 'achieved' || goal.status === 'dropped') continue;
    out.push({
      path: goal.path, range: goal.titleRange, severity: 'warning', code: 'goal-without-project', decision: goal.id,
      message: `Goal ${goal.id} (${goal.title}) has no project working towards it.`,
    });
  }
  return out;
}
