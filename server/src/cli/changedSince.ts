import { findingsOnChangedLines, type ChangedFiles } from '../core/checks/changedLines.js';
import type { IndexAndCheckResult } from '../core/checks/indexAndCheck.js';
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
 */
export async function checkChanges<R extends IndexAndCheckResult>(changed: ChangedFiles, run: (codeFiles?: ReadonlySet<string>) => Promise<R>): Promise<R> {
  const partial = await run(new Set(changed.keys()));
  const traced = [...changed.keys()].some((p) => partial.index.requirements.has(p) || partial.index.documents.get(p)?.requirements !== undefined);
  const full = traced ? await run(undefined) : partial;
  const isDocument = (p: string) => full.index.documents.has(p);
  return {
    ...full,
    result: {
      ...full.result,
      findings: findingsOnChangedLines(full.result.findings, changed, isDocument),
      suppressed: findingsOnChangedLines(full.result.suppressed, changed, isDocument),
    },
  };
}
