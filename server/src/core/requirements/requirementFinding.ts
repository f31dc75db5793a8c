import type { Finding } from '../base/finding.js';

import type { FindingCode } from '../base/finding.js';

/** Finding codes of requirement tracing; each is a `FindingCode` (public API, like the others). */
export const requirementFindingCodes = [
  /** An item needs an artifact type and nothing of that type covers it. */
  'requirement-not-covered',
  /** A tag or a `Covers:` entry names no item (unknown name, or a revision newer than the item's). */
  'unknown-requirement',
  /** A tag or a `Covers:` entry covers an older revision of an item. */
  'outdated-requirement',
  /** A second item with an id already defined. */
  'duplicate-requirement',
  /** A line that looks like an item id, a tag or an entry of an item's list, but is not one. */
  'malformed-requirement',
] as const satisfies readonly FindingCode[];

export type RequirementFindingCode = (typeof requirementFindingCodes)[number];

/** Kept as a name the requirement modules share; a plain `Finding` since the codes are in `FindingCode`. */
export type RequirementFinding = Finding;
