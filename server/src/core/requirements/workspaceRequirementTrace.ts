import { compareFindings, type Finding } from '../base/finding.js';
import type { RationaleDocument } from '../documents/document.js';
import { resolveLink, type WorkspaceIndex } from '../index/workspaceIndex.js';
import { requirementKey } from './requirementId.js';
import type { CoverageTag, RequirementItem } from './requirementItem.js';
import { traceRequirements, type CoverageEntry } from './requirementTrace.js';

/** An item with what the workspace says about it: the project that owns it, and its coverage. */
export interface TracedItem {
  item: RequirementItem;
  /** The project (PRD) whose document defines the item, or the project of the decision that does. */
  project?: RationaleDocument;
  /** The document defining the item, when it is a goal, project or decision. */
  document?: RationaleDocument;
  coverage: CoverageEntry[];
  /** Artifact types the item needs, once each, and those of them that something covers. */
  needed: string[];
  covered: string[];
}

/** Requirement tracing over one index snapshot: every item and tag, traced, with the findings by file. */
export interface IndexRequirementTrace {
  /** Every item in path order; a duplicate id keeps its first definition here. */
  items: TracedItem[];
  byId: ReadonlyMap<string, TracedItem>;
  tags: CoverageTag[];
  /** Parse problems and trace findings, sorted, by path. */
  findingsByPath: ReadonlyMap<string, readonly Finding[]>;
}

const traces = new WeakMap<WorkspaceIndex, IndexRequirementTrace>();

/**
 * The trace of an index, computed once per snapshot (the index is immutable), from the items and
 * tags the index read with each file: no file is read again.
 */
export function requirementTraceOf(index: WorkspaceIndex): IndexRequirementTrace {
  let trace = traces.get(index);
  if (!trace) {
    trace = buildTrace(index);
    traces.set(index, trace);
  }
  return trace;
}

/** The requirement findings located in `path`. */
export function requirementFindingsIn(index: WorkspaceIndex, path: string): readonly Finding[] {
  if (index.requirements.size === 0) return [];
  return requirementTraceOf(index).findingsByPath.get(path) ?? [];
}

/** Items by `type~name`, newest revision first: what completion offers. */
export function itemsNewestFirst(trace: IndexRequirementTrace): TracedItem[] {
  return [...trace.items].sort((a, b) => {
    const ka = requirementKey(a.item);
    const kb = requirementKey(b.item);
    return ka !== kb ? (ka < kb ? -1 : 1) : b.item.revision - a.item.revision;
  });
}

function buildTrace(index: WorkspaceIndex): IndexRequirementTrace {
  const items: RequirementItem[] = [];
  const tags: CoverageTag[] = [];
  const problems: Finding[] = [];
  for (const [, file] of index.requirements) {
    items.push(...file.items);
    tags.push(...file.tags);
    problems.push(...file.problems);
  }
  const trace = traceRequirements(items, tags);
  const findingsByPath = new Map<string, Finding[]>();
  for (const f of [...problems, ...trace.findings].sort(compareFindings)) {
    const list = findingsByPath.get(f.path);
    if (list) list.push(f);
    else findingsByPath.set(f.path, [f]);
  }
  const byId = new Map<string, TracedItem>();
  const traced: TracedItem[] = [];
  for (const item of items) {
    if (byId.has(item.id)) continue;
    const coverage = trace.coverage.get(item.id) ?? [];
    const needed = [...new Set(item.needs)];
    const types = new Set(coverage.map((c) => c.type));
    const document = index.documents.get(item.file);
    const t: TracedItem = { item, document, project: owningProject(index, document), coverage, needed, covered: needed.filter((n) => types.has(n)) };
    byId.set(item.id, t);
    traced.push(t);
  }
  return { items: traced, byId, tags, findingsByPath };
}

/** A project document owns its items; a decision's belong to the project it was decided for. */
function owningProject(index: WorkspaceIndex, doc: RationaleDocument | undefined): RationaleDocument | undefined {
  if (!doc) return undefined;
  if (doc.kind === 'project') return doc;
  if (doc.kind !== 'decision') return undefined;
  const link = doc.links.find((l) => l.type === 'project');
  const project = link ? resolveLink(index, link, 'project') : undefined;
  return project?.kind === 'project' ? project : undefined;
}

/** The goal a project serves, when it names one. */
export function goalOf(index: WorkspaceIndex, project: RationaleDocument | undefined): RationaleDocument | undefined {
  const link = project?.links.find((l) => l.type === 'goal');
  const goal = link ? resolveLink(index, link, 'goal') : undefined;
  return goal?.kind === 'goal' ? goal : undefined;
}
