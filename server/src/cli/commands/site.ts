import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { buildSite } from '../../core/features/site/buildSite.js';
import { graphLayoutRequest, type LaidOutGraph } from '../../core/features/site/graphLayout.js';
import { siteMarkerFile, type SiteFile } from '../../core/features/site/sitePaths.js';
import { modelGraph } from '../../core/index/graph.js';
import type { WorkspaceIndex } from '../../core/index/workspaceIndex.js';
import { parallelIndexAndCheck } from '../../node/parallelIndexAndCheck.js';
import { findRipgrep } from '../../node/ripgrepPrefilter.js';
import { CliError, parseArgs, UsageError, type CommandSpec } from '../args.js';
import { withBaseline } from '../checkBaseline.js';
import { summarize } from '../formats/checkSummary.js';
import { printError, type CliIo } from '../io.js';
import { openWorkspace, printWarnings, resolveRoot } from '../loadWorkspace.js';
import { Progress } from '../progress.js';
import { createExclusive, replaceAtomically } from '../safeWrite.js';
import { today } from '../today.js';
import { displayPath } from '../workspaceRoot.js';

export const siteSpec: CommandSpec = {
  name: 'site',
  flags: {
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    dir: { type: 'string' },
    'no-ripgrep': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: ['dir?'],
};

/** Exit codes: 0 written; 2 usage error, or an output folder that cannot or may not be written. */
export async function runSite(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, siteSpec);
  const outArg = args.flags.out as string | undefined;
  if (outArg === undefined || outArg.trim() === '') throw new UsageError('--out needs the folder to write the site to', 'site');
  const root = resolveRoot(io, (args.flags.dir as string | undefined) ?? args.positionals[0]);
  const out = nodePath.resolve(io.cwd, outArg);
  // Refused before any work, so a mistaken --out costs nothing.
  const previous = previousSiteFiles(out, args.flags.force === true);
  const progress = new Progress(io);
  const rgWarnings: string[] = [];
  const rg = args.flags['no-ripgrep'] ? undefined : findRipgrep({ env: io.env, onWarning: (w) => rgWarnings.push(w) });
  const { workspace, warnings, sources } = openWorkspace(root, progress, rg);
  warnings.push(...rgWarnings);
  const date = today(io);
  const { index, result: checked } = await parallelIndexAndCheck(workspace, {
    today: date,
    sources,
    onIndexProgress: (done, total) => progress.update('reading documents', done, total),
    onProgress: (done, total) => progress.update('checking files', done, total),
  });
  const result = withBaseline(root, workspace, checked);
  progress.update('laying out the graph');
  const layout = await layOut(io, index);
  const summary = summarize(index, result.findings, result.suppressed, result.filesChecked, result.baselined);
  // Documents are read twice (mentions, then pages): once from disk is enough.
  const texts = new Map<string, string | undefined>();
  const read = (p: string) => {
    if (!texts.has(p)) texts.set(p, workspace.readText(p));
    return texts.get(p);
  };
  const files = buildSite({ index, read, findings: result.findings, debt: summary.byDecision, today: date, layout, siteName: nodePath.basename(root) || root });
  progress.update('writing the site');
  writeSite(out, files, previous);
  progress.clear();
  printWarnings(io, { root, workspace, index, warnings });
  io.stdout.write(`${displayPath(io.cwd, nodePath.join(out, 'index.html')) || 'index.html'}\n`);
  return 0;
}

/** The graph laid out by ELK; without it the site still has every list, so a failure is a warning. */
async function layOut(io: CliIo, index: WorkspaceIndex): Promise<LaidOutGraph | undefined> {
  // A CommonJS module: Node's default export is its module.exports, the constructor itself, which
  // the bundled typings (written for ES interop) describe one level deeper.
  const ELK = (await import('elkjs/lib/elk.bundled.js')).default as unknown as typeof import('elkjs/lib/elk-api.js').default;
  try {
    return (await new ELK().layout(graphLayoutRequest(modelGraph(index)))) as LaidOutGraph;
  } catch (e) {
    printError(io, `warning: the graph could not be laid out, so the home page has no picture: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/**
 * The files a previous run wrote in `out`, which may be replaced, or an empty list for a new or
 * empty folder. A folder holding anything else is refused unless `force`, which then only writes
 * over the site's own file names and deletes nothing.
 */
function previousSiteFiles(out: string, force: boolean): string[] {
  let entries: string[];
  try {
    if (!fs.statSync(out).isDirectory()) throw new CliError(`--out is not a folder: ${out}`);
    entries = fs.readdirSync(out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e instanceof CliError ? e : new CliError(`cannot read ${out}: ${(e as Error).message}`);
  }
  if (entries.length === 0) return [];
  if (!entries.includes(siteMarkerFile)) {
    if (force) return [];
    throw new CliError(`${out} is not empty and holds no site written by "rationale site" (no ${siteMarkerFile}); choose an empty folder, or pass --force to write into it anyway`);
  }
  return readMarker(nodePath.join(out, siteMarkerFile));
}

function readMarker(path: string): string[] {
  try {
    const files = (JSON.parse(fs.readFileSync(path, 'utf8')) as { files?: unknown }).files;
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
  } catch (e) {
    throw new CliError(`${path} is not a marker "rationale site" wrote (${(e as Error).message}); remove it, or choose another folder`);
  }
}

/**
 * Writes every file inside `out` (new files exclusively, existing ones replaced atomically), never
 * through a link out of the folder, then removes the previous run's files this run did not write.
 */
function writeSite(out: string, files: readonly SiteFile[], previous: readonly string[]): void {
  fs.mkdirSync(out, { recursive: true });
  const realOut = fs.realpathSync(out);
  const written = new Set<string>();
  for (const file of files) {
    const content = file.path === siteMarkerFile ? markerWithFiles(file.content, files) : file.content;
    const target = insideOut(realOut, file.path);
    fs.mkdirSync(nodePath.dirname(target), { recursive: true });
    if (!isInside(realOut, fs.realpathSync(nodePath.dirname(target)))) throw new CliError(`${file.path} would be written outside ${out} (a link in the way); nothing more was written`);
    if (fs.lstatSync(target, { throwIfNoEntry: false })?.isFile()) replaceAtomically(target, content);
    else createExclusive(target, content);
    written.add(file.path);
  }
  for (const old of previous) {
    if (written.has(old)) continue;
    const target = nodePath.resolve(realOut, ...old.split('/'));
    if (!isInside(realOut, target)) continue; // a marker naming a place outside the folder is not ours to act on
    if (fs.lstatSync(target, { throwIfNoEntry: false })?.isFile() && isInside(realOut, fs.realpathSync(nodePath.dirname(target)))) fs.rmSync(target);
  }
}

/** The marker lists the files of this run, so the next run removes only what this one wrote. */
function markerWithFiles(content: string, files: readonly SiteFile[]): string {
  return `${JSON.stringify({ ...JSON.parse(content), files: files.map((f) => f.path) }, null, 1)}\n`;
}

function insideOut(realOut: string, rel: string): string {
  const target = nodePath.resolve(realOut, ...rel.split('/'));
  if (!isInside(realOut, target)) throw new CliError(`refusing to write ${rel} outside the output folder`);
  return target;
}

function isInside(folder: string, path: string): boolean {
  const rel = nodePath.relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !nodePath.isAbsolute(rel));
}
