// @decision ADR-0006: a failed reindex is surfaced and recovered from, not swallowed.
/**
 * Requests wait until the indexing queued before them is done. A failed indexing is reported (to the
 * caller that asked for it, and to the log) but never leaves the server unusable: later requests
 * are served from the last good snapshot, and the next reindex starts afresh.
 */
export class Readiness {
  /** Settles when the queued work is done, whether it succeeded or not: it never rejects. */
  private settled: Promise<void> = Promise.resolve();

  constructor(private readonly reportFailure: (what: string, error: unknown) => void) {}

  /** Resolves once the work queued so far has finished, successfully or not. */
  whenReady(): Promise<void> {
    return this.settled;
  }

  /** Queues `work` after what is queued; the caller gets its outcome, including a failure. */
  run<T>(what: string, work: () => Promise<T>): Promise<T> {
    const outcome = this.settled.then(work);
    this.settled = outcome.then(
      () => undefined,
      (e: unknown) => this.reportFailure(what, e),
    );
    return outcome;
  }

  /** Queues `work` nobody waits on; a failure goes to `reportFailure` only. */
  queue(what: string, work: () => Promise<unknown> | void): void {
    this.run(what, async () => work()).catch(() => {
      // Already reported: `run` handed the same failure to reportFailure when it settled.
    });
  }
}
