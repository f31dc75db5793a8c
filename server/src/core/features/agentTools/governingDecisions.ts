import { LineMap } from '../../base/range.js';
import type { RationaleDocument } from '../../documents/document.js';
import { chainOf, type GoverningDocument } from '../../index/governance.js';
import { latestSuccessor, supersessionGraph } from '../../index/supersession.js';
import type { WorkspaceIndex } from '../../index/workspaceIndex.js';
import { coverageSummary, tagsInFile } from '../../requirements/requirementLookup.js';
import { byGovernanceStrength, governanceReason, governanceStrength, type GovernanceStrength } from '../governanceReason.js';
import { AgentToolInputError, type AgentTool, type AgentToolHost } from './agentTool.js';
import { documentBrief, ruleData, type DocumentBrief } from './documentBrief.js';
import { governingMarkdown } from './governingMarkdown.js';
import { lineField, rejectUnknownFields, stringField } from './toolInput.js';
import { workspaceRelativePath } from './workspacePath.js';

/** One document that governs the place asked about, with why and what it asks of the code. */
export interface GoverningEntry extends DocumentBrief {
  via: GoverningDocument['via'];
  strength: GovernanceStrength;
  /** Why it governs, in words (`applies-to src/ui/**`, `cited on line 3`). */
  reason: string;
  /** The rules it declares, each as data and as one line of text. */
  rules: Record<string, unknown>[];
  /** For a superseded decision: the decision in force now. */
  successor?: { id: string; title: string; path: string };
  projects: DocumentBrief[];
  goals: DocumentBrief[];
}

/** A governing document beyond the detailed ones: enough to know it is there, and why. */
export interface BriefGoverningEntry {
  id: string;
  kind: DocumentBrief['kind'];
  title: string;
  status: string | null;
  retired: boolean;
  path: string;
  via: GoverningDocument['via'];
  strength: GovernanceStrength;
  reason: string;
}

/** What governs a file or one line of it: the answer of `governing_decisions` and `rationale context`. */
export interface GoverningReport {
  path: string;
  /** 1-based, when one line was asked about. */
  line: number | null;
  exists: boolean;
  /** When the path is itself a goal, project or decision. */
  self: DocumentBrief | null;
  /** The strongest governing documents in full, strongest first, at most `detailLimit` of them. */
  governing: GoverningEntry[];
  /** The rest, in the same order, listed briefly. */
  others: BriefGoverningEntry[];
  /** Set when `others` is not empty: how many are in `governing`, and how many govern in all. */
  truncated: { shown: number; total: number } | null;
  /** Requirements the location covers by coverage tags (`[impl->req~login~1]`). */
  requirements: { line: number; target: string; title: string | null; project: string | null; coverage: string | null }[];
  /** Exceptions recorded there (`rationale-disable-next-line`). */
  exceptions: { line: number; ids: string[]; reason: string | null; until: string | null }[];
}

/**
 * The most Markdown one answer gives (about 6,000 tokens): a file that two hundred decisions' rules
 * scope would otherwise fill a model's context. Whole sections are cut and the text says so; the
 * structured answer still names every document (the detailed ones, then `others`).
 */
const textLimit = 24_000;

/**
 * The most documents one answer gives in full (summary, rules, chain). A file that every decision's
 * rules scope would otherwise carry a few hundred of them, over 100 KB of data the agent must read
 * and the server serialise on every call; the rest are listed by id, status and reason.
 */
export const detailLimit = 25;

/** Also VS Code's modelDescription in package.json (manifest.test.ts holds them equal). */
const governingDescription = 'Before changing a file, ask what governs it: the architecture decisions (ADRs), projects and goals that apply to the file (or one line of it), why each applies (annotation, applies-to scope, rule scope, mention), their status, summary and the machine-checked rules the code must follow. Strongest first; beyond the first 25, documents are listed briefly (id, title, status, why) and `truncated` gives the total: pass `line` to narrow. Works for files that do not exist yet (scopes still apply).';

export const governingDecisionsTool: AgentTool = {
  name: 'governing_decisions',
  title: 'What governs this code',
  description: governingDescription,
  inputSchema: {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'The file, relative to the workspace root (or absolute inside it).' },
      line: { type: 'integer', minimum: 1, description: 'A 1-based line: only what governs that line (annotations cover the block below them).' },
    },
    required: ['path'],
    additionalProperties: false,
  },
  run(host, input) {
    rejectUnknownFields(input, ['path', 'line']);
    const report = governingReport(host, stringField(input, 'path', true), lineField(input, 'line'));
    return { text: governingMarkdown(report, textLimit), structured: report as unknown as Record<string, unknown> };
  },
};

export function governingReport(host: AgentToolHost, rawPath: string, line: number | undefined): GoverningReport {
  const path = workspaceRelativePath(host, rawPath);
  const exists = host.workspace.exists(path);
  if (exists === 'directory') throw new AgentToolInputError(`"${rawPath}" is a folder; ask about a file in it.`);
  const text = exists === 'file' ? host.workspace.readText(path) : undefined;
  if (line !== undefined && text !== undefined && line > new LineMap(text).lineCount) throw new AgentToolInputError(`Line ${line} is past the end of ${path} (${new LineMap(text).lineCount} lines).`);
  const index = host.index();
  const zeroBased = line === undefined ? undefined : line - 1;
  const self = index.documents.get(path);
  // Within one reason, documents in force before retired ones: those are the rules to follow.
  const retired = (g: GoverningDocument) => (entryBody(index, g.document).retired ? 1 : 0);
  const governing = [...host.features.governing(path, zeroBased)].sort((a, b) => byGovernanceStrength(a, b) || retired(a) - retired(b));
  const cut = governing.length > detailLimit;
  return {
    path,
    line: line ?? null,
    exists: exists === 'file',
    self: self ? documentBrief(index, self) : null,
    governing: governing.slice(0, detailLimit).map((g) => governingEntry(index, g)),
    others: governing.slice(detailLimit).map((g) => briefGoverningEntry(index, g)),
    truncated: cut ? { shown: detailLimit, total: governing.length } : null,
    requirements: tagsInFile(index, path, zeroBased).map((r) => ({
      line: r.tag.range.start.line + 1,
      target: r.targetId,
      title: r.item?.item.title ?? null,
      project: r.item?.project?.id ?? null,
      coverage: r.item ? coverageSummary(r.item) : null,
    })),
    exceptions: (index.annotations.get(path)?.suppressions ?? [])
      .filter((s) => zeroBased === undefined || s.targetLine === zeroBased)
      .map((s) => ({ line: s.targetLine + 1, ids: s.ids, reason: s.reason ?? null, until: s.until ?? null })),
  };
}

function governingEntry(index: WorkspaceIndex, g: GoverningDocument): GoverningEntry {
  return { ...entryBody(index, g.document), via: g.via, strength: governanceStrength(g.via), reason: governanceReason(g) };
}

function briefGoverningEntry(index: WorkspaceIndex, g: GoverningDocument): BriefGoverningEntry {
  const { id, kind, title, status, retired, path } = entryBody(index, g.document);
  return { id, kind, title, status, retired, path, via: g.via, strength: governanceStrength(g.via), reason: governanceReason(g) };
}

type EntryBody = Omit<GoverningEntry, 'via' | 'strength' | 'reason'>;

/**
 * What an entry says of its document whatever the place asked about, kept per snapshot: the same
 * few hundred decisions scope every file, and their status in force, successor and chain are the
 * same for each. Answers are only read (serialised, printed), so they share its arrays.
 */
const bodies = new WeakMap<WorkspaceIndex, Map<RationaleDocument, EntryBody>>();

function entryBody(index: WorkspaceIndex, document: RationaleDocument): EntryBody {
  let cache = bodies.get(index);
  if (!cache) bodies.set(index, (cache = new Map()));
  let body = cache.get(document);
  if (!body) cache.set(document, (body = buildEntryBody(index, document)));
  return body;
}

function buildEntryBody(index: WorkspaceIndex, document: RationaleDocument): EntryBody {
  const brief = documentBrief(index, document);
  const successor = brief.status === 'superseded' ? latestSuccessor(index, supersessionGraph(index), document) : undefined;
  const chain = chainOf(index, document);
  return {
    ...brief,
    rules: document.rules.map(ruleData),
    ...(successor ? { successor: { id: successor.id, title: successor.title, path: successor.path } } : {}),
    projects: chain.projects.map((p) => documentBrief(index, p)),
    goals: chain.goals.map((x) => documentBrief(index, x)),
  };
}
