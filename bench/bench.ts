/**
 * `npm run bench`: measures Rationale against baselines taken in the same run on the same machine,
 * and writes the ratios to bench/RESULTS.md. Numbers are never asserted in tests; this file records them.
 *
 * Baselines: a plain readdirSync/readFileSync walk that reads every file and counts `@decision` (the
 * read limit for any tool that must look at every file), and ripgrep when Debian's `rg` is installed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWorkspace } from '../server/src/core/checks/checkWorkspace.js';
import { indexAndCheck } from '../server/src/core/checks/indexAndCheck.js';
import { idAtPosition } from '../server/src/core/features/idAtPosition.js';
import { governing } from '../server/src/core/index/governance.js';
import { MemoryWorkspace } from '../server/src/core/workspace/memoryWorkspace.js';
import { DocumentSearch } from '../server/src/core/features/search.js';
import { buildIndex } from '../server/src/core/index/workspaceIndex.js';
import { CheckCacheStore } from '../server/src/node/checkCacheStore.js';
import { NodeWorkspace } from '../server/src/node/nodeWorkspace.js';
import { parallelIndexAndCheck } from '../server/src/node/parallelIndexAndCheck.js';

const codeFiles = Number(process.env.BENCH_FILES ?? 20000);
const decisionCount = Number(process.env.BENCH_DECISIONS ?? 2000);
const runs = Number(process.env.BENCH_RUNS ?? 3);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}
function timeRuns(fn: () => void): number {
  return median(Array.from({ length: runs }, () => time(fn)));
}
async function timeRunsAsync(fn: () => Promise<unknown>): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

/** A deterministic pseudo-random generator, so every run measures the same tree. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const words = 'cache queue billing invoice payment retry ledger search index session token render layout theme module service client adapter gateway schema'.split(' ');

function decisionText(i: number, r: () => number): string {
  const rules = i % 10 === 1 ? `rules:\n  - forbid-import: [lib${i % 50}]\n    files: ["src/**"]\n` : i % 25 === 0 ? `rules:\n  - forbid-pattern: 'TODO\\(${i}\\)'\n` : '';
  const status = i % 7 === 0 ? 'superseded' : i % 5 === 0 ? 'proposed' : 'accepted';
  const sup = status === 'superseded' && i + 1 < decisionCount ? `superseded-by: ADR-${String(i + 1).padStart(4, '0')}\n` : '';
  const title = `Use ${words[i % words.length]} ${words[(i * 7) % words.length]} for ${words[(i * 3) % words.length]} ${i}`;
  const body = Array.from({ length: 12 }, () => words[Math.floor(r() * words.length)]).join(' ');
  return `---\nstatus: ${status}\ndate: 2026-01-01\n${sup}${rules}---\n# ${title}\n\n## Context and Problem Statement\n\n${body}. ${body}.\n\n## Decision Outcome\n\nChosen option: ${body}.\n`;
}

function codeText(i: number, r: () => number): string {
  const lines = [`import { a${i} } from './mod${(i + 1) % codeFiles}';`, `import x from 'lib${Math.floor(r() * 200)}';`];
  if (i % 50 === 0) lines.unshift(`// @decision ADR-${String(Math.floor(r() * decisionCount)).padStart(4, '0')}`);
  for (let l = 0; l < 60; l++) lines.push(`export function f${l}_${i}(v: number): number { return v * ${l} + ${Math.floor(r() * 1000)}; }`);
  return lines.join('\n') + '\n';
}

function generate(root: string): void {
  const r = rng(42);
  fs.mkdirSync(path.join(root, 'docs/adr'), { recursive: true });
  for (let i = 0; i < decisionCount; i++) fs.writeFileSync(path.join(root, `docs/adr/${String(i).padStart(4, '0')}-d${i}.md`), decisionText(i, r));
  for (let i = 0; i < codeFiles; i++) {
    const dir = path.join(root, 'src', `m${i % 100}`);
    if (i < 100) fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `f${i}.ts`), codeText(i, r));
  }
}

/** The read limit: every file read once, `@decision` counted, nothing else. */
function readAllBaseline(root: string): number {
  let count = 0;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const t = fs.readFileSync(p, 'utf8');
        for (let i = t.indexOf('@decision'); i >= 0; i = t.indexOf('@decision', i + 1)) count++;
      }
    }
  };
  walk(root);
  return count;
}

function ripgrep(root: string): number | undefined {
  try {
    execFileSync('rg', ['--version'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return timeRuns(() => {
    try {
      execFileSync('rg', ['-c', '@decision', root], { stdio: 'ignore' });
    } catch {
      // rg exits 1 when nothing matches; the time still counts
    }
  });
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-'));
  try {
    process.stderr.write(`generating ${codeFiles} code files and ${decisionCount} decisions…\n`);
    generate(root);
    const baselineMs = timeRuns(() => readAllBaseline(root));
    const rgMs = ripgrep(root);
    let findings = 0;
    // The one-pass path on one thread: documents first, then every other file read once.
    const coldMs = await timeRunsAsync(async () => {
      findings = (await indexAndCheck(new NodeWorkspace(root))).result.findings.length;
    });
    // The CLI's path: the same, with the code files spread over worker threads.
    let workerFiles = 0;
    const coldParallelMs = await timeRunsAsync(async () => {
      const r = await parallelIndexAndCheck(new NodeWorkspace(root));
      if (r.result.findings.length !== findings) throw new Error('the parallel check found something else');
      workerFiles = r.scannedInWorkers;
    });
    // The language server's memory: its start-up pass in a process of its own, holding the index
    // and the workspace's findings as the server does.
    const serverRss = Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--server-rss', root], { encoding: 'utf8' }).trim());
    // The CLI's path again with the persistent cache, warmed by one run: load, check, save.
    const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-cache-'));
    let warmFindings = 0;
    const warmRun = async () => {
      const store = new CheckCacheStore(root, 'bench', cacheFolder);
      const cache = store.load();
      warmFindings = (await parallelIndexAndCheck(new NodeWorkspace(root), { cache })).result.findings.length;
      store.save(cache);
    };
    await warmRun();
    await warmRun();
    const warmMs = await timeRunsAsync(warmRun);
    fs.rmSync(cacheFolder, { recursive: true, force: true });
    if (warmFindings !== findings) throw new Error(`the warm check found ${warmFindings} findings, the cold one ${findings}`);
    // The language server's start-up: the one pass in steps of 200 files, yielding to the event loop
    // between steps so requests are answered meanwhile.
    const editorMs = await timeRunsAsync(() => indexAndCheck(new NodeWorkspace(root), { chunk: 200 }));
    // What start-up did before the one pass: a full index, then a full check.
    const twoPassMs = timeRuns(() => {
      const ws = new NodeWorkspace(root);
      checkWorkspace(buildIndex(ws), ws);
    });

    // Indexing decision documents alone (parse, ids, links), from memory.
    const docsOnly = new MemoryWorkspace();
    const r = rng(7);
    for (let i = 0; i < decisionCount; i++) docsOnly.set(`docs/adr/${String(i).padStart(4, '0')}-d${i}.md`, decisionText(i, r));
    const indexDocsMs = timeRuns(() => buildIndex(docsOnly));

    // Hover-equivalent core work on a code line, over the big index.
    const ws = new NodeWorkspace(root);
    const index = buildIndex(ws);
    const hoverTimes: number[] = [];
    for (let i = 0; i < 500; i++) {
      const file = `src/m${(i * 50) % 100}/f${(i * 50) % codeFiles}.ts`;
      const text = ws.readText(file) ?? '';
      hoverTimes.push(time(() => {
        idAtPosition(index, file, text, { line: 0, character: 15 });
        governing(index, file, text, 5);
      }));
    }

    // Fuzzy search over 10,000 decisions.
    const many = new MemoryWorkspace();
    const r2 = rng(9);
    for (let i = 0; i < 10000; i++) many.set(`docs/adr/${String(i).padStart(5, '0')}-d${i}.md`, decisionText(i, r2));
    const manyIndex = buildIndex(many);
    const searchBuildMs = time(() => new DocumentSearch(manyIndex.documents.values()));
    const search = new DocumentSearch(manyIndex.documents.values());
    const queries = ['billing cache', 'ADR-0042', 'paymnt retry', 'use search index', 'gateway', 'theme layout 77', 'sesion tokn'];
    const searchTimes: number[] = [];
    // Warm-up first: a server answers many queries, and the first few run before the JIT has compiled anything.
    for (let i = 0; i < 50; i++) search.search(queries[i % queries.length]);
    for (let i = 0; i < 300; i++) searchTimes.push(time(() => search.search(queries[i % queries.length])));

    const fmt = (x: number) => x.toFixed(1);
    const rows = [
      ['cold `rationale check` (one pass, worker threads)', `${fmt(coldParallelMs)} ms`, `${(coldParallelMs / baselineMs).toFixed(2)}× read-all baseline${rgMs ? `, ${(coldParallelMs / rgMs).toFixed(2)}× rg` : ''}; ${workerFiles} files scanned in workers`, '≤ 1.5× rg'],
      ['cold check on the main thread only', `${fmt(coldMs)} ms`, `${(coldMs / baselineMs).toFixed(2)}× read-all baseline`, ''],
      ['warm `rationale check` (persistent cache, nothing changed)', `${fmt(warmMs)} ms`, `${(warmMs / coldParallelMs).toFixed(2)}× cold`, '≤ 0.33× cold'],
      ['editor start-up (one pass in steps, no cache)', `${fmt(editorMs)} ms`, `${(editorMs / baselineMs).toFixed(2)}× read-all baseline`, ''],
      ['full index, then full check (the two-pass way)', `${fmt(twoPassMs)} ms`, `${(twoPassMs / baselineMs).toFixed(2)}× read-all baseline`, ''],
      ['read-all baseline (readFileSync walk)', `${fmt(baselineMs)} ms`, '1.00×', ''],
      ['ripgrep `rg -c @decision`', rgMs ? `${fmt(rgMs)} ms` : 'not installed', rgMs ? `${(rgMs / baselineMs).toFixed(2)}× read-all baseline` : '', ''],
      [`index ${decisionCount} decision documents`, `${fmt(indexDocsMs)} ms`, `${(indexDocsMs / baselineMs).toFixed(2)}× read-all baseline`, '< 1 s'],
      ['hover (core: id + governing) p50 / p99', `${percentile(hoverTimes, 50).toFixed(3)} / ${percentile(hoverTimes, 99).toFixed(3)} ms`, '', 'p99 ≤ 5 ms'],
      ['fuzzy search over 10,000 decisions p50 / p99 (after 50 warm-up queries)', `${percentile(searchTimes, 50).toFixed(2)} / ${percentile(searchTimes, 99).toFixed(2)} ms`, `(search index built in ${fmt(searchBuildMs)} ms)`, 'p99 ≤ 10 ms'],
      ['server RSS after start-up (index and findings held)', `${(serverRss / 1048576).toFixed(0)} MB`, '', '≤ 250 MB'],
    ];
    const out = [
      '# Benchmark results',
      '',
      `Run by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}.`,
      `Synthetic tree: ${codeFiles} TypeScript files (~4 KB each, 2% annotated), ${decisionCount} decisions (10% with a forbid-import rule); median of ${runs} runs. ${findings} findings.`,
      '',
      '| measure | time | ratio | target |',
      '|---|---|---|---|',
      ...rows.map((row) => `| ${row.join(' | ')} |`),
      '',
    ].join('\n');
    const here = path.dirname(fileURLToPath(import.meta.url));
    const target = path.resolve(here, '../../bench/RESULTS.md');
    fs.writeFileSync(target, out);
    process.stdout.write(out);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

// `node out/bench/bench.js --generate DIR` writes the synthetic tree for profiling and exits.
if (process.argv[2] === '--generate' && process.argv[3]) generate(path.resolve(process.argv[3]));
else if (process.argv[2] === '--server-rss' && process.argv[3]) await serverRss(process.argv[3]);
else await main();

/** Child process of the bench: the server's start-up on a tree, then its resident memory, with the results still held. */
async function serverRss(root: string): Promise<void> {
  const held = await indexAndCheck(new NodeWorkspace(root), { chunk: 200 });
  process.stdout.write(`${process.memoryUsage().rss}\n`);
  if (!held) process.exitCode = 1;
}
