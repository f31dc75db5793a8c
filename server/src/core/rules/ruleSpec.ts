import type { FindingCode, Severity } from '../base/finding.js';
import type { Range } from '../base/range.js';
import { orList } from '../base/orList.js';

/**
 * The one list of rule kinds: the parser accepts these keys, the engine compiles them, help texts
 * and quick fixes name them, and a test holds schemas/decision.schema.json to the same list.
 */
export const ruleKinds = ['forbid-import', 'forbid-pattern', 'require-pattern', 'forbid-dependency', 'forbid-layer'] as const;

export type RuleKind = (typeof ruleKinds)[number];

/** Each rule kind is also the finding code of its violations (this line stops compiling otherwise). */
const ruleKindsAreFindingCodes: readonly FindingCode[] = ruleKinds;
void ruleKindsAreFindingCodes;

/** `forbid-import, forbid-pattern, … or forbid-layer`, for messages and help. */
export const ruleKindsInWords = orList(ruleKinds);

/** The keys a rule may carry besides its kind. */
export const ruleOptionKeys = ['files', 'except', 'severity', 'message'] as const;

/**
 * One machine-readable rule from a decision's `rules:` front matter, validated and normalised.
 * Rules are data: nothing here is ever executed, and patterns are compiled by a linear-time engine.
 */
export interface RuleSpec {
  kind: RuleKind;
  /** Id of the decision that declares the rule. */
  decision: string;
  /** Position in the decision's `rules:` list, for stable rule identities (`ADR-0007#0`). */
  index: number;
  /** forbid-import: module specifiers or globs. forbid-dependency: package names or globs. */
  targets: string[];
  /** forbid-pattern / require-pattern: RE2 syntax. */
  pattern?: string;
  /** forbid-layer: files whose imports are checked, and where those imports must not resolve. */
  from?: string[];
  to?: string[];
  /** Globs of files the rule applies to; empty means the decision's applies-to, else everything. */
  files: string[];
  except: string[];
  severity: Severity;
  message?: string;
  /** Where the rule is written in the decision's front matter. */
  range: Range;
}
