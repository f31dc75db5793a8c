import { containsPosition, type Position } from '../base/range.js';
import type { RationaleDocument } from '../documents/document.js';
import type { WorkspaceIndex } from '../index/workspaceIndex.js';
import { formatRequirementId } from './requirementId.js';
import type { CoverageTag } from './requirementItem.js';
import { requirementTraceOf, type TracedItem } from './workspaceRequirementTrace.js';

/**
 * Questions the CLI and the editor ask about requirement tracing in one file: which tags and
 * items sit on a line or under the cursor, and what each tag covers. Answers come from the index.
 */

/** A coverage tag with the item it covers (undefined when that id names no item). */
export interface ResolvedTag {
  tag: CoverageTag;
  /** The target as written, `req~login~2`. */
  targetId: string;
  item?: TracedItem;
}

export function resolveTag(index: WorkspaceIndex, tag: CoverageTag): ResolvedTag {
  const targetId = formatRequirementId(tag.target);
  return { tag, targetId, item: requirementTraceOf(index).byId.get(targetId) };
}

/** The tags of a file, on one zero-based line or all of them. */
export function tagsInFile(index: WorkspaceIndex, path: string, line?: number): ResolvedTag[] {
  const tags = index.requirements.get(path)?.tags ?? [];
  return tags.filter((t) => line === undefined || t.range.start.line === line).map((t) => resolveTag(index, t));
}

/** The items a file defines, on one zero-based line or all of them (a duplicate id resolves to its first definition). */
export function itemsInFile(index: WorkspaceIndex, path: string, line?: number): TracedItem[] {
  const items = index.requirements.get(path)?.items ?? [];
  const trace = requirementTraceOf(index);
  return items
    .filter((i) => line === undefined || i.range.start.line === line)
    .map((i) => trace.byId.get(i.id))
    .filter((t): t is TracedItem => t !== undefined && t.item.file === path);
}

/** The tag under the cursor, if any. */
export function tagAt(index: WorkspaceIndex, path: string, position: Position): ResolvedTag | undefined {
  return tagsInFile(index, path, position.line).find((r) => containsPosition(r.tag.range, position));
}

/** The item whose id is under the cursor, if any. */
export function itemAt(index: WorkspaceIndex, path: string, position: Position): TracedItem | undefined {
  return itemsInFile(index, path, position.line).find((t) => containsPosition(t.item.range, position));
}

/** The items a project owns: defined in its document or in a decision made for it. */
export function itemsOfProject(index: WorkspaceIndex, project: RationaleDocument): TracedItem[] {
  if (project.kind !== 'project' || index.requirements.size === 0) return [];
  return requirementTraceOf(index).items.filter((t) => t.project === project);
}

/** Every tag that covers `id`, in path order. */
export function tagsCovering(index: WorkspaceIndex, id: string): CoverageTag[] {
  return requirementTraceOf(index).tags.filter((t) => formatRequirementId(t.target) === id);
}

/** `1/2` and what is missing: how an item's coverage reads in a list. */
export function coverageSummary(t: TracedItem): string {
  const missing = t.needed.filter((n) => !t.covered.includes(n));
  return `${t.covered.length}/${t.needed.length}${missing.length ? ` (missing ${missing.join(', ')})` : ''}`;
}
