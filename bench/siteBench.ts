/**
 * `rationale site` on the bench tree (its decisions and code files): the check, the graph laid out
 * by ELK (capped to the best-linked documents), a page per document, written to a fresh folder.
 * Timed as a process, like the other CLI rows; each run writes into a new folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './cliProcess.js';
import { median } from './stats.js';

export interface SiteTimes {
  ms: number;
  /** Files the last run wrote. */
  files: number;
}

export function measureSite(root: string, runs: number): SiteTimes {
  const times: number[] = [];
  let files = 0;
  for (let i = 0; i < runs; i++) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-site-'));
    try {
      times.push(runCli(['site', '--out', out, root], root).ms);
      files = JSON.parse(fs.readFileSync(path.join(out, '.rationale-site'), 'utf8')).files.length;
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }
  return { ms: median(times), files };
}
