import { CliError } from './args.js';
import type { CliIo } from './io.js';

/**
 * Today's date, `YYYY-MM-DD`, in UTC everywhere (the editor, `review-by` checks and `rationale new`
 * alike), so a record written late in the evening and the check that reads it agree on the day.
 * `RATIONALE_TODAY` pins it, for tests and reproducible runs.
 */
export function today(io: CliIo, now: () => Date = () => new Date()): string {
  const pinned = io.env.RATIONALE_TODAY;
  if (pinned === undefined || pinned === '') return now().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(Date.parse(`${pinned}T00:00:00Z`))) {
    throw new CliError(`RATIONALE_TODAY must be a date like 2026-05-01 (got "${pinned}")`);
  }
  return pinned;
}
