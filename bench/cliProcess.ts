/**
 * The CLI as a user runs it: a fresh `node bin/rationale.js` process, timed from spawn to exit,
 * output captured through a pipe as a terminal-less shell would. Start-up and module loading count,
 * because the user waits for them too.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';

/** bin/rationale.js of this checkout (the bench runs from out/bench/). */
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/rationale.js');

export interface CliRun {
  ms: number;
  stdout: string;
  status: number;
}

/** One run; exit codes 0 and 1 (findings reached --fail-on) are results, anything else is a failure of the bench. */
export function runCli(args: readonly string[], cwd: string): CliRun {
  const t = performance.now();
  const p = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t;
  if (p.status !== 0 && p.status !== 1) throw new Error(`rationale ${args.join(' ')} exited with ${p.status ?? p.signal}: ${p.stderr.slice(0, 2000)}`);
  return { ms, stdout: p.stdout, status: p.status };
}

/**
 * Medians (and the last output) of several commands run in turns (a, b, a, b, …), so a burst of load from the other
 * processes on the machine falls on all of them alike and their ratio stays fair.
 */
export function timeCliInTurns(commands: readonly { args: readonly string[]; cwd: string }[], runs: number): { ms: number; stdout: string }[] {
  const times = commands.map(() => [] as number[]);
  const last: string[] = [];
  for (let i = 0; i < runs; i++) {
    commands.forEach((c, j) => {
      const run = runCli(c.args, c.cwd);
      times[j].push(run.ms);
      last[j] = run.stdout;
    });
  }
  // The output of the last run, for the counts a row reports alongside its time.
  return times.map((xs, j) => ({ ms: median(xs), stdout: last[j] }));
}
