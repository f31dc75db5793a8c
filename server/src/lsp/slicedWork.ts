import { yieldToEventLoop } from '../core/base/yieldToEventLoop.js';
import type { Pace } from '../core/base/pace.js';

/** How long one slice of background work may hold the event loop before requests are served. */
export const sliceMillis = 15;

/** A turn of the event loop longer than this ran something: a request, an edit, a watcher event. */
const busyTurnMillis = 0.1;

/** The most turns handed over between two slices, so work still progresses under a flood of requests. */
const maxTurns = 64;

/**
 * Hands the event loop to whatever is waiting, then returns. vscode-jsonrpc handles one queued
 * message per turn (one `setImmediate` each), so a single yield between slices served one request
 * per slice, and hovers sent faster than that queued up behind a recheck for seconds. Turns are
 * handed over until one comes back idle.
 */
export async function serveWaiting(): Promise<void> {
  for (let turn = 0; turn < maxTurns; turn++) {
    const start = performance.now();
    await yieldToEventLoop();
    if (turn > 0 && performance.now() - start < busyTurnMillis) return;
  }
}

/**
 * The language server's `Pace` for work it awaits (the start-up pass): after `sliceMillis` of work,
 * requests are served. The slice starts when work resumes, so time spent serving is not counted.
 */
export function slicePace(): Pace {
  let deadline: number | undefined;
  return () => {
    const now = performance.now();
    if (deadline === undefined) deadline = now + sliceMillis;
    if (now < deadline) return undefined;
    deadline = undefined;
    return serveWaiting();
  };
}

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
    this.cancel();
    const job = { steps, done: Promise.resolve() };
    this.job = job;
    job.done = this.run(job);
  }

  /** Drops the work in progress, if any: what it would have found is stale. */
  cancel(): void {
    const job = this.job;
    this.job = undefined;
    // Ends the generator where it stopped, so its `finally` blocks run (a half-written file is removed).
    job?.steps.return(undefined as T);
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
      await serveWaiting();
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
