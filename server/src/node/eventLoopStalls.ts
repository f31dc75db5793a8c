/**
 * `RATIONALE_TRACE_STALLS=<ms>` reports every stall of the event loop longer than that to stderr,
 * with the monotonic clock in microseconds (the clock of `--cpu-prof` samples), so a stall seen in
 * the bench can be found in a profile of the same run. Off unless asked: a timer every few
 * milliseconds is not free.
 */
export function traceEventLoopStalls(env: NodeJS.ProcessEnv, report: (line: string) => void): void {
  const value = env.RATIONALE_TRACE_STALLS;
  if (value === undefined || value === '') return;
  const threshold = Number(value);
  if (!Number.isFinite(threshold) || threshold <= 0) {
    report(`RATIONALE_TRACE_STALLS must be a positive number of milliseconds, got "${value}"; stalls are not traced`);
    return;
  }
  const tick = 5;
  let last = process.hrtime.bigint();
  const timer = setInterval(() => {
    const now = process.hrtime.bigint();
    const stalledMs = Number(now - last) / 1e6 - tick;
    if (stalledMs > threshold) report(`stall ${stalledMs.toFixed(0)} ms ending at ${now / 1000n} µs`);
    last = now;
  }, tick);
  // The trace must never keep a finished server alive.
  timer.unref();
}
