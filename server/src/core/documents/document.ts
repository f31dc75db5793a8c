import type { FileRequirements } from '../requirements/fileRequirements.js';
import type { Finding } from '../base/finding.js';
import type { Range } from '../base/range.js';
import type { RuleSpec } from '../rules/ruleSpec.js';

export type DocKind = 'goal' | 'project' | 'decision';

export const docKinds: readonly DocKind[] = ['goal', 'project', 'decision'];

export type LinkType =
  | 'supersedes'
  | 'superseded-by'
  | 'amends'
  | 'amended-by'
  | 'project'
  | 'goal'
  | 'relates-to'
  /** A plain relative Markdown link to another file. */
  | 'markdown';

/**
 * The kind of document a typed link must point to; undefined for `relates-to` and plain Markdown
 * links, which may point at any document.
 */
export const linkTargetKinds: Readonly<Record<LinkType, DocKind | undefined>> = {
  supersedes: 'decision', 'superseded-by': 'decision', amends: 'decision', 'amended-by': 'decision',
  project: 'project', goal: 'goal', 'relates-to': undefined, markdown: undefined,
};

export interface DocLink {
  type: LinkType;
  /** An id (`ADR-0007`, `GOAL-growth`) or, for path links, a workspace-relative path. */
  target: string;
  targetIsPath: boolean;
  /** Where the link is written, for diagnostics and go-to-definition. */
  range: Range;
  /** Path links: the text as written, for messages. */
  raw?: string;
}

/**
 * Where a document states its status, which is how its format is told apart: YAML front matter
 * (MADR 3/4), `- Status:` bullets before the first `##` (MADR 2, log4brains), a `## Status`
 * section (adr-tools, Nygard), a Kubernetes enhancement proposal's `kep.yaml` (`kep`), or none of
 * them (`plain`; `front-matter` when it has front matter).
 */
export type DocumentFormat = 'front-matter' | 'header-bullets' | 'status-section' | 'kep' | 'plain';

/** A labelled web address outside the repository: `rfc pr` → `https://github.com/rust-lang/rfcs/pull/1`. */
export interface WebLink {
  label: string;
  url: string;
  range: Range;
}

/** A goal, project (PRD) or decision (ADR), parsed from one Markdown file. Pure data. */
export interface RationaleDocument {
  kind: DocKind;
  path: string;
  /** Canonical id: front matter `id`, else `ADR-0007` from a numbered file, else the file slug. */
  id: string;
  /** Other spellings that resolve to this document (normalised by `normalizeId`). */
  aliases: string[];
  /** For numbered files, the number (7 for `0007-use-postgres.md`). */
  number?: number;
  /** log4brains package the document belongs to, if any. */
  package?: string;
  title: string;
  titleRange: Range;
  /** Normalised status, or the verbatim text when it is unknown, or undefined when none is written. */
  status?: string;
  rawStatus?: string;
  /** How the document was read (setup report). */
  format: DocumentFormat;
  statusKnown: boolean;
  statusRange?: Range;
  date?: string;
  reviewBy?: string;
  reviewByRange?: Range;
  priority?: string | number;
  appetite?: string;
  owner?: string;
  decisionMakers?: string[];
  /** Who wrote it, when the format names authors apart from decision makers (a KEP's `authors`). */
  authors?: string[];
  /** Release milestones by stage (a KEP's `alpha: "v1.27"`). */
  milestones?: Record<string, string>;
  /** Web addresses the header gives for the document's pull request and tracking issue (RFC repositories). */
  webLinks?: WebLink[];
  /** `applies-to` globs, relative to the workspace root. */
  appliesTo: string[];
  appliesToRange?: Range;
  links: DocLink[];
  rules: RuleSpec[];
  /** First paragraph of the context or decision text, plain, for hovers. */
  summary: string;
  frontMatter?: Record<string, unknown>;
  /** Range of the YAML between the `---` fences, when there is front matter. */
  frontMatterRange?: Range;
  /** Parse-level findings: malformed YAML, schema violations, unknown status. */
  problems: Finding[];
  /** sha1-free cheap content hash for caches. */
  hash: string;
  /**
   * Set on documents of another folder (`.rationale.json` `sources`): then `id` and `path` are
   * qualified (`strategy:GOAL-3`, `strategy:goals/3.md`) and this says where the file really is.
   */
  source?: { name: string; path: string };
  /** Requirement items and tags in the document, set by the index (not the parser) so the cache keeps them. */
  requirements?: FileRequirements;
}
