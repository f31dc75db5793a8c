import { spawnSync } from 'node:child_process';
import { wholeFile, type ChangedFiles, type ChangedLines } from '../core/checks/changedLines.js';
import { addedLines } from '../core/checks/unifiedDiff.js';

/** Why the changes since a ref could not be worked out, in words that name the fix. */
export class GitChangesError extends Error {}

/** How CI fixes a clone without the history a merge base needs. */
const historyFix = 'in GitHub Actions set `fetch-depth: 0` on actions/checkout; elsewhere run `git fetch --unshallow` (or fetch the ref)';

/**
 * The lines added or changed in the working tree since the merge base of `ref` and HEAD, by path
 * relative to `root` (files outside it are left out); untracked files count as wholly changed.
 * Git runs with an argument array, never a shell, so a ref cannot smuggle in a command.
 */
export function changedSince(root: string, ref: string): ChangedFiles {
  if (ref === '' || ref.startsWith('-')) throw new GitChangesError(`--changed-since needs a git ref such as origin/main (got "${ref}")`);
  // One process for both questions: each spawn of git costs a few milliseconds of the change's budget.
  const about = git(root, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository']);
  if (about.status !== 0) {
    // Git's own words matter when it refuses a repository it found (`safe.directory` in containers).
    const why = about.stderr.trim().split('\n')[0] ?? '';
    throw new GitChangesError(/not a git repository/i.test(why) || why === '' ? `--changed-since needs a git repository, and ${root} is not inside one` : `--changed-since cannot use the git repository at ${root}: ${why}`);
  }
  const base = git(root, ['merge-base', '--end-of-options', ref, 'HEAD']);
  if (base.status !== 0) throw noMergeBase(root, ref, about.stdout.trim().split('\n')[1] === 'true');
  const diff = git(root, ['-c', 'core.quotePath=false', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--relative', base.stdout.trim(), '--']);
  if (diff.status !== 0) throw new GitChangesError(`git diff failed: ${diff.stderr.trim()}`);
  const changed = addedLines(diff.stdout);
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  if (untracked.status !== 0) throw new GitChangesError(`git ls-files failed: ${untracked.stderr.trim()}`);
  for (const path of untracked.stdout.split('\0')) if (path !== '') changed.set(path, wholeFile);
  return changed as ReadonlyMap<string, ChangedLines>;
}

/** Why git found no merge base: the ref is unknown (perhaps not fetched), the clone too shallow, or the histories unrelated. */
function noMergeBase(root: string, ref: string, shallow: boolean): GitChangesError {
  if (git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).status !== 0) {
    return new GitChangesError(`unknown git ref "${ref}"${shallow ? ' in this shallow clone' : ''}: fetch it first; ${historyFix}`);
  }
  return new GitChangesError(shallow
    ? `this clone is too shallow to find where HEAD left "${ref}": ${historyFix}`
    : `"${ref}" and HEAD share no history, so there is no merge base to compare with`);
}

function git(cwd: string, args: readonly string[]): { status: number; stdout: string; stderr: string } {
  // No hook, monitor or pager of the repository's configuration runs on our behalf.
  const r = spawnSync('git', ['-c', 'core.fsmonitor=false', '--no-pager', ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } });
  if (r.error) throw new GitChangesError(`could not run git (${r.error.message}); --changed-since needs git on the PATH`);
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}
