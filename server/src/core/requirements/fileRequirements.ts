import type { Finding } from '../base/finding.js';
import { parseRequirementItems } from './parseRequirementItems.js';
import type { CoverageTag, RequirementItem } from './requirementItem.js';
import { scanCoverageTagsInSource } from './scanCoverageTags.js';

/**
 * What one file contributes to requirement tracing: the items it defines (Markdown only), the
 * coverage tags in its comments, and what looked like either but was not (`malformed-requirement`).
 * Read from the text the index already holds, so tracing costs no read of its own; plain data, so
 * the check cache can keep it.
 */
export interface FileRequirements {
  items: RequirementItem[];
  tags: CoverageTag[];
  problems: Finding[];
}

const markdownFile = /\.(?:md|markdown)$/i;

/** The file's items, tags and problems, or undefined when it has none (most files). */
export function readFileRequirements(path: string, text: string): FileRequirements | undefined {
  // Every item id and every tag has a `~` (`req~name~2`), and every tag an arrow: most files have
  // neither, and must not pay for a Markdown parse or a comment scan (a tree of enhancement
  // proposals is 21 MB of Markdown with no item in it).
  if (!text.includes('~')) return undefined;
  const parsed = markdownFile.test(path) ? parseRequirementItems(path, text) : { items: [], problems: [] };
  const scanned = text.includes('->') ? scanCoverageTagsInSource(path, text) : { tags: [], problems: [] };
  if (parsed.items.length + parsed.problems.length + scanned.tags.length + scanned.problems.length === 0) return undefined;
  return { items: parsed.items, tags: scanned.tags, problems: [...parsed.problems, ...scanned.problems] };
}

/** Cache entries come from a file on disk: the shape is checked before it is trusted. */
export function isFileRequirements(x: unknown): x is FileRequirements {
  const r = x as FileRequirements | null | undefined;
  return Array.isArray(r?.items) && Array.isArray(r.tags) && Array.isArray(r.problems);
}
