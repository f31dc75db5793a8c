import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';

/** Runs git in `dir` with a fixed identity and no user or system configuration, so runs are the same everywhere. */
export function git(dir: string, args: readonly string[]): string {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' };
  return execFileSync('git', ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Writes `files` into `dir` (paths with `/`); a null content deletes the file. */
export function writeFiles(dir: string, files: Record<string, string | null>): void {
  for (const [rel, text] of Object.entries(files)) {
    const abs = nodePath.join(dir, ...rel.split('/'));
    if (text === null) {
      fs.rmSync(abs, { force: true });
      continue;
    }
    fs.mkdirSync(nodePath.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
}

/** Makes `dir` a repository whose branch `main` holds `files` in one commit. */
export function initRepository(dir: string, files: Record<string, string>): void {
  writeFiles(dir, files);
  git(dir, ['init', '-q']);
  commitAll(dir, 'base');
}

export function commitAll(dir: string, message: string): void {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--allow-empty', '-m', message]);
}
