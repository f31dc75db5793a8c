import { parallelIndexAndCheck } from '../../node/parallelIndexAndCheck.js';
import { baselineFileName, createBaseline, lineTextReader, matchBaseline, pruneBaseline } from '../../core/checks/baseline.js';
import { CliError, parseArgs, type CommandSpec } from '../args.js';
import { loadBaseline, writeBaseline } from '../baselineFile.js';
import type { CliIo } from '../io.js';
import { openWorkspace, printWarnings, resolveRoot } from '../loadWorkspace.js';
import { plural } from '../formats/checkSummary.js';
import { Progress } from '../progress.js';
import { today } from '../today.js';
import { displayPath } from '../workspaceRoot.js';

export const baselineSpec: CommandSpec = {
  name: 'baseline',
  flags: {
    prune: { type: 'boolean' },
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: ['dir?'],
};

/**
 * `rationale baseline [dir]`: accepts today's findings, so that `check` fails only on new ones.
 * `--prune` only removes the entries that no longer occur, and accepts nothing new.
 */
export async function runBaseline(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, baselineSpec);
  const root = resolveRoot(io, (args.flags.dir as string | undefined) ?? args.positionals[0]);
  const previous = loadBaseline(root);
  if (args.flags.prune && !previous) throw new CliError(`no ${baselineFileName} in ${displayPath(io.cwd, root) || '.'} to prune; \`rationale baseline\` writes one`);
  const progress = new Progress(io);
  const { workspace, warnings, sources } = openWorkspace(root, progress, undefined);
  const { index, result } = await parallelIndexAndCheck(workspace, {
    today: today(io),
    sources,
    onIndexProgress: (done, total) => progress.update('reading documents', done, total),
    onProgress: (done, total) => progress.update('checking files', done, total),
  });
  progress.clear();
  printWarnings(io, { root, workspace, index, warnings });
  const lineTextOf = lineTextReader(workspace);
  if (result.findings.some((f) => f.code === 'internal-error')) {
    throw new CliError('the checker failed on some file (an internal-error finding, see `rationale check`); no baseline was written, since it would hide what was not checked');
  }
  const next = args.flags.prune
    ? pruneBaseline(previous!.baseline, matchBaseline(previous!.baseline, result.findings, lineTextOf).stale)
    : createBaseline(result.findings, lineTextOf);
  const path = writeBaseline(root, next, previous);
  const accepted = next.entries.reduce((n, e) => n + e.count, 0);
  const before = previous ? previous.baseline.entries.reduce((n, e) => n + e.count, 0) : 0;
  const change = previous ? ` (was ${before})` : '';
  io.stdout.write(`${displayPath(io.cwd, path)}: ${plural(accepted, 'finding')} accepted${change}\n`);
  return 0;
}
