/**
 * Today's date, `YYYY-MM-DD`, in UTC for every host (the editor, `review-by` checks and
 * `rationale new` alike), so a record written late in the evening and the check that reads it
 * agree on the day. `RATIONALE_TODAY` pins it, for tests and reproducible runs; the CLI and the
 * language server both read it here, so they cannot disagree on what a pinned date means.
 */
export function utcToday(now: () => Date = () => new Date()): string {
  return now().toISOString().slice(0, 10);
}

/** The pinned date from the environment, undefined when none is set; throws on a malformed one. */
export function pinnedToday(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const pinned = env.RATIONALE_TODAY;
  if (pinned === undefined || pinned === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(Date.parse(`${pinned}T00:00:00Z`))) {
    throw new Error(`RATIONALE_TODAY must be a date like 2026-05-01 (got "${pinned}")`);
  }
  return pinned;
}
