import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CachedCodeFile } from '../core/checks/checkCache.js';
import type { CheckContext } from '../core/checks/checkWorkspace.js';
import { indexAndCheck, readAndCheckCodeFile, type IndexAndCheckOptions, type IndexAndCheckResult } from '../core/checks/indexAndCheck.js';
import type { NodeWorkspace } from './nodeWorkspace.js';
import type { ScanJob, ScanResult } from './scanJob.js';

export interface ParallelOptions extends IndexAndCheckOptions {
  /** Worker threads besides the main one (default: one per spare core, at most 3). */
  workers?: number;
  /** Fewest files worth a worker: below this a thread costs more to start than it saves (default 2,000). */
  minFilesPerWorker?: number;
}

/**
 * `indexAndCheck` with the code files spread over worker threads. The documents are parsed on the
 * main thread (they define the rules); meanwhile the workers load, and then each reads and scans
 * its share of the files the cache could not serve. A worker that fails costs speed only: its
 * files are scanned on the main thread. The result is the same as `indexAndCheck`'s.
 */
export async function parallelIndexAndCheck(workspace: NodeWorkspace, options: ParallelOptions = {}): Promise<IndexAndCheckResult & { scannedInWorkers: number }> {
  const minFiles = options.minFilesPerWorker ?? 2000;
  const wanted = options.workers ?? Math.min(3, Math.max(0, os.availableParallelism() - 1));
  const count = Math.min(wanted, Math.floor(workspace.listFiles().length / minFiles) - 1);
  // Without a cache or ripgrep every file will be read: start the workers before the documents are
  // parsed, so loading their modules overlaps with that work. With either, most runs read little;
  // start them only when the files to read turn out to be many.
  const workers = !options.cache?.loaded && !workspace.filesMatchingNone ? startWorkers(count) : [];
  const stats = { scannedInWorkers: 0 };
  try {
    const result = await indexAndCheck(workspace, {
      ...options,
      scan: (paths, context) => {
        if (workers.length === 0) workers.push(...startWorkers(Math.min(count, Math.floor(paths.length / minFiles) - 1)));
        return scan(paths, context, { workspace, workers, minFiles, options, stats });
      },
    });
    return { ...result, ...stats };
  } finally {
    for (const w of workers) void w.terminate();
  }
}

/** The pool a scan runs on, and where it reports. */
interface ScanPool {
  workspace: NodeWorkspace;
  workers: Worker[];
  /** Files per thread below which a worker is not worth its start-up. */
  minFiles: number;
  options: ParallelOptions;
  stats: { scannedInWorkers: number };
}

/** Reads and checks `paths`: a share on this thread, the rest spread over the workers. */
async function scan(paths: readonly string[], context: CheckContext, { workspace, workers, minFiles, options, stats }: ScanPool): Promise<Map<string, CachedCodeFile>> {
  const out = new Map<string, CachedCodeFile>();
  const used = workers.slice(0, Math.floor(paths.length / minFiles) - 1);
  // Too few files for a worker: an empty answer has indexAndCheck scan them all in place.
  if (used.length === 0) return out;
  // Round robin, so folders of very different sizes still split evenly.
  const shares: string[][] = Array.from({ length: used.length + 1 }, () => []);
  paths.forEach((p, i) => shares[i % shares.length].push(p));
  const { rules, index } = context;
  const prefixes = Object.values(index.config.idPrefixes);
  const check = { rules, fileSet: index.fileSet, prefixes };
  const pending = used.map((w, i) =>
    runJob(w, {
      root: workspace.root,
      maxFileSizeBytes: workspace.maxSize,
      specs: rules.rules.map((r) => r.spec),
      decisions: [...rules.decisions],
      rulesKey: rules.key,
      prefixes,
      files: index.files,
      paths: shares[i + 1],
    }),
  );
  const mine = shares[0];
  const total = index.files.length;
  const before = total - paths.length;
  mine.forEach((path, i) => {
    if (options.onProgress && i % 250 === 0) options.onProgress(before + i * shares.length, total);
    const entry = readAndCheckCodeFile(workspace, path, check);
    if (entry) out.set(path, entry);
  });
  for (const result of await Promise.all(pending)) {
    // A worker that failed costs speed only: the files it returns no entry for are scanned in place.
    if (!('entries' in result)) continue;
    for (const [p, e] of result.entries) out.set(p, e);
    stats.scannedInWorkers += result.entries.length;
  }
  return out;
}

function startWorkers(count: number): Worker[] {
  const out: Worker[] = [];
  for (let i = 0; i < count; i++) {
    try {
      out.push(new Worker(new URL('./scanWorker.js', import.meta.url)));
    } catch {
      // No threads to be had (resource limits): not an error, the main thread does the work.
      break;
    }
  }
  return out;
}

function runJob(worker: Worker, job: ScanJob): Promise<ScanResult> {
  return new Promise((resolve) => {
    const done = (r: ScanResult) => {
      worker.off('message', done);
      worker.off('error', failed);
      worker.off('exit', exited);
      resolve(r);
    };
    const failed = (e: Error) => done({ error: e.message });
    const exited = (code: number) => done({ error: `the worker exited (${code})` });
    worker.on('message', done);
    worker.on('error', failed);
    worker.on('exit', exited);
    worker.postMessage(job);
  });
}
