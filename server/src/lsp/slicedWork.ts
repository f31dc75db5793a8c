import { yieldToEventLoop } from '../core/base/yieldToEventLoop.js';

/** How long one slice of background work may hold the event loop before requests are served. */
export const sliceMillis = 15;

/**
 * One piece of background work at a time, run in slices of at most `sliceMillis` between which
 * requests are served. Starting new work drops the old (a newer edit made it stale); a caller that
 * cannot wait drains the rest synchronously.
 */
export class SlicedWork<T> {
  private job: { steps: Generator<void, T>; done: Promise<void> } | undefined;

  constructor(private readonly onDone: (result: T) => void) {}

  get running(): boolean {
    return this.job !== undefined;
  }

  /** Drops any work in progress and starts `steps` after the current event-loop turn. */
  start(steps: Generator<void, T>): void {
    const job = { steps, done: Promise.resolve() };
    this.job = job;
    job.done = this.run(job);
  }

  /** Drops the work in progress, if any: what it would have found is stale. */
  cancel(): void {
    this.job = undefined;
  }

  /** Resolves when no work is left: the last started has finished (or was drained). */
  async settled(): Promise<void> {
    while (this.job) await this.job.done;
  }

  /** Finishes the work in progress now, for a caller that needs its result synchronously. */
  drain(): void {
    const job = this.job;
    if (!job) return;
    for (;;) {
      const r = job.steps.next();
      if (r.done) return this.finish(job, r.value);
    }
  }

  private async run(job: { steps: Generator<void, T> }): Promise<void> {
    for (;;) {
      // First of all: the edit that started the work is answered before any of it runs.
      await yieldToEventLoop();
      if (this.job !== job) return;
      const deadline = performance.now() + sliceMillis;
      for (;;) {
        const r = job.steps.next();
        if (r.done) return this.finish(job, r.value);
        if (performance.now() >= deadline) break;
      }
    }
  }

  private finish(job: object, result: T): void {
    if (this.job !== job) return;
    this.job = undefined;
    this.onDone(result);
  }
}
