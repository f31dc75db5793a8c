/**
 * How long work shares the thread with its host. Long work calls `await pace()` between units (a
 * file, a record): a host that must stay responsive (the language server) returns a promise every
 * few milliseconds and serves its waiting requests before resolving it; the CLI never pauses. The
 * clock is the host's, so the core reads none.
 */
export type Pace = () => Promise<void> | undefined;

export const neverPause: Pace = () => undefined;
