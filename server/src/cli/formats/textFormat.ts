import type { Finding } from '../../core/base/finding.js';
import type { Colors } from '../colors.js';
import { escapeText } from '../terminalText.js';
import { oneBased, summaryLine, type CheckSummary } from './checkSummary.js';
import { debtLine, mostDebt } from './decisionDebt.js';

/**
 * `path:line:col  severity  code  message  [ADR-0007]`, one finding per line in file order (the
 * location first, and relative to the working directory, so terminals and editors make it
 * clickable), then the summary line.
 */
export function formatText(findings: readonly Finding[], summary: CheckSummary, c: Colors, pathOf: (f: Finding) => string = (f) => f.path): string {
  const out: string[] = [];
  const sev = { error: c.red, warning: c.yellow, info: c.blue };
  const sevWidth = Math.max(0, ...findings.map((f) => f.severity.length));
  const codeWidth = Math.max(0, ...findings.map((f) => f.code.length));
  for (const f of findings) {
    const p = oneBased(f);
    // Paths, messages and ids come from the repository: escaped before any colour is added.
    const where = `${escapeText(pathOf(f))}:${p.line}:${p.column}`;
    const decision = f.decision ? `  ${c.dim(`[${escapeText(f.decision)}]`)}` : '';
    const message = escapeText(f.message.replace(/\s*\r?\n\s*/g, ' '));
    out.push(`${c.bold(where)}  ${sev[f.severity](f.severity.padEnd(sevWidth))}  ${c.dim(f.code.padEnd(codeWidth))}  ${message}${decision}`);
  }
  if (findings.length > 0) out.push('');
  const line = summaryLine(summary);
  out.push(summary.errors > 0 ? c.red(line) : summary.warnings > 0 ? c.yellow(line) : c.green(line));
  out.push(...debtLines(summary, c));
  return `${out.join('\n')}\n`;
}

/** The decisions with the most debt, when some decision carries exceptions or baselined findings (plain findings are listed above). */
function debtLines(summary: CheckSummary, c: Colors): string[] {
  const top = mostDebt(summary.byDecision);
  if (!top.some(([, d]) => d.exceptions + d.expired + d.baselined > 0)) return [];
  return [c.dim('Most debt:'), ...top.map(([id, d]) => `  ${escapeText(debtLine(id, d))}`)];
}
