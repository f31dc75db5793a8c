import type { Finding } from '../base/finding.js';
import { isCalendarDate } from '../base/calendarDate.js';
import type { Suppression } from '../source/codeReference.js';
import { resolveId, type WorkspaceIndex } from '../index/workspaceIndex.js';

/** Whether an exception holds on `today`: it has no end, its end is today or later, it ended, or its end is unreadable. */
export type ExceptionEnd = 'open' | 'holds' | 'expired' | 'malformed';

/** The end date is the last day the exception holds; `today` is `YYYY-MM-DD` from the check's options. */
export function exceptionEnd(s: Suppression, today: string): ExceptionEnd {
  if (s.until === undefined) return 'open';
  if (!isCalendarDate(s.until)) return 'malformed';
  return s.until < today ? 'expired' : 'holds';
}

/** Whether the exception may still silence findings: an expired or unreadable end silences nothing. */
export function exceptionInForce(s: Suppression, today: string): boolean {
  const end = exceptionEnd(s, today);
  return end === 'open' || end === 'holds';
}

/** An `expired-exception` or `malformed-exception` finding on each exception that no longer silences anything. */
export function exceptionEndFindings(index: WorkspaceIndex, path: string, suppressions: readonly Suppression[], today: string): Finding[] {
  const out: Finding[] = [];
  for (const s of suppressions) {
    const end = exceptionEnd(s, today);
    if (end !== 'expired' && end !== 'malformed') continue;
    const cited = s.ids.map((i) => resolveId(index, i)).find((d) => d !== undefined);
    const named = cited ? `${cited.id} (${cited.title})` : s.ids.length > 0 ? s.ids.join(', ') : 'every finding on the next line';
    out.push(
      end === 'expired'
        ? {
            path, range: s.range, severity: 'warning', code: 'expired-exception', decision: cited?.id ?? null,
            message: `Exception to ${named} expired on ${s.until}: it no longer excuses anything. Fix the code, or renew the exception with a new \`until\` date and a reason.`,
            data: { until: s.until },
          }
        : {
            path, range: s.range, severity: 'warning', code: 'malformed-exception', decision: cited?.id ?? null,
            message: `Exception to ${named} has an unreadable end date "${s.until}": write \`until YYYY-MM-DD\` (a real day). Until then it excuses nothing.`,
            data: { until: s.until },
          },
    );
  }
  return out;
}
