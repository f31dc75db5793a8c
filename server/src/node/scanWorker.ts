import { parentPort } from 'node:worker_threads';
import type { CachedCodeFile } from '../core/checks/checkCache.js';
import { readAndCheckCodeFile } from '../core/checks/indexAndCheck.js';
import { compileRules } from '../core/rules/ruleEngine.js';
import { NodeWorkspace } from './nodeWorkspace.js';
import type { ScanJob, ScanResult } from './scanJob.js';

/**
 * A worker thread of `parallelIndexAndCheck`: reads its share of the code files and scans each for
 * annotations and rule findings, exactly as the main thread would (the same core function).
 */
parentPort?.on('message', (job: ScanJob) => {
  parentPort!.postMessage(run(job));
});

function run(job: ScanJob): ScanResult {
  try {
    const decisions = new Map(job.decisions);
    const rules = compileRules(job.specs, (id) => decisions.get(id));
    if (rules.key !== job.rulesKey) return { error: 'the worker compiled different rules' };
    const workspace = new NodeWorkspace(job.root, { maxFileSizeBytes: job.maxFileSizeBytes });
    const check = { rules, fileSet: new Set(job.files), prefixes: job.prefixes };
    const entries: [string, CachedCodeFile][] = [];
    for (const path of job.paths) {
      const entry = readAndCheckCodeFile(workspace, path, check);
      if (entry) entries.push([path, entry]);
    }
    return { entries };
  } catch (e) {
    // Surfaced to the main thread, which scans this job's files itself (and reports what fails there).
    return { error: (e as Error).stack ?? String(e) };
  }
}
