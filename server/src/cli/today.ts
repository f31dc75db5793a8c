import { pinnedToday, utcToday } from '../node/today.js';
import { CliError } from './args.js';
import type { CliIo } from './io.js';

/** Today in UTC, or `RATIONALE_TODAY` when set (server/src/node/today.ts); a bad value is a usage error. */
export function today(io: CliIo, now: () => Date = () => new Date()): string {
  try {
    return pinnedToday(io.env) ?? utcToday(now);
  } catch (e) {
    // A malformed pinned date is the user's input: report it as a usage error (exit 2).
    throw new CliError((e as Error).message);
  }
}
