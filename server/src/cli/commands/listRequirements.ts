import type { WorkspaceIndex } from '../../core/index/workspaceIndex.js';
import { coverageSummary } from '../../core/requirements/requirementLookup.js';
import { requirementTraceOf, type TracedItem } from '../../core/requirements/workspaceRequirementTrace.js';
import { UsageError } from '../args.js';
import { colors, shouldColor } from '../colors.js';
import type { CliIo } from '../io.js';
import { renderTable } from '../table.js';

/** `--kind` words that ask for specification items rather than documents. */
export function isRequirementKind(value: string | boolean | undefined): boolean {
  return typeof value === 'string' && ['requirement', 'requirements', 'req', 'item', 'items'].includes(value.toLowerCase());
}

/** One item in `rationale list --kind requirement --json`; lines are 1-based, as everywhere in the CLI. */
export interface ListedRequirement {
  /** As written, `req~login~2`. */
  id: string;
  kind: 'requirement';
  title: string | null;
  file: string;
  line: number;
  revision: number;
  needs: string[];
  /** The item's own `Status:`; `approved` when it states none, as in OpenFastTrace. */
  status: string;
  /** Needed artifact types that nothing covers yet. */
  missing: string[];
  coveredBy: { type: string; file: string; line: number }[];
  /** The owning project's id, when the item is in a project or decision document. */
  project: string | null;
}

export function listedRequirement(t: TracedItem): ListedRequirement {
  return {
    id: t.item.id,
    kind: 'requirement',
    title: t.item.title ?? null,
    file: t.item.file,
    line: t.item.range.start.line + 1,
    revision: t.item.revision,
    needs: t.item.needs,
    status: itemStatus(t),
    missing: missingCoverage(t),
    coveredBy: t.coverage.map((c) => ({ type: c.type, file: c.file, line: c.line + 1 })),
    project: t.project?.id ?? null,
  };
}

/** OpenFastTrace's item statuses (`Status:`); an item that states none is approved. */
const itemStatuses = ['approved', 'proposed', 'draft', 'rejected'];
/** What `--status` filters by for items: coverage first, since that is what tracing is for, then the item's own status. */
const requirementStatusWords = ['covered', 'uncovered', ...itemStatuses];

function itemStatus(t: TracedItem): string {
  return t.item.status?.toLowerCase() ?? 'approved';
}

function missingCoverage(t: TracedItem): string[] {
  return t.needed.filter((n) => !t.covered.includes(n));
}

/**
 * `--status` for items, checked before the workspace is read: `covered` (every needed artifact
 * type is covered; an item that needs nothing is covered), `uncovered` (some needed type is not), or
 * the item's own `Status:`. Any other word is a usage error: the vocabulary is closed, and an empty
 * list would read as "nothing is missing".
 */
export function parseRequirementStatus(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const wanted = value.trim().toLowerCase();
  if (!requirementStatusWords.includes(wanted)) {
    throw new UsageError(`--status for requirements must be one of ${requirementStatusWords.join(', ')} (got "${value}")`, 'list');
  }
  return wanted;
}

/** The items a status word from `parseRequirementStatus` keeps; all of them without one. */
export function selectRequirements(items: readonly TracedItem[], status: string | undefined): TracedItem[] {
  if (status === undefined) return [...items];
  if (status === 'covered') return items.filter((t) => missingCoverage(t).length === 0);
  if (status === 'uncovered') return items.filter((t) => missingCoverage(t).length > 0);
  return items.filter((t) => itemStatus(t) === status);
}

/** Every specification item with its coverage (those a `--status` word keeps): JSON, or a table of id, title, coverage and place. */
export function listRequirements(index: WorkspaceIndex, options: { json: boolean; status?: string }, io: CliIo): number {
  const items = selectRequirements(requirementTraceOf(index).items, options.status);
  if (options.json) {
    io.stdout.write(`${JSON.stringify(items.map(listedRequirement), null, 2)}\n`);
    return 0;
  }
  if (items.length === 0) {
    io.stdout.write(options.status !== undefined
      ? `No ${options.status} requirements found.\n`
      : 'No requirements found (items are lines holding only `type~name~revision` in Markdown).\n');
    return 0;
  }
  const c = colors(shouldColor(io, io.stdout));
  io.stdout.write(renderTable(
    ['ID', 'TITLE', 'COVERAGE', 'FILE'],
    items.map((t) => [t.item.id, t.item.title ?? '-', coverageSummary(t), `${t.item.file}:${t.item.range.start.line + 1}`]),
    { header: c.bold, maxWidth: io.stdout.isTTY ? io.stdout.columns : undefined, shrinkColumn: 1 },
  ));
  return 0;
}
