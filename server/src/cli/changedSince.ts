import type { Finding } from '../core/base/finding.js';
import { findingsOnChangedLines, type ChangedFiles } from '../core/checks/changedLines.js';
import type { CheckResult } from '../core/checks/checkWorkspace.js';
import type { IndexAndCheckResult } from '../core/checks/indexAndCheck.js';
import type { WorkspaceIndex } from '../core/index/workspaceIndex.js';
import { changedSince, GitChangesError } from '../node/gitChanges.js';
import { CliError } from './args.js';

/** The lines changed since the merge base with `ref`; a problem with git or the ref is a CLI error (exit 2). */
export function readChanges(root: string, ref: string): ChangedFiles {
  try {
    return changedSince(root, ref);
  } catch (e) {
    if (e instanceof GitChangesError) throw new CliError(e.message);
    throw e;
  }
}

/**
 * Checks only the changed code files (documents are always read: they define the rules), so the
 * work follows the size of the change. Requirement findings depend on items and tags in other
 * files, so when a changed file holds any, every file is checked again: correct before fast.
 *
 * `settle` sees every finding of the changed files, not only those on changed lines: the baseline
 * keys findings by their line's text, wherever the line now is. What it returns is then cut down to
 * the changed lines, except `stale-baseline` findings, which say that an accepted finding of a
 * changed file is gone. `filesChecked` counts the changed files the check looked at, so the summary
 * speaks of what is reported, not of the whole tree.
 */
export async function checkChanges<R extends IndexAndCheckResult, S extends CheckResult & { baselined: Finding[] }>(
  changed: ChangedFiles,
  run: (codeFiles?: ReadonlySet<string>) => Promise<R>,
  settle: (result: CheckResult, files: ReadonlySet<string>) => S,
): Promise<{ index: WorkspaceIndex; result: S }> {
  const files = new Set(changed.keys());
  const partial = await run(files);
  const traced = [...files].some((p) => partial.index.requirements.has(p) || partial.index.documents.get(p)?.requirements !== undefined);
  const full = traced ? await run(undefined) : partial;
  const inChanged = (list: readonly Finding[]) => list.filter((f) => files.has(f.path));
  const settled = settle({ ...full.result, findings: inChanged(full.result.findings), suppressed: inChanged(full.result.suppressed) }, files);
  const isDocument = (p: string) => full.index.documents.has(p);
  const onChangedLines = (list: readonly Finding[]) => findingsOnChangedLines(list, changed, isDocument);
  const stale = settled.findings.filter((f) => f.code === 'stale-baseline');
  return {
    index: full.index,
    result: {
      ...settled,
      findings: [...onChangedLines(settled.findings.filter((f) => f.code !== 'stale-baseline')), ...stale],
      suppressed: onChangedLines(settled.suppressed),
      baselined: onChangedLines(settled.baselined),
      filesChecked: [...files].filter((p) => full.index.fileSet.has(p)).length,
    },
  };
}
