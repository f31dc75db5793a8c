import type { Range } from '../base/range.js';
import type { RequirementId } from './requirementId.js';

/**
 * Requirement tracing in OpenFastTrace's conventions: specification items written in Markdown
 * (`` `req~login~2` `` on a line of its own, then `Needs:`, `Covers:`, …) and coverage tags in code
 * comments (`[impl->req~login~2]`). These are the shapes the parser, the tag scanner and the tracer
 * share.
 */

/** An item id written in a document, where it was written: a `Covers:` or `Depends:` entry. */
export interface RequirementReference {
  /** As written, `req~login~2`. */
  id: string;
  range: Range;
}

export interface RequirementItem extends RequirementId {
  /** As written, `req~login~2`. */
  id: string;
  /** The heading right above the id line (blank lines between allowed), without its `#` marks. */
  title?: string;
  /** The description: the text after the id line up to the next keyword, lines joined with `\n`, trimmed. */
  text: string;
  /** Workspace-relative path of the document. */
  file: string;
  /** The id itself, without the backticks around it. */
  range: Range;
  /** Artifact types that must cover this item (`Needs: impl, utest`). */
  needs: string[];
  /** Items this item covers (`Covers:`): it gives each one coverage of its own type. */
  covers: RequirementReference[];
  /** Items this item depends on (`Depends:`); they play no part in coverage. */
  depends: RequirementReference[];
  /** `Tags:` labels. */
  tags: string[];
  /** `Status:` when given (`draft`, `proposed`, `approved`, `rejected`). */
  status?: string;
  /**
   * Set on the item a forward line creates: `arch --> dsn : req~web-ui~1` stands for an item
   * `arch~web-ui~1` that covers `req~web-ui~1` and needs `dsn`, without writing it out.
   */
  forwarded?: true;
}

/** `[impl->req~login~2]`, `[impl~login-form~1->req~login~2]`, `[dsn->req~login~2>>impl,utest]` in a comment. */
export interface CoverageTag {
  /** The type of artifact the tagged code is: `impl`, `utest`, … */
  artifactType: string;
  /** The tag's own id in the full form (`impl~login-form~1`); the `[impl~~1->…]` form gives no name, so none. */
  ownId?: string;
  /** The tag's own revision, from either full form. */
  ownRevision?: number;
  /** The item covered. */
  target: RequirementId;
  /** Artifact types that must in turn cover the tagged code (`>>impl,utest`), as OFT allows for design files. */
  needs: string[];
  file: string;
  /** The whole tag, brackets included. */
  range: Range;
}
