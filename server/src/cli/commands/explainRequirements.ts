import type { WorkspaceIndex } from '../../core/index/workspaceIndex.js';
import { coverageSummary, itemsInFile, tagsInFile } from '../../core/requirements/requirementLookup.js';
import type { Colors } from '../colors.js';
import { listedRequirement, type ListedRequirement } from './listRequirements.js';

/** What `explain` says about requirement tracing on a line (or in a whole file); lines 1-based. */
export interface ExplainedRequirements {
  /** Coverage tags there, each with the item it covers (null when the id names no item). */
  covers: { line: number; type: string; target: string; item: ListedRequirement | null }[];
  /** Specification items defined there, with their coverage. */
  items: ListedRequirement[];
}

export function explainRequirements(index: WorkspaceIndex, path: string, line?: number): ExplainedRequirements {
  return {
    covers: tagsInFile(index, path, line).map((r) => ({
      line: r.tag.range.start.line + 1,
      type: r.tag.artifactType,
      target: r.targetId,
      item: r.item ? listedRequirement(r.item) : null,
    })),
    items: itemsInFile(index, path, line).map(listedRequirement),
  };
}

/** The text form: one line per tag, a short block per item. */
export function renderRequirements(index: WorkspaceIndex, path: string, line: number | undefined, c: Colors, show: (path: string) => string): string[] {
  const out: string[] = [];
  for (const r of tagsInFile(index, path, line)) {
    const what = r.item
      ? `${c.bold(r.targetId)}  ${r.item.item.title ?? ''}  (${show(r.item.item.file)}:${r.item.item.range.start.line + 1}${r.item.project ? `, project ${r.item.project.id}` : ''})`
      : `${c.bold(r.targetId)}  ${c.red('no such item')}`;
    out.push('', `${c.dim('covers')}  line ${r.tag.range.start.line + 1} (${r.tag.artifactType}): ${what}`);
  }
  for (const t of itemsInFile(index, path, line)) {
    out.push('', `${c.bold(t.item.id)}  ${t.item.title ?? ''}`.trimEnd());
    out.push(`  ${c.dim('coverage'.padEnd(8))} ${coverageSummary(t)}`);
    for (const e of t.coverage) out.push(`  ${c.dim('by'.padEnd(8))} ${e.type}  ${show(e.file)}:${e.line + 1}`);
    if (t.project) out.push(`  ${c.dim('project'.padEnd(8))} ${t.project.id}  ${t.project.title}`);
  }
  return out;
}
