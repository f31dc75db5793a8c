import { debtText, totalDebt, type DecisionDebt } from '../../core/checks/decisionDebt.js';

/** The `limit` decisions with the most debt, most first (ties by id). */
export function mostDebt(byDecision: Record<string, DecisionDebt>, limit = 5): [string, DecisionDebt][] {
  return Object.entries(byDecision)
    .sort(([a, x], [b, y]) => totalDebt(y) - totalDebt(x) || (a < b ? -1 : 1))
    .slice(0, limit);
}

/** `ADR-0007  12  (3 findings, 2 exceptions, 1 expired, 6 baselined)`: the parts that are not zero. */
export function debtLine(id: string, d: DecisionDebt): string {
  return `${id}  ${totalDebt(d)}  (${debtText(d)})`;
}
