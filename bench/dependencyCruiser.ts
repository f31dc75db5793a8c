/**
 * dependency-cruiser, installed by scripts/ensure-dependency-cruiser.sh into .cache/bench-tools,
 * enforcing the imports the generated decisions forbid: one `forbidden` rule from src/ to those
 * packages, the way a team would write it in .dependency-cruiser.cjs.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type CruiseResult =
  | { installed: true; version: string; ms: number; violations: number; modules: number }
  | { installed: true; version: string; stoppedAfterMs: number }
  | { installed: false; why: string };

/**
 * Past this it is stopped, so the bench stays within its quarter hour (on 20,000 files it needs about
 * 4.5 min of CPU); the row then gives a bound, which is enough to tell whether Rationale is 10× faster.
 */
const timeoutMs = 150_000;

function binary(repo: string): string {
  return path.join(repo, '.cache/bench-tools/node_modules/.bin/depcruise');
}

/** The rule as dependency-cruiser's configuration; unresolvable packages keep their bare name as the path. */
function config(forbidden: readonly string[]): string {
  const rule = { name: 'rationale-forbid-import', severity: 'error', from: { path: '^src/' }, to: { path: `^(${forbidden.join('|')})$` } };
  return `module.exports = ${JSON.stringify({ forbidden: [rule], options: { tsPreCompilationDeps: true } }, null, 2)};\n`;
}

/** One run over `root`/src, timed from spawn to exit like the CLI rows. */
export function runDependencyCruiser(repo: string, root: string, forbidden: readonly string[]): CruiseResult {
  const bin = binary(repo);
  if (!fs.existsSync(bin)) return { installed: false, why: 'not installed (scripts/ensure-dependency-cruiser.sh could not reach the npm registry)' };
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  // The configuration lives outside the tree, so dependency-cruiser does not read it as a module.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-depcruise-'));
  try {
    const configFile = path.join(dir, 'dependency-cruiser.cjs');
    fs.writeFileSync(configFile, config(forbidden));
    const t = performance.now();
    const run = spawnSync(bin, ['--config', configFile, '--output-type', 'err', 'src'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutMs });
    const ms = performance.now() - t;
    if (run.signal === 'SIGTERM' && ms >= timeoutMs) return { installed: true, version, stoppedAfterMs: ms };
    // Its exit code is the number of errors found; the summary line says how many and over what.
    const summary = /(\d+) dependency violations[^\n]*?(\d+) modules/.exec(run.stdout) ?? /no dependency violations found \((\d+) modules/.exec(run.stdout);
    if (!summary) throw new Error(`dependency-cruiser gave no summary (exit ${run.status ?? run.signal}): ${(run.stderr || run.stdout).slice(0, 2000)}`);
    const violations = summary.length === 3 ? Number(summary[1]) : 0;
    return { installed: true, version, ms, violations, modules: Number(summary[summary.length - 1]) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
