import type { CachedCodeFile } from '../core/checks/checkCache.js';
import type { DecisionInfo } from '../core/rules/decisionInfo.js';
import type { RuleSpec } from '../core/rules/ruleSpec.js';

/** What a scan worker gets: everything to compile the same rules and read the same files. Plain data. */
export interface ScanJob {
  root: string;
  maxFileSizeBytes?: number;
  specs: readonly RuleSpec[];
  decisions: readonly [string, DecisionInfo | undefined][];
  /** The main thread's rules key: a worker whose rules come out different refuses the job. */
  rulesKey: string;
  prefixes: readonly string[];
  /** Every listed file, for rules that resolve imports against the file list. */
  files: readonly string[];
  paths: readonly string[];
}

export type ScanResult = { entries: [string, CachedCodeFile][] } | { error: string };
