import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { yieldToEventLoop } from '../core/base/yieldToEventLoop.js';

/** Where and how ripgrep searches one workspace. */
export interface RipgrepSearch {
  /** The ripgrep executable. */
  rg: string;
  /** The workspace root, where ripgrep runs. */
  root: string;
  /** The workspace's size limit: larger files cannot be read, so they are never reported as clean. */
  maxFileSizeBytes: number;
  /** Folders and extensions the workspace never lists: not worth ripgrep's time either. */
  skippedDirectories: Iterable<string>;
  binaryExtensions: Iterable<string>;
  /** Where a failed search is reported; the check then reads every file itself. */
  onWarning: (message: string) => void;
}

/**
 * Bytes that make the workspace's `decodeText` refuse a file or read it otherwise than as UTF-8:
 * a NUL (binary), and the bytes of a UTF-16 byte order mark, which valid UTF-8 never contains. A
 * file holding one is read by the checker, which reports it or decodes it.
 */
const undecodable = ['\\x00', '(?-u:\\xFE|\\xFF)'];

/**
 * The files among `paths` in which ripgrep finds none of `needles`, or undefined when it could not
 * search (reported through `onWarning`). Ripgrep walks the tree itself, which is faster than
 * naming 20,000 files on command lines, and honours `.gitignore` only (not `.ignore`, global or
 * parent ignore files); a file it does not list is simply read by the checker, so where its walk
 * and the workspace's differ (links it does not follow), only speed is lost. A file is listed only
 * when it is a regular file ripgrep read in full, within the size limit, without a NUL or a byte
 * order mark: exactly the files the workspace reads as UTF-8 text.
 */
export async function ripgrepFilesMatchingNone(search: RipgrepSearch, paths: readonly string[], needles: readonly string[]): Promise<ReadonlySet<string> | undefined> {
  if (paths.length === 0) return new Set();
  // The needles go in on stdin, one a line (none holds a line break): thousands of rules would
  // overflow a command line, Windows' first.
  const run = await runRipgrep(search, ripgrepArguments(search), [...needles, ...undecodable].join('\n'));
  if ('failure' in run) {
    search.onWarning(`ripgrep (${search.rg}) ${run.failure}; every file was read without it`);
    return undefined;
  }
  const wanted = new Set<string>();
  let done = 0;
  for (const p of paths) {
    if (++done % 5000 === 0) await yieldToEventLoop();
    wanted.add(p);
  }
  const out = new Set<string>();
  for (const listed of run.stdout.split('\0')) {
    // 100,000 listed files take a tenth of a second: a language server serves requests meanwhile.
    if (++done % 5000 === 0) await yieldToEventLoop();
    const path = normalizeListed(listed);
    if (wanted.has(path)) out.add(path);
  }
  return out;
}

function ripgrepArguments(search: RipgrepSearch): string[] {
  const args = ['--no-config', '--files-without-match', '--null', '--text', '--encoding', 'none', '--hidden', '--no-require-git'];
  args.push('--no-ignore-dot', '--no-ignore-exclude', '--no-ignore-global', '--no-ignore-parent');
  args.push('--max-filesize', String(search.maxFileSizeBytes));
  for (const dir of search.skippedDirectories) args.push('--glob', `!${dir}`);
  for (const ext of search.binaryExtensions) args.push('--iglob', `!*.${ext}`);
  args.push('--file', '-', '--', '.');
  return args;
}

/** `./src/a.ts` (or `.\src\a.ts` on Windows) as a workspace path. */
function normalizeListed(listed: string): string {
  const slashed = nodePath.sep === '\\' ? listed.replace(/\\/g, '/') : listed;
  return slashed.startsWith('./') ? slashed.slice(2) : slashed;
}

type RipgrepRun = { stdout: string } | { failure: string };

/**
 * Runs ripgrep with an argument array (no shell). Exit 0 lists files and 1 lists none; 2 means an
 * error, after which a listing may lack files for reasons not worth guessing at, so it is unused.
 */
function runRipgrep(search: RipgrepSearch, args: string[], input: string): Promise<RipgrepRun> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(search.rg, args, { cwd: search.root, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      resolve({ failure: `could not be started (${(e as Error).message})` });
      return;
    }
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => stdout.push(b));
    child.stderr.on('data', (b: Buffer) => {
      if (stderr.length < 2000) stderr += b.toString('utf8');
    });
    child.on('error', (e) => resolve({ failure: `could not be started (${e.message})` }));
    // A process that exits before reading its input breaks the pipe: its exit is what is reported.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    child.on('close', (code, signal) => {
      if (code === 0 || code === 1) resolve({ stdout: Buffer.concat(stdout).toString('utf8') });
      else resolve({ failure: `${signal ? `was stopped by ${signal}` : `exited with ${code}`}${stderr.trim() ? `: ${firstLines(stderr)}` : ''}` });
    });
  });
}

function firstLines(text: string): string {
  const lines = text.trim().split('\n');
  return lines.length > 3 ? `${lines.slice(0, 3).join(' / ')} / …` : lines.join(' / ');
}

/** Where the command line looks for ripgrep, and what it was told. */
export interface RipgrepLookup {
  env: NodeJS.ProcessEnv;
  /** VS Code's install folder (`vscode.env.appRoot`), whose bundled ripgrep is the last resort. */
  appRoot?: string;
  onWarning: (message: string) => void;
}

/**
 * Ripgrep's executable: `RATIONALE_RG` (a path, or `off` to do without), else `rg` on the PATH,
 * else the one VS Code bundles. Undefined when there is none or it is turned off. Nothing is ever
 * downloaded. A `RATIONALE_RG` that names no executable is reported, since someone asked for it.
 */
export function findRipgrep({ env, appRoot, onWarning }: RipgrepLookup): string | undefined {
  const named = env.RATIONALE_RG?.trim();
  if (named && named.toLowerCase() === 'off') return undefined;
  if (named) {
    if (isExecutableFile(named)) return nodePath.resolve(named);
    onWarning(`RATIONALE_RG names ${named}, which is not an executable file; files are searched without ripgrep`);
    return undefined;
  }
  const exe = process.platform === 'win32' ? 'rg.exe' : 'rg';
  for (const dir of (env.PATH ?? env.Path ?? '').split(nodePath.delimiter)) {
    if (!dir) continue;
    const candidate = nodePath.join(dir, exe);
    if (isExecutableFile(candidate)) return candidate;
  }
  if (!appRoot) return undefined;
  for (const modules of ['node_modules', 'node_modules.asar.unpacked']) {
    const candidate = nodePath.join(appRoot, modules, '@vscode', 'ripgrep', 'bin', exe);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    fs.accessSync(path, fs.constants.X_OK);
    return fs.statSync(path).isFile();
  } catch {
    // Missing or not executable: not this one, and the next place is tried.
    return false;
  }
}
