import type { DocKind } from '../documents/document.js';
import type { Range } from '../base/range.js';

/**
 * A reference from a code (or any non-document) file to a goal, project or decision, found in a
 * comment without parsing the language.
 */
export interface CodeReference {
  path: string;
  /** The id as written (`ADR-0007`, `7`, `GOAL-growth`); resolve with the index. */
  id: string;
  /** The kind the tag names (`@adr`/`@decision` → decision, `@prd`/`@project` → project, `@goal` → goal); undefined for bare ids. */
  kind?: DocKind;
  /** `annotation` for `@decision X`; `mention` for a bare id inside a comment (a weaker reference). */
  strength: 'annotation' | 'mention';
  /** Range of the id text itself (what hover, definition and rename act on). */
  range: Range;
}

/** `rationale-disable-next-line ADR-0012 [until 2027-03-01] -- reason`: one recorded exception. */
export interface Suppression {
  path: string;
  /** Ids (or finding codes) the exception names; empty means any finding. */
  ids: string[];
  /** The reason after `--`, trimmed; undefined when missing (itself a finding). */
  reason?: string;
  /**
   * The last day the exception holds, as written after `until` (`2027-03-01`); empty when `until`
   * has nothing after it. Undefined: it never ends. Read with `exceptionEnd` (checks/exceptionExpiry.ts).
   */
  until?: string;
  /** Zero-based line the exception applies to (the next non-blank line after the comment). */
  targetLine: number;
  /** Range of the whole directive, for diagnostics. */
  range: Range;
}

export interface FileAnnotations {
  references: CodeReference[];
  suppressions: Suppression[];
}
