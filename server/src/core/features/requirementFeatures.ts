import { LineMap, type Position, type Range } from '../base/range.js';
import type { WorkspaceIndex } from '../index/workspaceIndex.js';
import { coverageSummary, itemAt, tagAt, tagsCovering, type ResolvedTag } from '../requirements/requirementLookup.js';
import { requirementNamePattern } from '../requirements/requirementId.js';
import { goalOf, itemsNewestFirst, requirementTraceOf, type TracedItem } from '../requirements/workspaceRequirementTrace.js';
import type { IdCompletion } from './completions.js';
import { escapeMarkdown } from './markdownEscape.js';

/**
 * The editor's side of requirement tracing, for the language service: hovers over coverage tags
 * and item ids, navigation between them, and item ids to complete after a tag's `->`. Item texts
 * come from the repository, so everything shown is escaped as untrusted Markdown.
 */

export interface RequirementLocation {
  path: string;
  range: Range;
}

/** Over a tag: the item it covers. Over an item's id: its coverage. */
export function requirementHover(index: WorkspaceIndex, path: string, position: Position): { markdown: string; range: Range } | undefined {
  const tag = tagAt(index, path, position);
  if (tag) return { range: tag.tag.range, markdown: tagHover(index, tag) };
  const item = itemAt(index, path, position);
  if (item) return { range: item.item.range, markdown: [itemHead(item), coverageLines(item)].join('\n\n') };
  return undefined;
}

function tagHover(index: WorkspaceIndex, r: ResolvedTag): string {
  if (!r.item) {
    const key = `${r.tag.target.type}~${r.tag.target.name}~`;
    const revisions = requirementTraceOf(index).items.filter((t) => t.item.id.startsWith(key)).map((t) => t.item.id);
    const hint = revisions.length ? ` The item exists as ${revisions.map((id) => `**${escapeMarkdown(id)}**`).join(', ')}.` : '';
    return `**${escapeMarkdown(r.targetId)}**: no specification item has this id.${hint}`;
  }
  const t = r.item;
  const parts = [itemHead(t)];
  if (t.item.text) parts.push(escapeMarkdown(t.item.text));
  const where = t.document ? `${escapeMarkdown(t.document.id)} · ${escapeMarkdown(t.document.title)} (${escapeMarkdown(t.item.file)})` : escapeMarkdown(t.item.file);
  const chain = [`Defined in ${where}, line ${t.item.range.start.line + 1}`];
  if (t.project) {
    const goal = goalOf(index, t.project);
    chain.push(`Project **${escapeMarkdown(t.project.id)}** ${escapeMarkdown(t.project.title)}${goal ? ` → Goal **${escapeMarkdown(goal.id)}** ${escapeMarkdown(goal.title)}` : ''}`);
  }
  parts.push(chain.join('  \n'));
  parts.push(`Coverage ${escapeMarkdown(coverageSummary(t))}`);
  return parts.join('\n\n');
}

function itemHead(t: TracedItem): string {
  return `**${escapeMarkdown(t.item.id)}**${t.item.title ? ` · ${escapeMarkdown(t.item.title)}` : ''}`;
}

function coverageLines(t: TracedItem): string {
  const lines = [`Coverage ${escapeMarkdown(coverageSummary(t))}`];
  for (const e of t.coverage) lines.push(`${escapeMarkdown(e.type)} · ${escapeMarkdown(e.file)}:${e.line + 1}`);
  return lines.join('  \n');
}

/** From a tag to the item it covers. */
export function requirementDefinition(index: WorkspaceIndex, path: string, position: Position): RequirementLocation | undefined {
  const item = tagAt(index, path, position)?.item;
  return item ? { path: item.item.file, range: item.item.range } : undefined;
}

/**
 * From an item's id, or a tag: every tag and `Covers:` entry that covers the item, with the item
 * itself first when asked. Undefined when the position is on neither, so other references apply.
 */
export function requirementReferences(index: WorkspaceIndex, path: string, position: Position, includeDeclaration: boolean): RequirementLocation[] | undefined {
  const tag = tagAt(index, path, position);
  const item = tag ? tag.item : itemAt(index, path, position);
  const id = tag ? tag.targetId : item?.item.id;
  if (id === undefined) return undefined;
  const out: RequirementLocation[] = [];
  if (item && includeDeclaration) out.push({ path: item.item.file, range: item.item.range });
  for (const t of requirementTraceOf(index).items) {
    for (const ref of t.item.covers) if (ref.id === id) out.push({ path: t.item.file, range: ref.range });
  }
  for (const t of tagsCovering(index, id)) out.push({ path: t.file, range: t.range });
  return out;
}

/** `[impl->` then what is typed of an id, up to the cursor. Groups: the typed text. */
const afterArrow = new RegExp(String.raw`\[[ \t]*[A-Za-z]+(?:~(?:${requirementNamePattern})?~\d+)?[ \t]*->[ \t]*([A-Za-z]*(?:~[^\]\s~]*(?:~\d*)?)?)$`, 'u');

/** Item ids after a tag's `->`, each name's newest revision first. */
export function requirementCompletions(index: WorkspaceIndex, text: string, position: Position): IdCompletion[] | undefined {
  const before = new LineMap(text).lineText(position.line).slice(0, position.character);
  const m = afterArrow.exec(before);
  if (!m) return undefined;
  const replace: Range = { start: { line: position.line, character: position.character - m[1].length }, end: position };
  return itemsNewestFirst(requirementTraceOf(index)).map((t, i) => ({
    id: t.item.id,
    title: t.item.title ?? '',
    status: `${t.covered.length}/${t.needed.length} covered`,
    kind: 'requirement',
    replace,
    sortText: String(i).padStart(6, '0'),
  }));
}
