import type { Finding } from '../base/finding.js';

/** What one decision's rules and citations leave undone: the debt to pay down, by kind. */
export interface DecisionDebt {
  /** New findings that concern the decision. */
  findings: number;
  /** Findings excused by an exception in force. */
  exceptions: number;
  /** Exceptions past their `until` date (`expired-exception`). */
  expired: number;
  /** Findings `.rationale-baseline.json` accepts. */
  baselined: number;
}

/** Findings about the baseline or an exception's date are not debt of their own, only `expired` is. */
const notDebt = new Set<string>(['stale-baseline', 'expired-exception', 'malformed-exception']);

/**
 * Debt per decision id, ids in sorted order (a stable JSON summary); findings without a decision
 * are left out. The CLI's summary (`byDecision`) and the editor's Mental Model both count with it.
 */
export function debtByDecision(findings: readonly Finding[], suppressed: readonly Finding[], baselined: readonly Finding[]): Record<string, DecisionDebt> {
  const debt = new Map<string, DecisionDebt>();
  const add = (list: readonly Finding[], kind: keyof DecisionDebt, keep: (f: Finding) => boolean) => {
    for (const f of list) {
      if (f.decision === null || !keep(f)) continue;
      let d = debt.get(f.decision);
      if (!d) debt.set(f.decision, (d = { findings: 0, exceptions: 0, expired: 0, baselined: 0 }));
      d[kind]++;
    }
  };
  add(findings, 'findings', (f) => !notDebt.has(f.code));
  add(findings, 'expired', (f) => f.code === 'expired-exception');
  add(suppressed, 'exceptions', () => true);
  add(baselined, 'baselined', () => true);
  const out: Record<string, DecisionDebt> = {};
  for (const id of [...debt.keys()].sort()) out[id] = debt.get(id)!;
  return out;
}

export function totalDebt(d: DecisionDebt): number {
  return d.findings + d.exceptions + d.expired + d.baselined;
}

/** `3 findings, 2 exceptions, 1 expired, 6 baselined`: the parts that are not zero, in one wording everywhere. */
export function debtText(d: DecisionDebt): string {
  return [
    d.findings ? `${d.findings} finding${d.findings === 1 ? '' : 's'}` : '',
    d.exceptions ? `${d.exceptions} exception${d.exceptions === 1 ? '' : 's'}` : '',
    d.expired ? `${d.expired} expired` : '',
    d.baselined ? `${d.baselined} baselined` : '',
  ].filter((p) => p).join(', ');
}
