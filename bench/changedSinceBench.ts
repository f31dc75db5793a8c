/**
 * `rationale check --changed-since` on the bench tree: the tree committed to a fresh repository,
 * then `changedFiles` of its code files edited in the working tree, against a cold full check of
 * the same tree, as processes run in turns.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { timeCliInTurns } from './cliProcess.js';

export interface ChangedSinceTimes {
  changedMs: number;
  fullMs: number;
  /** The summary line of the `--changed-since` run. */
  summary: string;
}

/** Turns `root` into a git repository and edits files in it: run it after every other measure of `root`. */
export function measureChangedSince(root: string, codePaths: readonly string[], changedFiles: number, runs: number): ChangedSinceTimes {
  const git = (args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'init.defaultBranch=main', '-c', 'gc.auto=0', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  git(['init', '-q']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'bench tree']);
  const step = Math.max(1, Math.floor(codePaths.length / changedFiles));
  for (let i = 0; i < changedFiles; i++) fs.appendFileSync(path.join(root, codePaths[i * step]), `export const changed${i} = ${i};\n`);
  const args = (extra: string[]) => ({ args: ['check', '--no-cache', '--fail-on', 'never', ...extra, root], cwd: root });
  const [changed, full] = timeCliInTurns([args(['--changed-since', 'HEAD']), args([])], runs);
  return { changedMs: changed.ms, fullMs: full.ms, summary: changed.stdout.trim().split('\n').pop() ?? '' };
}

/** The row of bench/RESULTS.md's process table. */
export function changedSinceRow(t: ChangedSinceTimes, changedFiles: number): string[] {
  return [`\`rationale check --no-cache --changed-since HEAD\`, ${changedFiles} files changed`, `${t.changedMs.toFixed(1)} ms`, `${(t.changedMs / t.fullMs).toFixed(2)}× a cold full check (${t.fullMs.toFixed(1)} ms); ${t.summary}`, '≤ 0.2× cold full check'];
}
