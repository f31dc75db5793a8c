import type { Finding } from '../../base/finding.js';
import type { WorkspaceIndex } from '../../index/workspaceIndex.js';
import type { LaidOutGraph } from './graphLayout.js';

/** What one decision's rules and citations leave undone (the check summary's `byDecision`). */
export interface SiteDebt {
  findings: number;
  exceptions: number;
  expired: number;
  baselined: number;
}

/** Everything a site is made from; the host reads and checks, the core only renders. */
export interface SiteInput {
  index: WorkspaceIndex;
  /** The text of a workspace file, for documents' bodies and mentions. */
  read(path: string): string | undefined;
  /** The check's findings, as `rationale check` reports them. */
  findings: readonly Finding[];
  /** Debt per decision id, from the check summary. */
  debt: Readonly<Record<string, SiteDebt>>;
  /** `YYYY-MM-DD`: the day ages and overdue reviews are counted to. */
  today: string;
  /** The graph laid out by the host (ELK) from `graphLayoutRequest`; without it, the home page has no picture. */
  layout?: LaidOutGraph;
  /** A name for the site: the workspace's folder. */
  siteName: string;
}
