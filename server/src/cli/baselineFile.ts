import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { baselineFileName, baselineFix, parseBaselineText, type Baseline } from '../core/checks/baseline.js';
import { CliError } from './args.js';
import { createExclusive, replaceAtomically } from './safeWrite.js';

/** The baseline at the root, with the text it was read from; undefined when there is none. */
export interface LoadedBaseline {
  baseline: Baseline;
  text: string;
  path: string;
}

/** Reads `.rationale-baseline.json`; a file that is there but unreadable or malformed is an error (exit 2), never ignored. */
export function loadBaseline(root: string): LoadedBaseline | undefined {
  const path = nodePath.join(root, baselineFileName);
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    // No baseline is the usual case: every finding is new.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`cannot read ${baselineFileName}: ${(e as Error).message}`);
  }
  const baseline = parseBaselineText(text);
  if (typeof baseline === 'string') throw new CliError(`${baselineFileName} is ${baseline}; ${baselineFix}`);
  return { baseline, text, path };
}

/** The file's text: one entry a line, so that a pull request shows which findings were accepted or fixed. */
export function baselineText(baseline: Baseline): string {
  const entries = baseline.entries.map((e) => `    ${JSON.stringify(e)}`);
  return `{\n  "version": 1,\n  "entries": [${entries.length ? `\n${entries.join(',\n')}\n  ` : ''}]\n}\n`;
}

/**
 * Writes the baseline without ever losing a file: created exclusively when there was none, else
 * replaced atomically, and only if the file still holds what was read (`previous`).
 */
export function writeBaseline(root: string, baseline: Baseline, previous: LoadedBaseline | undefined): string {
  const path = nodePath.join(root, baselineFileName);
  const text = baselineText(baseline);
  try {
    if (previous) replaceAtomically(path, text, previous.text);
    else createExclusive(path, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`${baselineFileName} appeared while the check ran; nothing was written (run \`rationale baseline\` again)`);
    throw new CliError(`cannot write ${baselineFileName}: ${(e as Error).message}`);
  }
  return path;
}
