import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import { parallelIndexAndCheck } from '../../node/parallelIndexAndCheck.js';
import { severityRank, type Finding, type Severity } from '../../core/base/finding.js';
import { parseArgs, UsageError, type CommandSpec } from '../args.js';
import { colors, shouldColor } from '../colors.js';
import { formatGithub } from '../formats/githubFormat.js';
import { formatJson } from '../formats/jsonFormat.js';
import { formatMarkdown } from '../formats/markdownFormat.js';
import { checkChanges, readChanges } from '../changedSince.js';
import { toSarif } from '../formats/sarifFormat.js';
import { formatText } from '../formats/textFormat.js';
import { summarize, summaryLine } from '../formats/checkSummary.js';
import type { CliIo } from '../io.js';
import { printError } from '../io.js';
import { openWorkspace, printWarnings, resolveRoot } from '../loadWorkspace.js';
import { Progress } from '../progress.js';
import { CheckCacheStore } from '../../node/checkCacheStore.js';
import { findRipgrep } from '../../node/ripgrepPrefilter.js';
import { today } from '../today.js';
import { cacheToolVersion, toolVersion } from '../version.js';
import { displayPath } from '../workspaceRoot.js';
import { withBaseline } from '../checkBaseline.js';
import type { CheckResult } from '../../core/checks/checkWorkspace.js';

export const checkSpec: CommandSpec = {
  name: 'check',
  flags: {
    format: { type: 'string', short: 'f', values: ['text', 'json', 'sarif', 'github', 'markdown'] },
    'changed-since': { type: 'string' },
    'fail-on': { type: 'string', values: ['error', 'warning', 'info', 'never'] },
    dir: { type: 'string' },
    'no-cache': { type: 'boolean' },
    'cache-dir': { type: 'string' },
    'no-ripgrep': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: ['dir?'],
};

/** Exit codes: 0 nothing reached `--fail-on`, 1 something did, 2 usage error or an internal error of the checker. */
export async function runCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, checkSpec);
  const format = (args.flags.format as string | undefined) ?? 'text';
  const failOn = (args.flags['fail-on'] as string | undefined) ?? 'error';
  const root = resolveRoot(io, (args.flags.dir as string | undefined) ?? args.positionals[0]);
  const cacheDir = args.flags['cache-dir'] as string | undefined;
  // An empty value would resolve to the working directory: the cache would land in the checked tree.
  if (cacheDir !== undefined && cacheDir.trim() === '') throw new UsageError('--cache-dir needs a folder (got an empty value)', 'check');
  const date = today(io);
  const progress = new Progress(io);
  const rgWarnings: string[] = [];
  const rg = args.flags['no-ripgrep'] ? undefined : findRipgrep({ env: io.env, onWarning: (w) => rgWarnings.push(w) });
  const { workspace, warnings, sources } = openWorkspace(root, progress, rg);
  warnings.push(...rgWarnings);
  const store = args.flags['no-cache'] ? undefined : new CheckCacheStore(root, cacheToolVersion(), cacheDir === undefined ? undefined : nodePath.resolve(io.cwd, cacheDir));
  const cache = store?.load();
  if (store?.loadProblem) warnings.push(store.loadProblem);
  // One pass: documents first, then every other file read once for annotations and rules;
  // with the cache, files unchanged since the last run are not read at all.
  const since = args.flags['changed-since'] as string | undefined;
  const changed = since === undefined ? undefined : readChanges(root, since);
  const run = (codeFiles?: ReadonlySet<string>) => parallelIndexAndCheck(workspace, {
    today: date,
    cache,
    sources,
    codeFiles,
    // Only the changed files are reported on: other documents are read for what the checks of
    // the changed files need of them, not for their own findings. The Markdown report quotes the
    // governing decisions' summaries, which the light parse leaves out.
    ...(codeFiles && format !== 'markdown' ? { lightDocuments: (path: string) => !codeFiles.has(path) } : {}),
    // A few changed files never repay starting worker threads.
    ...(codeFiles ? { workers: 0 } : {}),
    onIndexProgress: (done, total) => progress.update('reading documents', done, total),
    onProgress: (done, total) => progress.update('checking files', done, total),
  });
  // Findings `.rationale-baseline.json` accepts are counted, but only new ones fail the run.
  const settle = (checked: CheckResult, files?: ReadonlySet<string>) => withBaseline(root, workspace, checked, files);
  const { index, result } = changed ? await checkChanges(changed, run, settle) : await run().then((r) => ({ index: r.index, result: settle(r.result) }));
  if (store && cache) {
    const failed = store.save(cache);
    if (failed) warnings.push(failed);
  }
  // Configuration problems are `invalid-config` findings in the result, like everything else found.
  const loaded = { root, workspace, index, warnings };
  progress.clear();
  printWarnings(io, loaded);
  // With --changed-since, only the changed files are reported on, and counted.
  const summary = summarize(loaded.index, result.findings, result.suppressed, result.filesChecked, result.baselined, changed ? result.filesChecked : undefined);
  const fromCwd = (f: Finding) => displayPath(io.cwd, nodePath.join(root, f.path)).split(nodePath.sep).join('/');

  switch (format) {
    case 'json':
      io.stdout.write(formatJson(result.findings, summary, result.baselined));
      break;
    case 'sarif': {
      const rootUri = pathToFileURL(root).href.replace(/\/?$/, '/');
      io.stdout.write(`${JSON.stringify(toSarif(result.findings, result.suppressed, { rootUri, toolVersion: toolVersion(), baselined: result.baselineUsed ? result.baselined : undefined }), null, 2)}\n`);
      break;
    }
    case 'markdown':
      io.stdout.write(formatMarkdown(index, result.findings, summary, changed && since !== undefined ? { since: { ref: since, files: [...changed.keys()] } } : {}));
      break;
    case 'github':
      // Annotations need repository-relative paths: the working directory in GitHub Actions.
      io.stdout.write(formatGithub(result.findings, fromCwd));
      io.stdout.write(`${summaryLine(summary)}\n`);
      break;
    default: {
      const total = summary.documents.goal + summary.documents.project + summary.documents.decision;
      if (total === 0) printError(io, `note: no goals, projects or decisions found in ${displayPath(io.cwd, root) || '.'}`);
      io.stdout.write(formatText(result.findings, summary, colors(shouldColor(io, io.stdout)), fromCwd));
    }
  }
  return exitCode(result.findings, failOn);
}

/** 2 when the checker itself failed on some file (its result cannot be trusted), else by `--fail-on`. */
export function exitCode(findings: readonly Finding[], failOn: string): number {
  if (findings.some((f) => f.code === 'internal-error')) return 2;
  return fails(findings, failOn) ? 1 : 0;
}

export function fails(findings: readonly Finding[], failOn: string): boolean {
  if (failOn === 'never') return false;
  const threshold = severityRank[failOn as Severity];
  return findings.some((f) => severityRank[f.severity] >= threshold);
}
