import type { Finding } from '../base/finding.js';
import type { Range } from '../base/range.js';
import type { DecisionInfo } from './decisionInfo.js';
import type { FileContext } from './fileContext.js';
import type { RuleScope } from './ruleScope.js';
import type { RuleSpec } from './ruleSpec.js';

/** A rule ready to run: globs and patterns compiled once, applied to many files. */
export interface CompiledRule {
  readonly spec: RuleSpec;
  /** Whether the rule can report anything in this file; lets callers skip reading files. */
  appliesTo(path: string): boolean;
  /**
   * Rules with equal keys give `appliesTo` the same answer for every file except their declaring
   * documents (`scope.own`), so the engine asks once per key. Undefined: ask this rule itself.
   */
  readonly scopeKey?: string;
  /**
   * Names the rule can only report on: it finds nothing in a file unless `names(file)` contains
   * one of `on`. Lets the engine skip hundreds of rules per file with one map lookup per name.
   */
  readonly trigger?: { on: readonly string[]; names: (file: FileContext) => ReadonlySet<string> };
  readonly scope?: RuleScope;
  /**
   * Needles (base/searchNeedle.ts) one of which matches every file the rule can report in, so a
   * search may leave the other files unread. Undefined when no needle can foretell the rule's
   * findings (a missing pattern, where a file sits among others): every file it applies to is read.
   */
  readonly needles?: readonly string[];
  check(file: FileContext): Finding[];
  /** Why the rule cannot run (e.g. a pattern RE2 rejects); such a rule reports nothing. */
  readonly invalid?: string;
}

/** What every rule kind gets besides its spec. */
export interface RuleSetup {
  spec: RuleSpec;
  decision: DecisionInfo | undefined;
  /** The files the rule governs: its scope globs minus `except` and the declaring document. */
  inScope: (path: string) => boolean;
  scope: RuleScope;
}

/** A rule whose spec cannot run; it matches no file and explains itself through `invalid`. */
export function invalidRule(spec: RuleSpec, why: string): CompiledRule {
  return { spec, invalid: why, appliesTo: () => false, check: () => [] };
}

/** Where a rule found something, and what: `lead` begins the message (`Import of x is forbidden by`). */
export interface RuleHit {
  path: string;
  range: Range;
  lead: string;
  /** Extra data for quick fixes and machine-readable output. */
  data?: Record<string, unknown>;
}

export function ruleFinding(setup: RuleSetup, { path, range, lead, data = {} }: RuleHit): Finding {
  const { spec } = setup;
  return {
    path,
    range,
    severity: spec.severity,
    code: spec.kind,
    decision: spec.decision,
    message: ruleMessage(lead, spec, setup.decision),
    data: { rule: spec.index, ...data },
  };
}

/** `<lead> is forbidden by ADR-0007 (Use date-fns for dates): <rule message>`. */
function ruleMessage(lead: string, spec: RuleSpec, decision: DecisionInfo | undefined): string {
  const text = `${lead} ${decisionLabel(spec.decision, decision)}`;
  return spec.message ? `${text}: ${spec.message}` : `${text}.`;
}

function decisionLabel(id: string, decision: DecisionInfo | undefined): string {
  const title = decision?.title?.trim();
  return title && title !== id ? `${id} (${title})` : id;
}

/** Text from a scanned file, made safe to quote inside a one-line message. */
export function code(text: string, max = 80): string {
  let t = text.replace(/\s+/g, ' ').trim().replace(/`/g, "'");
  if (t === '') t = JSON.stringify(text).slice(1, -1);
  if (t.length > max) t = `${t.slice(0, max - 1)}…`;
  return `\`${t}\``;
}
