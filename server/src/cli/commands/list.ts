import { linkTargetKinds, type DocKind, type RationaleDocument } from '../../core/documents/document.js';
import { statusInForce, statusInForceText } from '../../core/index/statusInForce.js';
import { resolveLink, type WorkspaceIndex } from '../../core/index/workspaceIndex.js';
import { parseArgs, UsageError, type CommandSpec } from '../args.js';
import { colors, shouldColor } from '../colors.js';
import type { CliIo } from '../io.js';
import { loadWorkspaceWithWarnings, resolveRoot } from '../loadWorkspace.js';
import { renderTable } from '../table.js';
import { escapeText } from '../terminalText.js';
import { lookupTable } from '../../core/base/lookupTable.js';
import { selectDocuments } from '../../core/features/selectDocuments.js';
import { isRequirementKind, listRequirements, parseRequirementStatus } from './listRequirements.js';

export const listSpec: CommandSpec = {
  name: 'list',
  flags: {
    kind: { type: 'string', short: 'k' },
    status: { type: 'string', short: 's' },
    json: { type: 'boolean' },
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: ['dir?'],
};

const kindWords = lookupTable<DocKind>({
  goal: 'goal', goals: 'goal', okr: 'goal', objective: 'goal',
  project: 'project', projects: 'project', prd: 'project', brief: 'project', rfc: 'project',
  decision: 'decision', decisions: 'decision', adr: 'decision',
});

export function parseKind(value: string | boolean | undefined, command: string): DocKind | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const kind = kindWords[value.toLowerCase()];
  if (!kind) throw new UsageError(`--kind must be one of goal, project, decision${command === 'list' ? ', requirement' : ''} (got "${value}")`, command);
  return kind;
}

export interface ListedLink {
  type: string;
  /** The id or workspace-relative path as written. */
  target: string;
  /** The id of the document it resolves to, or null when it resolves to none. */
  id: string | null;
}

export interface ListedDocument {
  id: string;
  kind: DocKind;
  title: string;
  /** The status in force (statusInForce.ts). */
  status: string | null;
  /** The canonical status the file states, when it differs from the one in force. */
  writtenStatus?: string;
  rawStatus: string | null;
  /** Workspace-relative; for a source's document `name:path/inside/source.md`. */
  file: string;
  /** The source (`.rationale.json` `sources`) the document comes from, or null for the workspace's own. */
  source: string | null;
  date: string | null;
  number: number | null;
  package: string | null;
  aliases: string[];
  summary: string;
  priority: string | number | null;
  owner: string | null;
  decisionMakers: string[];
  appliesTo: string[];
  reviewBy: string | null;
  rules: number;
  links: ListedLink[];
}

export function listedDocument(index: WorkspaceIndex, d: RationaleDocument): ListedDocument {
  const inForce = statusInForce(index, d);
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    status: inForce.status ?? null,
    ...(inForce.written !== undefined ? { writtenStatus: inForce.written } : {}),
    rawStatus: d.rawStatus ?? null,
    file: d.path,
    source: d.source?.name ?? null,
    date: d.date ?? null,
    number: d.number ?? null,
    package: d.package ?? null,
    aliases: d.aliases,
    summary: d.summary,
    priority: d.priority ?? null,
    owner: d.owner ?? null,
    decisionMakers: d.decisionMakers ?? [],
    appliesTo: d.appliesTo,
    reviewBy: d.reviewBy ?? null,
    rules: d.rules.length,
    links: d.links
      .filter((l) => l.type !== 'markdown' || resolveLink(index, l) !== undefined)
      .map((l) => ({ type: l.type, target: l.target, id: resolveLink(index, l, linkTargetKinds[l.type] ?? 'decision')?.id ?? null })),
  };
}

/** Kept here for callers of the CLI module; the one home is core/features/selectDocuments.ts. */
export { selectDocuments };

export async function runList(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, listSpec);
  const requirements = isRequirementKind(args.flags.kind);
  const kind = requirements ? undefined : parseKind(args.flags.kind, 'list');
  const status = args.flags.status as string | undefined;
  const requirementStatus = requirements ? parseRequirementStatus(status) : undefined;
  const root = resolveRoot(io, (args.flags.dir as string | undefined) ?? args.positionals[0]);
  const loaded = loadWorkspaceWithWarnings(io, root);
  if (requirements) return listRequirements(loaded.index, { json: args.flags.json === true, status: requirementStatus }, io);
  const docs = selectDocuments(loaded.index, kind, status);
  if (args.flags.json) {
    io.stdout.write(`${JSON.stringify(docs.map((d) => listedDocument(loaded.index, d)), null, 2)}\n`);
    return 0;
  }
  if (docs.length === 0) {
    io.stdout.write(`No ${kind ? `${kind}s` : 'documents'}${status ? ` with status ${escapeText(status)}` : ''} found.\n`);
    return 0;
  }
  const c = colors(shouldColor(io, io.stdout));
  // A SOURCE column only when documents come from elsewhere, so the usual table stays as it was.
  const withSource = docs.some((d) => d.source);
  const row = (d: RationaleDocument) => [d.id, d.kind, statusInForceText(statusInForce(loaded.index, d)) ?? '-', d.date ?? '-', d.title, d.path];
  io.stdout.write(renderTable(
    withSource ? ['ID', 'KIND', 'STATUS', 'DATE', 'TITLE', 'FILE', 'SOURCE'] : ['ID', 'KIND', 'STATUS', 'DATE', 'TITLE', 'FILE'],
    docs.map((d) => (withSource ? [...row(d), d.source?.name ?? '-'] : row(d))),
    { header: c.bold, maxWidth: io.stdout.isTTY ? io.stdout.columns : undefined, shrinkColumn: 4 },
  ));
  return 0;
}
