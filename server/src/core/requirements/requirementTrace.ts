import { compareFindings } from '../base/finding.js';
import type { Range } from '../base/range.js';
import type { RequirementFinding } from './requirementFinding.js';
import { formatRequirementId, parseRequirementId, requirementKey, type RequirementId } from './requirementId.js';
import type { CoverageTag, RequirementItem } from './requirementItem.js';

/** One piece of coverage an item received: from a tag in code or from an item's `Covers:`. */
export interface CoverageEntry {
  /** The covering artifact type: the tag's (`impl`) or the covering item's (`dsn`). */
  type: string;
  file: string;
  /** Zero-based, like every `Range` here. */
  line: number;
  /** The covering item's id, or the tag as written for a tag without an id of its own. */
  by: string;
}

export interface RequirementTrace {
  /** Every item's id (duplicates once), with what covers it; an empty list when nothing does. */
  coverage: Map<string, CoverageEntry[]>;
  /** Sorted by `compareFindings`: by file, line, column, then code. */
  findings: RequirementFinding[];
}

/** Something that claims to cover an item: a `Covers:` entry or a tag. */
interface Link {
  type: string;
  by: string;
  target: RequirementId;
  file: string;
  range: Range;
}

/**
 * Links coverage to items the way OpenFastTrace does: a link counts when it names an item's exact
 * id; a link to an older revision is outdated (the item changed since the code was tagged); a
 * link to a newer revision or an unknown name points at nothing. An item that needs an artifact
 * type is covered when at least one link of that type counts. Tags with an id of their own
 * (`[impl~login-form~1->…]`) or needed types (`[dsn->req~login~2>>impl]`) are items too, so
 * other tags can cover them.
 */
export function traceRequirements(items: readonly RequirementItem[], tags: readonly CoverageTag[]): RequirementTrace {
  const findings: RequirementFinding[] = [];
  const all = [...items, ...tags.flatMap(itemOfTag)];
  const byId = new Map<string, RequirementItem>();
  const latestRevision = new Map<string, number>();
  const coverage = new Map<string, CoverageEntry[]>();
  for (const item of all) {
    const first = byId.get(item.id);
    if (first) {
      findings.push(finding(item.file, item.range, 'error', 'duplicate-requirement', item.id,
        `${item.id} is defined twice; the first is at ${first.file}:${first.range.start.line + 1}. Rename one of them, so coverage goes where it is meant to.`));
      continue;
    }
    byId.set(item.id, item);
    coverage.set(item.id, []);
    const key = requirementKey(item);
    latestRevision.set(key, Math.max(item.revision, latestRevision.get(key) ?? -1));
  }

  const links: Link[] = [];
  for (const item of items) {
    for (const ref of item.covers) {
      const target = parseRequirementId(ref.id);
      if (target) links.push({ type: item.type, by: item.id, target, file: item.file, range: ref.range });
    }
  }
  for (const tag of tags) links.push({ type: tag.artifactType, by: tagText(tag), target: tag.target, file: tag.file, range: tag.range });

  for (const link of links) {
    const id = formatRequirementId(link.target);
    const entries = coverage.get(id);
    if (entries) {
      entries.push({ type: link.type, file: link.file, line: link.range.start.line, by: link.by });
      continue;
    }
    const latest = latestRevision.get(requirementKey(link.target));
    if (latest === undefined) {
      findings.push(finding(link.file, link.range, 'error', 'unknown-requirement', id,
        `${link.by} covers ${id}, and no specification item has that id: check the spelling, or write the item.`));
      continue;
    }
    const current = formatRequirementId({ ...link.target, revision: latest });
    if (link.target.revision < latest) {
      findings.push(finding(link.file, link.range, 'warning', 'outdated-requirement', current,
        `${link.by} covers ${id}, but the item is now ${current}: check that this still does what ${current} asks, then cover ${current} instead.`));
    } else {
      findings.push(finding(link.file, link.range, 'error', 'unknown-requirement', current,
        `${link.by} covers ${id}, which does not exist: the newest revision is ${current}.`));
    }
  }

  for (const [id, item] of byId) {
    const covered = new Set(coverage.get(id)?.map((e) => e.type));
    for (const type of new Set(item.needs)) {
      if (covered.has(type)) continue;
      findings.push(finding(item.file, item.range, 'warning', 'requirement-not-covered', id, `${id} needs ${type}, and nothing covers it: ${howToCover(type, id)}`, { artifactType: type }));
    }
  }
  return { coverage, findings: findings.sort(compareFindings) };
}

/** What to write so that `id` gets coverage of `type`. */
function howToCover(type: string, id: string): string {
  if (type === 'impl') return `add \`[impl->${id}]\` in a comment of the code that implements it.`;
  if (/test$/.test(type)) return `add \`[${type}->${id}]\` in a comment of the test that checks it.`;
  return `write a ${type} item with \`Covers: ${id}\`, or add \`[${type}->${id}]\` in a comment.`;
}

/** The item a tag stands for when it can itself be covered or needs coverage, as OFT makes one. */
function itemOfTag(tag: CoverageTag): RequirementItem[] {
  if (tag.ownId === undefined && tag.needs.length === 0) return [];
  const own = tag.ownId !== undefined ? parseRequirementId(tag.ownId) : undefined;
  // OFT names a tag without a name after what it covers, with its own revision or 0: `[dsn->req~login~2>>impl]` is `dsn~login~0`.
  const id = own ?? { type: tag.artifactType, name: tag.target.name, revision: tag.ownRevision ?? 0 };
  return [{ ...id, id: formatRequirementId(id), text: '', file: tag.file, range: tag.range, needs: tag.needs, covers: [], depends: [], tags: [] }];
}

/** How a message names a tag: by its own id, else as written (without the blanks). */
function tagText(tag: CoverageTag): string {
  if (tag.ownId !== undefined) return tag.ownId;
  const needs = tag.needs.length ? `>>${tag.needs.join(',')}` : '';
  return `[${tag.artifactType}->${formatRequirementId(tag.target)}${needs}]`;
}

/** `data.requirement` is the id the finding is about, for quick fixes and grouping. */
function finding(path: string, range: Range, severity: RequirementFinding['severity'], code: RequirementFinding['code'], requirement: string, message: string, data: Record<string, unknown> = {}): RequirementFinding {
  return { path, range, severity, code, decision: null, message, data: { requirement, ...data } };
}
