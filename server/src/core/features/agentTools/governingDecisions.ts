import { LineMap } from '../../base/range.js';
import type { GoverningDocument } from '../../index/governance.js';
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

/** What governs a file or one line of it: the answer of `governing_decisions` and `rationale context`. */
export interface GoverningReport {
  path: string;
  /** 1-based, when one line was asked about. */
  line: number | null;
  exists: boolean;
  /** When the path is itself a goal, project or decision. */
  self: DocumentBrief | null;
  governing: GoverningEntry[];
  /** Requirements the location covers by coverage tags (`[impl->req~login~1]`). */
  requirements: { line: number; target: string; title: string | null; project: string | null; coverage: string | null }[];
  /** Exceptions recorded there (`rationale-disable-next-line`). */
  exceptions: { line: number; ids: string[]; reason: string | null; until: string | null }[];
}

/**
 * The most Markdown one answer gives (about 6,000 tokens): a file that two hundred decisions' rules
 * scope would otherwise fill a model's context. Whole sections are cut and the text says so; the
 * structured answer stays complete.
 */
const textLimit = 24_000;

export const governingDecisionsTool: AgentTool = {
  name: 'governing_decisions',
  title: 'What governs this code',
  description: 'Before changing a file, ask what governs it: the architecture decisions (ADRs), projects and goals that apply to the file (or one line of it), why each applies (annotation, applies-to scope, rule scope, mention), their status, summary and the machine-checked rules the code must follow. Works for files that do not exist yet (scopes still apply).',
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
  const governing = [...host.features.governing(path, zeroBased)].sort(byGovernanceStrength);
  return {
    path,
    line: line ?? null,
    exists: exists === 'file',
    self: self ? documentBrief(index, self) : null,
    governing: governing.map((g) => governingEntry(index, g)),
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
  const brief = documentBrief(index, g.document);
  const successor = brief.status === 'superseded' ? latestSuccessor(index, supersessionGraph(index), g.document) : undefined;
  return {
    ...brief,
    via: g.via,
    strength: governanceStrength(g.via),
    reason: governanceReason(g),
    rules: g.document.rules.map(ruleData),
    ...(successor ? { successor: { id: successor.id, title: successor.title, path: successor.path } } : {}),
    projects: g.projects.map((p) => documentBrief(index, p)),
    goals: g.goals.map((x) => documentBrief(index, x)),
  };
}
