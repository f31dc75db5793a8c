import type { WorkspaceIndex } from '../../core/index/workspaceIndex.js';
import { coverageSummary } from '../../core/requirements/requirementLookup.js';
import { requirementTraceOf, type TracedItem } from '../../core/requirements/workspaceRequirementTrace.js';
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
    coveredBy: t.coverage.map((c) => ({ type: c.type, file: c.file, line: c.line + 1 })),
    project: t.project?.id ?? null,
  };
}

/** Every specification item with its coverage: JSON, or a table of id, title, coverage and place. */
export function listRequirements(index: WorkspaceIndex, json: boolean, io: CliIo): number {
  const items = requirementTraceOf(index).items;
  if (json) {
    io.stdout.write(`${JSON.stringify(items.map(listedRequirement), null, 2)}\n`);
    return 0;
  }
  if (items.length === 0) {
    io.stdout.write('No requirements found (items are lines holding only `type~name~revision` in Markdown).\n');
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
