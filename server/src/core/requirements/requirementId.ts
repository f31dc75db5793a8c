/**
 * OpenFastTrace specification item ids, `type~name~revision` (`req~login.password~2`), as its user
 * guide defines them: the artifact type is ASCII letters; the name starts with a letter and is made
 * of letters, digits, `_` and `-`, in dot-separated parts (no empty part); the revision is a number.
 */

export interface RequirementId {
  /** Artifact type: `feat`, `req`, `dsn`, `impl`, `utest`, … (any letters; OFT does not fix the list). */
  type: string;
  name: string;
  revision: number;
}

/** One name part: Unicode letters, digits and marks as Java's `(?U)\w` has them, plus `-`. */
const namePart = String.raw`[\p{L}\p{M}\p{N}\p{Pc}-]`;
/** Source of a regular expression (for the `u` flag) matching an item name. Never backtracks badly: dots separate the parts. */
export const requirementNamePattern = String.raw`\p{L}${namePart}*(?:\.${namePart}+)*`;
/** Source of a regular expression (for the `u` flag) matching a whole id, capturing type, name and revision. */
export const requirementIdPattern = String.raw`([A-Za-z]+)~(${requirementNamePattern})~(\d+)`;

const wholeId = new RegExp(`^${requirementIdPattern}$`, 'u');

/** The parts of `text` when it is exactly one item id, else undefined. */
export function parseRequirementId(text: string): RequirementId | undefined {
  const m = wholeId.exec(text);
  return m ? { type: m[1], name: m[2], revision: Number(m[3]) } : undefined;
}

export function formatRequirementId(id: RequirementId): string {
  return `${id.type}~${id.name}~${id.revision}`;
}

/** `type~name`: what stays the same across revisions of one item. */
export function requirementKey(id: Pick<RequirementId, 'type' | 'name'>): string {
  return `${id.type}~${id.name}`;
}
