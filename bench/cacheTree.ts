/**
 * The persistent check cache at the size of a large monorepo: a tree of many small code files (the
 * cache's size depends on the number of files and findings, not on the files' length), checked once
 * to write the cache, which a child process then loads and measures (`--cache-load`): its time, the
 * peak resident memory while loading, and the heap still held by the loaded cache.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CheckCacheStore } from '../server/src/node/checkCacheStore.js';
import { NodeWorkspace } from '../server/src/node/nodeWorkspace.js';
import { parallelIndexAndCheck } from '../server/src/node/parallelIndexAndCheck.js';
import { rng } from './random.js';
import { median } from './stats.js';

const decisions = 200;

/**
 * Decisions forbid `lib0`…`lib49` in `src/**`; each code file imports one of 200 libraries (a
 * quarter of them forbidden, so about one file in four has a finding) and one file in fifty names a
 * decision, as in the main synthetic tree.
 */
export function generateCacheTree(root: string, files: number): void {
  const r = rng(11);
  fs.mkdirSync(path.join(root, 'docs/adr'), { recursive: true });
  for (let i = 0; i < decisions; i++) {
    const rules = i < 50 ? `rules:\n  - forbid-import: [lib${i}]\n    files: ["src/**"]\n` : '';
    fs.writeFileSync(path.join(root, `docs/adr/${String(i).padStart(4, '0')}-d${i}.md`), `---\nstatus: accepted\n${rules}---\n# Avoid library ${i}\n\nWhy ${i}.\n`);
  }
  for (let i = 0; i < files; i++) {
    const dir = path.join(root, 'src', `m${i % 500}`);
    if (i < 500) fs.mkdirSync(dir, { recursive: true });
    const note = i % 50 === 0 ? `// @decision ADR-${String(Math.floor(r() * decisions)).padStart(4, '0')}\n` : '';
    fs.writeFileSync(path.join(dir, `f${i}.ts`), `${note}import x from 'lib${Math.floor(r() * 200)}';\nexport const v${i} = x(${i});\n`);
  }
}

export interface CacheLoadMeasure {
  files: number;
  fileBytes: number;
  entries: number;
  loadMs: number;
  /** Peak resident memory during the load, above the process's before it. */
  peakRssBytes: number;
  /** Heap still used after the load and a full collection: what holding the cache costs. */
  heapHeldBytes: number;
}

/** Checks the tree once with the cache (writing it), then loads it `runs` times, each in a fresh process. */
export async function measureCacheLoad(root: string, cacheFolder: string, files: number, runs: number): Promise<CacheLoadMeasure> {
  // Files modified in the last two seconds get no stamp (NodeWorkspace.stamp), hence no entry.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const store = new CheckCacheStore(root, 'bench', cacheFolder);
  const cache = store.load();
  await parallelIndexAndCheck(new NodeWorkspace(root), { cache });
  const failed = store.save(cache);
  if (failed) throw new Error(failed);
  const fileBytes = fs.statSync(store.file).size;
  const self = fileURLToPath(new URL('./bench.js', import.meta.url));
  const loads = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, ['--expose-gc', self, '--cache-load', root, cacheFolder], { encoding: 'utf8' })) as Omit<CacheLoadMeasure, 'files' | 'fileBytes'>);
  if (loads.some((l) => l.entries < files)) throw new Error(`the cache of ${files} files loaded with ${loads[0].entries} entries`);
  return {
    files,
    fileBytes,
    entries: loads[0].entries,
    loadMs: median(loads.map((l) => l.loadMs)),
    peakRssBytes: median(loads.map((l) => l.peakRssBytes)),
    heapHeldBytes: median(loads.map((l) => l.heapHeldBytes)),
  };
}

/** Child process of the bench (run with --expose-gc): one load of the cache, measured. */
export function cacheLoadChild(root: string, cacheFolder: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('--cache-load needs node --expose-gc');
  gc();
  const before = process.memoryUsage();
  const t = performance.now();
  const cache = new CheckCacheStore(root, 'bench', cacheFolder).load();
  const loadMs = performance.now() - t;
  // maxRSS is in kilobytes, and covers the whole life of the process: the load is its peak.
  const peakRssBytes = process.resourceUsage().maxRSS * 1024 - before.rss;
  gc();
  const heapHeldBytes = process.memoryUsage().heapUsed - before.heapUsed;
  process.stdout.write(JSON.stringify({ entries: cache.loaded, loadMs, peakRssBytes, heapHeldBytes }));
}
