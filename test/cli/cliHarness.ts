import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

/** The repository root, from `out/test/cli/`. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const bin = nodePath.join(repoRoot, 'bin', 'rationale.js');
/** Real decision-record collections, copied into the repository (tests never read outside it). */
export const corpora = nodePath.join(repoRoot, 'test', 'fixtures', 'corpora');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The workspace the command ran in. */
  dir: string;
}

export interface CliOptions {
  /** Fixture files for a fresh temporary workspace (ignored when `dir` is given). */
  files?: Record<string, string>;
  /** An existing workspace to run in. */
  dir?: string;
  /** The working directory, relative to the workspace (default: the workspace itself). */
  cwd?: string;
  env?: Record<string, string | undefined>;
}

const temps: string[] = [];
after(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** The date every CLI run in the tests takes for today (`RATIONALE_TODAY`). */
export const pinnedToday = '2026-11-23';

/** The check cache of every run, kept out of the user's own cache folder. */
export const cacheDir = workspace();

/** A fresh temporary folder holding `files` (paths with `/`; a trailing `/` makes an empty folder). */
export function workspace(files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(nodePath.join(os.tmpdir(), 'rationale-cli-')));
  temps.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    const abs = nodePath.join(dir, ...rel.split('/'));
    if (rel.endsWith('/')) {
      fs.mkdirSync(abs, { recursive: true });
      continue;
    }
    fs.mkdirSync(nodePath.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return dir;
}

/** A temporary copy of one of the corpora in test/fixtures (never written in place). */
export function corpusCopy(name: string): string {
  const dir = workspace();
  fs.cpSync(nodePath.join(corpora, name), dir, { recursive: true });
  return dir;
}

/** The environment of every CLI run in the tests: no colour forcing, not CI unless asked, today pinned, the test cache. */
export function cliEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !['NO_COLOR', 'FORCE_COLOR', 'CI', 'GITHUB_ACTIONS'].includes(k)) env[k] = v;
  env.RATIONALE_CACHE_DIR = cacheDir;
  // Every run sees the same day, so no result depends on when the tests run (override per test).
  env.RATIONALE_TODAY = pinnedToday;
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/**
 * The one helper: runs `node bin/rationale.js …args` in a workspace (a fresh one built from `files`,
 * or `dir`), with a clean environment (no colour forcing, not CI unless asked, today pinned), and collects the
 * exit code and both streams.
 */
export function rationale(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const dir = options.dir ?? workspace(options.files ?? {});
  const env = cliEnv(options.env);
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: nodePath.join(dir, options.cwd ?? ''), env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr, dir });
    });
  });
}

/** Every file under a folder with its content, to prove a command wrote nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(nodePath.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out[r] = fs.readFileSync(nodePath.join(dir, r), 'utf8');
    }
  };
  walk('');
  return out;
}

export function read(dir: string, rel: string): string {
  return fs.readFileSync(nodePath.join(dir, rel), 'utf8');
}
