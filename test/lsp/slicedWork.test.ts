import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SlicedWork, slicePace } from '../../server/src/lsp/slicedWork.js';

/** Busy for `ms` of wall time, as a slice of real work is. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spinning on purpose: the work under test holds the thread
  }
}

/**
 * Messages handled the way vscode-jsonrpc handles its queue: one per `setImmediate` turn, each
 * recorded in `events` beside the work's steps.
 */
function jsonRpcLikeQueue(count: number, events: string[]): void {
  let left = count;
  const next = () => {
    // A request takes a fraction of a millisecond to parse, answer and send.
    busy(0.3);
    events.push('message');
    if (--left > 0) setImmediate(next);
  };
  setImmediate(next);
}

describe('sliced work shares the thread with a request queue', () => {
  it('serves every queued request between two slices, not one per slice', async () => {
    const events: string[] = [];
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const work = new SlicedWork<void>(() => finished());
    work.start(
      (function* () {
        // 200 ms of work in 1 ms steps: about 13 slices of 15 ms.
        for (let i = 0; i < 200; i++) {
          busy(1);
          events.push('step');
          yield;
        }
      })(),
    );
    jsonRpcLikeQueue(40, events);
    await done;
    const lastMessage = events.lastIndexOf('message');
    const stepsBefore = events.slice(0, lastMessage).filter((e) => e === 'step').length;
    assert.equal(events.filter((e) => e === 'message').length, 40);
    // One message per slice would have left most of them waiting until the work was done.
    assert.ok(stepsBefore < 40, `the last of 40 queued requests waited for ${stepsBefore} steps of work`);
  });

  it('a cancelled job is ended, so its cleanup runs', () => {
    let cleaned = false;
    const steps = (function* () {
      try {
        for (;;) yield;
      } finally {
        cleaned = true;
      }
    })();
    // Started, as a job is once its first slice ran: its `finally` is pending.
    steps.next();
    const work = new SlicedWork<void>(() => undefined);
    work.start(steps);
    work.cancel();
    assert.equal(cleaned, true);
    assert.equal(work.running, false);
  });

  it('the pace asks for a pause only once a slice of work has passed', async () => {
    const pace = slicePace();
    assert.equal(pace(), undefined, 'the first call starts a slice');
    busy(20);
    const pause = pace();
    assert.ok(pause instanceof Promise, 'a slice of 15 ms is over after 20 ms of work');
    await pause;
    assert.equal(pace(), undefined, 'after the pause a new slice starts');
  });
});
