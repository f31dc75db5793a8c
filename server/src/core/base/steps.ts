import type { Pace } from './pace.js';

/**
 * Work written as a generator that only pauses (it yields nothing a caller needs and takes nothing
 * back), so one piece of code serves both a host that must stay responsive and one that need not.
 */
export type Steps<T> = Generator<unknown, T>;

/** Runs steps straight to their result (the CLI, a caller that needs the answer now). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs steps to their result, pausing whenever the host's pace asks (a language server serving requests). */
export async function runStepsPaced<T>(steps: Steps<T>, pace: Pace): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    const pause = pace();
    if (pause) await pause;
  }
}
