/**
 * `npm run bench`: measures Rationale against baselines taken in the same run on the same machine,
 * and writes the ratios to bench/RESULTS.md. Numbers are never asserted in tests; this file records them.
 *
 * Baselines: a plain readdirSync/readFileSync walk that reads every file and counts `@decision` (the
 * read limit for any tool that must look at every file), and ripgrep when Debian's `rg` is installed.
 * The process measures (cliProcess.ts) time what a user waits for: `rationale check`, `explain` and
 * `list` as fresh processes, on the synthetic tree, the same tree with requirement tracing and
 * mentions, and a tree shaped like kubernetes/enhancements (kepTree.ts); dependency-cruiser enforces the
 * same forbidden imports on the same tree (dependencyCruiser.ts). The language server runs as a
 * process over stdio on trees of 20,000 and 100,000 files (lspBench.ts). The results end with a
 * comparison against the committed RESULTS.md (compare.ts).
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
import { findRipgrep } from '../server/src/node/ripgrepPrefilter.js';
import { runCli, timeCliInTurns } from './cliProcess.js';
import { compareResults, previousResults } from './compare.js';
import { cacheLoadChild, generateCacheTree, measureCacheLoad } from './cacheTree.js';
import { timeEdits } from './editLoop.js';
import { runDependencyCruiser, type CruiseResult } from './dependencyCruiser.js';
import { generateKepTree } from './kepTree.js';
import { graphLayoutSection } from './graphLayoutBench.js';
import { languageServerSection } from './lspBench.js';
import { resultsTable } from './markdownTable.js';
import { changedSinceRow, measureChangedSince } from './changedSinceBench.js';
import { measureSite } from './siteBench.js';
import { mcpRows, measureMcp } from './mcpBench.js';
import { rng } from './random.js';
import { slicePace } from '../server/src/lsp/slicedWork.js';
import { median, percentile } from './stats.js';

const codeFiles = Number(process.env.BENCH_FILES ?? 20000);
const decisionCount = Number(process.env.BENCH_DECISIONS ?? 2000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const cacheFiles = Number(process.env.BENCH_CACHE_FILES ?? 100000);

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

const words = 'cache queue billing invoice payment retry ledger search index session token render layout theme module service client adapter gateway schema'.split(' ');

/** The package decision `i` forbids src/ to import, if it has a forbid-import rule. */
const forbiddenLibrary = (i: number) => (i % 10 === 1 ? `lib${i % 50}` : undefined);

function decisionText(i: number, r: () => number): string {
  const rules = forbiddenLibrary(i) ? `rules:\n  - forbid-import: [${forbiddenLibrary(i)}]\n    files: ["src/**"]\n` : i % 25 === 0 ? `rules:\n  - forbid-pattern: 'TODO\\(${i}\\)'\n` : '';
  const status = i % 7 === 0 ? 'superseded' : i % 5 === 0 ? 'proposed' : 'accepted';
  const sup = status === 'superseded' && i + 1 < decisionCount ? `superseded-by: ADR-${String(i + 1).padStart(4, '0')}\n` : '';
  const title = `Use ${words[i % words.length]} ${words[(i * 7) % words.length]} for ${words[(i * 3) % words.length]} ${i}`;
  const body = Array.from({ length: 12 }, () => words[Math.floor(r() * words.length)]).join(' ');
  return `---\nstatus: ${status}\ndate: 2026-01-01\n${sup}${rules}---\n# ${title}\n\n## Context and Problem Statement\n\n${body}. ${body}.\n\n## Decision Outcome\n\nChosen option: ${body}.\n`;
}

/**
 * Requirement tracing and mentions, added on top of the same tree: 2% of the code files carry a
 * coverage tag, a few specification documents define the items (ten of them covered by nothing),
 * and a few decisions name files and folders of the tree in backticks.
 */
const tracedEvery = 50;
const featureCount = Math.ceil(codeFiles / tracedEvery) + 10;
const specCount = 4;
const mentioningDecisions = 20;
const codePath = (i: number) => `src/m${i % 100}/f${i}.ts`;
/** The file `explain` is measured on: every mentioning decision names it. */
const mentionedFile = codePath(1212 % codeFiles);

function codeText(i: number, r: () => number, traced = false): string {
  const lines = [`import { a${i} } from './mod${(i + 1) % codeFiles}';`, `import x from 'lib${Math.floor(r() * 200)}';`];
  if (i % 50 === 0) lines.unshift(`// @decision ADR-${String(Math.floor(r() * decisionCount)).padStart(4, '0')}`);
  // Draws nothing from r, so every other line of the traced tree equals the plain one.
  if (traced && i % tracedEvery === tracedEvery / 2) lines.push(`// Keeps the ${words[i % words.length]} consistent. [impl->req~feature-${Math.floor(i / tracedEvery)}~1]`);
  for (let l = 0; l < 60; l++) lines.push(`export function f${l}_${i}(v: number): number { return v * ${l} + ${Math.floor(r() * 1000)}; }`);
  return lines.join('\n') + '\n';
}

/** A specification in OpenFastTrace's Markdown: one item per heading, each needing an implementation. */
function specText(k: number): string {
  const items: string[] = [];
  for (let f = k; f < featureCount; f += specCount) {
    items.push(`### Feature ${f}\n\`req~feature-${f}~1\`\nThe ${words[f % words.length]} keeps working when the ${words[(f * 7) % words.length]} fails.\n\nNeeds: impl\n`);
  }
  return `---\nstatus: proposed\n---\n# Specification ${k}\n\n## Requirements\n\n${items.join('\n')}`;
}

/** A decision whose body names code of the tree: a folder, the measured file and four others. */
function mentioningDecisionText(j: number): string {
  const others = Array.from({ length: 4 }, (_, m) => `\`${codePath((j * 37 + m * 101) % codeFiles)}\``).join(', ');
  return `---\nstatus: accepted\ndate: 2026-01-01\n---\n# Keep the ${words[j % words.length]} modules small ${j}\n\n## Context and Problem Statement\n\nThe code in \`src/m${j % 100}/\` grew, and \`${mentionedFile}\` with it; ${others} follow the same pattern.\n\n## Decision Outcome\n\nChosen option: split \`${mentionedFile}\` by ${words[(j * 3) % words.length]}.\n`;
}

function generate(root: string, traced = false): void {
  const r = rng(42);
  fs.mkdirSync(path.join(root, 'docs/adr'), { recursive: true });
  for (let i = 0; i < decisionCount; i++) fs.writeFileSync(path.join(root, `docs/adr/${String(i).padStart(4, '0')}-d${i}.md`), decisionText(i, r));
  for (let i = 0; i < codeFiles; i++) {
    const dir = path.join(root, 'src', `m${i % 100}`);
    if (i < 100) fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `f${i}.ts`), codeText(i, r, traced));
  }
  if (!traced) return;
  fs.mkdirSync(path.join(root, 'docs/prd'), { recursive: true });
  for (let k = 0; k < specCount; k++) fs.writeFileSync(path.join(root, `docs/prd/${String(k + 1).padStart(4, '0')}-spec-${k}.md`), specText(k));
  for (let j = 0; j < mentioningDecisions; j++) fs.writeFileSync(path.join(root, `docs/adr/${String(decisionCount + j).padStart(4, '0')}-mentions-${j}.md`), mentioningDecisionText(j));
}

const allCodePaths = () => Array.from({ length: codeFiles }, (_, i) => codePath(i));
/** Code files a pull request changes in the --changed-since measure. */
const changedSinceFiles = 10;

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

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const loadAtStart = os.loadavg();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-'));
  const tracedRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-traced-'));
  const kepRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-keps-'));
  const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-cache-tree-'));
  const cacheTreeFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-cache-file-'));
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
    // The CLI's path: the same, with ripgrep (as the CLI finds it) sparing the files that hold
    // nothing to check, and the rest spread over worker threads when they are many.
    const rg = findRipgrep({ env: process.env, onWarning: (w) => process.stderr.write(`bench: ${w}\n`) });
    let workerFiles = 0;
    const coldParallelMs = await timeRunsAsync(async () => {
      const r = await parallelIndexAndCheck(new NodeWorkspace(root, { ripgrep: rg, onWarning: (w) => process.stderr.write(`bench: ${w}\n`) }));
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
    // The language server's start-up: the one pass in slices, yielding to the event loop between
    // them so requests are answered meanwhile.
    const editorMs = await timeRunsAsync(() => indexAndCheck(new NodeWorkspace(root), { pace: slicePace() }));
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

    // The language server's keystroke: one file's text changes, the index is updated by that diff.
    const decisionPaths = [...index.documents.keys()];
    const codePaths = index.files.filter((p) => !index.documents.has(p));
    const editTimes = timeEdits(root, codePaths, decisionPaths, 300);

    // The MCP server over stdio, as an agent's host drives it (mcpBench.ts).
    const mcpTimes = await measureMcp(root, codePaths);

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

    // The CLI as a process on the same tree, plain and with requirement tracing and mentions, run in
    // turns so load from elsewhere on the machine falls on both alike. At least five runs each: the
    // question is whether their ratio stays under 1.10, finer than the noise of three runs.
    process.stderr.write('generating the same tree with coverage tags, specifications and mentions…\n');
    generate(tracedRoot, true);
    const checkArgs = (dir: string) => ({ args: ['check', '--no-cache', '--fail-on', 'never', dir], cwd: dir });
    const [plainCheck, tracedCheck] = timeCliInTurns([checkArgs(root), checkArgs(tracedRoot)], Math.max(runs, 5));
    // dependency-cruiser on the same tree, enforcing the imports the decisions forbid: one run, it is slow.
    process.stderr.write('running dependency-cruiser on the same tree…\n');
    const forbidden = [...new Set(Array.from({ length: decisionCount }, (_, i) => forbiddenLibrary(i)).filter((l) => l !== undefined))];
    const cruise = runDependencyCruiser(repo, root, forbidden);
    const forbiddenImportLines = new Set(plainCheck.stdout.split('\n').filter((l) => /\sforbid-import\s/.test(l)).map((l) => l.split(':').slice(0, 2).join(':'))).size;
    // Mentions are computed on demand, so explain is where they cost: the mentioned file, then the
    // same file in the tree where nothing mentions it.
    const explainArgs = (dir: string) => ({ args: ['explain', '--dir', dir, mentionedFile], cwd: dir });
    const [tracedExplain, plainExplain] = timeCliInTurns([explainArgs(tracedRoot), explainArgs(root)], runs);
    if (!tracedExplain.stdout.includes(`ADR-${String(decisionCount).padStart(4, '0')}`)) throw new Error(`explain did not find the mentions of ${mentionedFile}:\n${tracedExplain.stdout}`);
    fs.rmSync(tracedRoot, { recursive: true, force: true });
    // The static site of the same tree: check, layout, a page per decision (siteBench.ts).
    process.stderr.write('writing the static site of the tree…\n');
    const site = measureSite(root, runs);
    // A pull request's check: 10 files changed since the last commit, against a cold full check.
    // Last of the measures on this tree, since it commits the tree and edits files in it.
    process.stderr.write('committing the tree to measure --changed-since…\n');
    const changedSince = measureChangedSince(root, allCodePaths(), changedSinceFiles, Math.max(runs, 5));

    // A tree shaped like kubernetes/enhancements: what `rationale list` and a cold check wait for.
    process.stderr.write('generating a tree shaped like kubernetes/enhancements…\n');
    const keps = generateKepTree(kepRoot);
    const kepBaselineMs = timeRuns(() => readAllBaseline(kepRoot));
    const kepDocuments = (JSON.parse(runCli(['list', '--json', kepRoot], kepRoot).stdout) as unknown[]).length;
    const [kepList, kepCheck] = timeCliInTurns([{ args: ['list', kepRoot], cwd: kepRoot }, checkArgs(kepRoot)], runs);
    // The floor under every process figure: Node's start-up and the CLI's entry module, no workspace.
    const [startup] = timeCliInTurns([{ args: ['--version'], cwd: kepRoot }], runs);

    // The persistent cache of a large tree: what loading it costs in time and memory.
    process.stderr.write(`generating ${cacheFiles} small code files for the check cache…\n`);
    generateCacheTree(cacheRoot, cacheFiles);
    const cacheLoad = await measureCacheLoad(cacheRoot, cacheTreeFolder, cacheFiles, runs);

    // The language server over stdio, on trees of its own (lspBench.ts).
    const lspSection = await languageServerSection(repo);
    const graphSection = await graphLayoutSection(decisionCount, runs);

    const loadAtEnd = os.loadavg();
    const fmt = (x: number) => x.toFixed(1);
    const rows = [
      ['cold `rationale check` (one pass, worker threads)', `${fmt(coldParallelMs)} ms`, `${(coldParallelMs / baselineMs).toFixed(2)}× read-all baseline${rgMs ? `, ${(coldParallelMs / rgMs).toFixed(2)}× rg` : ''}; ${rg ? 'ripgrep prefilter' : 'no ripgrep'}; ${workerFiles} files scanned in workers`, '≤ 1.5× rg'],
      ['cold check on the main thread only', `${fmt(coldMs)} ms`, `${(coldMs / baselineMs).toFixed(2)}× read-all baseline`, ''],
      ['warm `rationale check` (persistent cache, nothing changed)', `${fmt(warmMs)} ms`, `${(warmMs / coldParallelMs).toFixed(2)}× cold`, '≤ 0.33× cold'],
      ['editor start-up (one pass in steps, no cache)', `${fmt(editorMs)} ms`, `${(editorMs / baselineMs).toFixed(2)}× read-all baseline`, ''],
      ['full index, then full check (the two-pass way)', `${fmt(twoPassMs)} ms`, `${(twoPassMs / baselineMs).toFixed(2)}× read-all baseline`, ''],
      ['read-all baseline (readFileSync walk)', `${fmt(baselineMs)} ms`, '1.00×', ''],
      ['ripgrep `rg -c @decision`', rgMs ? `${fmt(rgMs)} ms` : 'not installed', rgMs ? `${(rgMs / baselineMs).toFixed(2)}× read-all baseline` : '', ''],
      [`index ${decisionCount} decision documents`, `${fmt(indexDocsMs)} ms`, `${(indexDocsMs / baselineMs).toFixed(2)}× read-all baseline`, '< 1 s'],
      ['hover (core: id + governing) p50 / p99', `${percentile(hoverTimes, 50).toFixed(3)} / ${percentile(hoverTimes, 99).toFixed(3)} ms`, '', 'p99 ≤ 5 ms'],
      ['edit a code file → updateIndex p50 / p99', `${percentile(editTimes.code, 50).toFixed(3)} / ${percentile(editTimes.code, 99).toFixed(3)} ms`, '', 'p99 ≤ 20 ms'],
      ['edit a decision → updateIndex p50 / p99', `${percentile(editTimes.decision, 50).toFixed(3)} / ${percentile(editTimes.decision, 99).toFixed(3)} ms`, '', 'p99 ≤ 20 ms'],
      ['fuzzy search over 10,000 decisions p50 / p99 (after 50 warm-up queries)', `${percentile(searchTimes, 50).toFixed(2)} / ${percentile(searchTimes, 99).toFixed(2)} ms`, `(search index built in ${fmt(searchBuildMs)} ms)`, 'p99 ≤ 10 ms'],
      ['server RSS after start-up (index and findings held)', `${(serverRss / 1048576).toFixed(0)} MB`, '', '≤ 250 MB'],
      ...mcpRows(mcpTimes, codeFiles),
    ];
    const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
    const cacheRows = [
      [`check cache of ${cacheFiles} files: file size`, mb(cacheLoad.fileBytes), `${(cacheLoad.fileBytes / cacheLoad.entries).toFixed(0)} bytes per entry`, ''],
      [`check cache of ${cacheFiles} files: load`, `${fmt(cacheLoad.loadMs)} ms`, `${cacheLoad.entries} entries`, ''],
      [`check cache of ${cacheFiles} files: peak RSS while loading`, mb(cacheLoad.peakRssBytes), 'above the process before the load', ''],
      [`check cache of ${cacheFiles} files: heap held once loaded`, mb(cacheLoad.heapHeldBytes), 'after a full collection', ''],
    ];
    const lastLine = (text: string) => text.trim().split('\n').pop() ?? '';
    const processRows = [
      ['`rationale check --no-cache`, the tree as generated', `${fmt(plainCheck.ms)} ms`, `${(plainCheck.ms / baselineMs).toFixed(2)}× read-all baseline; ${lastLine(plainCheck.stdout)}`, ''],
      ['`rationale check --no-cache`, with coverage tags, specifications and mentions', `${fmt(tracedCheck.ms)} ms`, `${(tracedCheck.ms / plainCheck.ms).toFixed(2)}× the tree as generated; ${lastLine(tracedCheck.stdout)}`, '≤ 1.10× as generated'],
      changedSinceRow(changedSince, changedSinceFiles),
      [`\`rationale explain ${mentionedFile}\`, mentioned by ${mentioningDecisions} decisions`, `${fmt(tracedExplain.ms)} ms`, `${(tracedExplain.ms / plainExplain.ms).toFixed(2)}× the same file unmentioned (${fmt(plainExplain.ms)} ms)`, ''],
      [`\`rationale site\`, ${decisionCount} decisions`, `${fmt(site.ms)} ms`, `${(site.ms / plainCheck.ms).toFixed(2)}× \`rationale check --no-cache\`; ${site.files} files written`, '< 10 s'],
      ['KEP tree: `rationale list`', `${fmt(kepList.ms)} ms`, `${(kepList.ms / kepBaselineMs).toFixed(2)}× read-all baseline; ${kepDocuments} documents found`, '< 2 s'],
      ['KEP tree: `rationale check --no-cache`', `${fmt(kepCheck.ms)} ms`, `${(kepCheck.ms / kepBaselineMs).toFixed(2)}× read-all baseline; ${lastLine(kepCheck.stdout)}`, ''],
      ['KEP tree: read-all baseline (readFileSync walk)', `${fmt(kepBaselineMs)} ms`, '1.00×', ''],
      ['process start-up floor: `rationale --version`', `${fmt(startup.ms)} ms`, '', ''],
      ['`rationale check --no-cache` against dependency-cruiser, the same forbidden imports', `${fmt(plainCheck.ms)} ms`, againstCruiser(plainCheck.ms, cruise, forbiddenImportLines), '≤ 0.1× dependency-cruiser'],
    ];
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
    const out = [
      '# Benchmark results',
      '',
      `Run by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}.`,
      `Synthetic tree: ${codeFiles} TypeScript files (~4 KB each, 2% annotated), ${decisionCount} decisions (10% with a forbid-import rule); median of ${runs} runs. ${findings} findings.`,
      '',
      `Load average (1, 5, 15 min) ${load(loadAtStart)} at the start and ${load(loadAtEnd)} at the end: other builds and tests shared the machine, so compare ratios within the run, not times across runs.`,
      '',
      ...resultsTable(rows),
      '',
      '## The CLI as a process',
      '',
      `\`node bin/rationale.js\` timed from spawn to exit, output through a pipe; commands of one group run in turns, median of ${runs} runs (the two checks: ${Math.max(runs, 5)}).`,
      `With tracing: ${Math.ceil(codeFiles / tracedEvery)} code files (2%) carry a coverage tag \`[impl->req~feature-N~1]\`, ${specCount} specifications define ${featureCount} items (\`Needs: impl\`), and ${mentioningDecisions} more decisions name files and folders of the tree in backticks.`,
      `KEP tree: ${keps.keps} folders \`keps/sig-<name>/<number>-<slug>/\` with a README.md (20–60 KB, ${(keps.markdownBytes / 1048576).toFixed(1)} MB of Markdown in all) and a kep.yaml, shaped like kubernetes/enhancements. ${kepDocuments} of them are read as documents by this version.`,
      `dependency-cruiser (installed by scripts/ensure-dependency-cruiser.sh into .cache/bench-tools) runs once on the tree as generated with one \`forbidden\` rule from src/ to the packages the decisions forbid (${forbidden.join(', ')}).`,
      '',
      ...resultsTable(processRows),
      '',
      '## The persistent check cache at scale',
      '',
      `A tree of ${cacheFiles} small code files (one import each, about a quarter of them forbidden by one of 50 rules; 2% annotated) checked once with the cache, which a fresh process then loads; median of ${runs} loads.`,
      '',
      ...resultsTable(cacheRows),
      '',
      ...lspSection,
      ...graphSection,
      ...targetsNotMet(repo),
    ].join('\n');
    const target = path.join(repo, 'bench/RESULTS.md');
    const previous = previousResults(repo, target);
    const report = [out, '## Compared with the previous run', '', 'The committed bench/RESULTS.md against this run.', '', ...compareResults(previous, out), ''].join('\n');
    fs.writeFileSync(target, report);
    process.stdout.write(report);
  } finally {
    for (const dir of [root, tracedRoot, kepRoot, cacheRoot, cacheTreeFolder]) fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `node out/bench/bench.js --generate DIR [--traced | --keps]` writes a synthetic tree for profiling and exits.
if (process.argv[2] === '--generate' && process.argv[3]) {
  if (process.argv[4] === '--keps') generateKepTree(path.resolve(process.argv[3]));
  else generate(path.resolve(process.argv[3]), process.argv[4] === '--traced');
}
else if (process.argv[2] === '--server-rss' && process.argv[3]) await serverRss(process.argv[3]);
// `node out/bench/bench.js --mcp` prints the MCP rows alone, on a tree of BENCH_FILES files.
else if (process.argv[2] === '--mcp') await mcpOnly();
else if (process.argv[2] === '--cache-load' && process.argv[4]) cacheLoadChild(process.argv[3], process.argv[4]);
// `node out/bench/bench.js --lsp` prints the language-server section alone (RATIONALE_BENCH_LSP_SIZES picks the trees).
// `node out/bench/bench.js --changed-since` prints the --changed-since row alone, on a tree of its own.
else if (process.argv[2] === '--changed-since') changedSinceAlone();
else if (process.argv[2] === '--lsp') process.stdout.write(`${(await languageServerSection(repo)).join('\n')}\n`);
// `node out/bench/bench.js --graph` prints the Mental Model Graph section alone.
else if (process.argv[2] === '--graph') process.stdout.write(`${(await graphLayoutSection(decisionCount, runs)).join('\n')}\n`);
else await main();

/** The ratio cell of the dependency-cruiser row: Rationale's time over its, or why there is none. */
function againstCruiser(rationaleMs: number, cruise: CruiseResult, rationaleFound: number): string {
  if (!cruise.installed) return `dependency-cruiser ${cruise.why}`;
  if ('stoppedAfterMs' in cruise) return `< ${(rationaleMs / cruise.stoppedAfterMs).toFixed(3)}× dependency-cruiser ${cruise.version}, stopped unfinished after ${(cruise.stoppedAfterMs / 1000).toFixed(0)} s; ${rationaleFound} forbidden imports found by Rationale`;
  return `${(rationaleMs / cruise.ms).toFixed(3)}× dependency-cruiser ${cruise.version} (${cruise.ms.toFixed(1)} ms, one run, ${cruise.modules} modules); ${rationaleFound} forbidden imports found by Rationale, ${cruise.violations} by dependency-cruiser`;
}

function changedSinceAlone(): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-changed-'));
  try {
    generate(root);
    const row = changedSinceRow(measureChangedSince(root, allCodePaths(), changedSinceFiles, Math.max(runs, 5)), changedSinceFiles);
    process.stdout.write(`${resultsTable([row]).join('\n')}\n`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Child process of the bench: the server's start-up on a tree, then its resident memory, with the results still held. */
async function serverRss(root: string): Promise<void> {
  const held = await indexAndCheck(new NodeWorkspace(root), { pace: slicePace() });
  process.stdout.write(`${process.memoryUsage().rss}\n`);
  if (!held) process.exitCode = 1;
}

/** The MCP rows alone, on a fresh tree: for working on the MCP server without the whole bench. */
async function mcpOnly(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-mcp-'));
  try {
    generate(root);
    const times = await measureMcp(root, Array.from({ length: codeFiles }, (_, i) => codePath(i)));
    process.stdout.write(`${resultsTable(mcpRows(times, codeFiles)).join('\n')}\n`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * bench/TARGETS.md, kept by hand: for each target a run does not meet, what bounds it and what would
 * move it. Analysis does not come out of a stopwatch, so it is written, and carried into every
 * RESULTS.md beside the figures it explains.
 */
function targetsNotMet(repo: string): string[] {
  const file = path.join(repo, 'bench/TARGETS.md');
  return fs.existsSync(file) ? [fs.readFileSync(file, 'utf8').trimEnd(), ''] : [];
}
