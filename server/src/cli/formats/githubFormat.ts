import type { Finding } from '../../core/base/finding.js';
import { oneBased } from './checkSummary.js';
import { escapeText } from '../terminalText.js';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), which annotate the pull
 * request. Paths must be relative to the repository root, which is the working directory in Actions.
 */
export function formatGithub(findings: readonly Finding[], pathOf: (f: Finding) => string): string {
  const command = { error: 'error', warning: 'warning', info: 'notice' } as const;
  const out: string[] = [];
  for (const f of findings) {
    const p = oneBased(f);
    const props = [
      `file=${escapeProperty(pathOf(f))}`,
      `line=${p.line}`,
      `col=${p.column}`,
      `endLine=${p.endLine}`,
      `endColumn=${p.endColumn}`,
      `title=${escapeProperty(`Rationale ${f.code}${f.decision ? ` (${f.decision})` : ''}`)}`,
    ];
    out.push(`::${command[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/**
 * The message part: `%`, CR and LF are encoded (as in @actions/core), after every other control
 * and bidi character is written out visibly, since the raw line also shows in the CI log.
 */
export function escapeData(s: string): string {
  return escapeText(s, { keepLineBreaks: true }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: additionally `:` and `,`, which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
