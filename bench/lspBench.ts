/**
 * "The language server over stdio": the real server (out/server/src/lsp/main.js --stdio) as a child
 * process, driven over JSON-RPC as VS Code drives it (lspClient.ts), on trees the bench generates.
 * Sizes come from RATIONALE_BENCH_LSP_SIZES (`20000,100000`, each `files` or `files:decisions`;
 * `none` skips the section).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchLanguageClient } from './lspClient.js';
import { editedFile, edits, hovers, ruleDocument, ruleEditWindow, startUp, unchangedPulls, WorkspacePullLoop, type Timings } from './lspScenarios.js';
import { resultsTable } from './markdownTable.js';
import { median, percentile } from './stats.js';

export interface LspSize {
  files: number;
  decisions: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const serverMain = path.resolve(here, '../server/src/lsp/main.js');
const editsPerPhase = 250;
const editPacingMs = 50;
const hoverCount = 500;
const ruleWindowMs = 3000;

/** The sizes to measure; decisions default to a tenth of the files, at most 5000 (the issue's 2,000 and 5,000). */
export function lspSizes(spec = process.env.RATIONALE_BENCH_LSP_SIZES ?? '20000,100000'): LspSize[] {
  if (spec.trim() === 'none') return [];
  return spec.split(',').map((s) => {
    const [files, decisions] = s.split(':').map((n) => Number(n.trim()));
    if (!Number.isInteger(files) || files < 1300 || (decisions !== undefined && !(Number.isInteger(decisions) && decisions > 1))) {
      throw new Error(`RATIONALE_BENCH_LSP_SIZES: "${s}" is not files[:decisions] with at least 1300 files (the scenarios use src/m3/f1003.ts and files up to f1200)`);
    }
    return { files, decisions: decisions ?? Math.min(5000, Math.round(files / 10)) };
  });
}

/** The bench's own generator (bench.ts --generate), in a process of its own with the size in its environment. */
function generate(root: string, size: LspSize): void {
  execFileSync(process.execPath, [path.join(here, 'bench.js'), '--generate', root], { env: { ...process.env, BENCH_FILES: String(size.files), BENCH_DECISIONS: String(size.decisions) }, stdio: 'inherit' });
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const amount = (bytes: number) => (bytes < 1048576 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1048576).toFixed(1)} MB`);
const p50p99 = (xs: number[]) => `${percentile(xs, 50).toFixed(2)} / ${percentile(xs, 99).toFixed(2)} ms`;
const overFloor = (t: Timings) => `${(percentile(t.times, 99) / percentile(t.floors, 99)).toFixed(1)}× floor p99 (floor p50 / p99 ${p50p99(t.floors)})`;

/** One size: start, measure in turn, stop; the tree and the server's cache folder are removed afterwards. */
async function measureSize(repo: string, size: LspSize): Promise<string[][]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-lsp-'));
  const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-lsp-cache-'));
  try {
    process.stderr.write(`language server: generating ${size.files} code files and ${size.decisions} decisions…\n`);
    generate(root, size);
    process.stderr.write('language server: measuring…\n');
    const { client, initializeMs } = await BenchLanguageClient.start(serverMain, repo, root, cacheFolder);
    const rssBare = client.rssBytes();
    const start = await startUp(client);
    const rssStarted = client.rssBytes();
    const pulls = await unchangedPulls(client, 10);
    const hover = await hovers(client, hoverCount);
    client.open(editedFile, 'typescript');
    client.open(ruleDocument, 'markdown');
    const quiet = await edits(client, editsPerPhase, editPacingMs);
    const loop = new WorkspacePullLoop(client);
    const pulled = await edits(client, editsPerPhase, editPacingMs);
    const loopPulls = await loop.stop();
    const rssEdited = client.rssBytes();
    // The refresh the server debounces after the last edit goes out first, so it does not land in the window without an edit.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const calm = await ruleEditWindow(client, false, ruleWindowMs);
    const ruleEdits = [await ruleEditWindow(client, true, ruleWindowMs), await ruleEditWindow(client, true, ruleWindowMs)];
    const worst = ruleEdits.reduce((a, b) => (b.maxWaitMs > a.maxWaitMs ? b : a));
    const peak = client.peakRssBytes();
    await client.stop();

    const at = `${size.files / 1000}k files`;
    const rssTarget = '≤ 250 MB at 100k';
    return [
      [`${at}: \`initialized\` → indexing done (its progress bar ends)`, ms(start.indexMs), `spawn → initialize answered: ${ms(initializeMs)}`, ''],
      [`${at}: hover sent during start-up indexing, time to answer`, ms(start.hoverMs), `${(start.hoverMs / start.floorWithHoverMs).toFixed(1)}× the floor sent with it (${ms(start.floorWithHoverMs)}); floors while indexing p50 / p99 / max ${p50p99(start.floors)} / ${ms(Math.max(...start.floors))}; ${start.hoverPartial ? `answered partial ("reading the goals…"), the first answer from the documents after ${ms(start.fullHoverMs)}` : start.hoverAnswered ? 'answered with content' : 'answered empty'}`, 'answered at once'],
      [`${at}: hover after indexing p50 / p99`, p50p99(hover.times), `${overFloor(hover)}; ${hover.real} of ${hoverCount} with content`, 'p99 ≤ 5 ms'],
      [`${at}: edit → diagnostics of the edited file p50 / p99`, p50p99(quiet.times), `${overFloor(quiet)}; server CPU ${quiet.cpuPerEditMs.toFixed(1)} ms per edit; ${quiet.real} of ${editsPerPhase} answers showed the edit`, 'p99 ≤ 20 ms'],
      [`${at}: edit → diagnostics while a workspace pull runs every 2 s, p50 / p99`, p50p99(pulled.times), `${overFloor(pulled)}; server CPU ${pulled.cpuPerEditMs.toFixed(1)} ms per edit with the pulls; ${loopPulls.length} pulls (median ${ms(median(loopPulls.map((p) => p.ms)))}); ${pulled.real} of ${editsPerPhase} answers showed the edit`, 'p99 ≤ 20 ms'],
      [`${at}: first workspace pull (every file)`, ms(pulls.first.ms), `${pulls.first.full} files reported, ${amount(pulls.first.bytes)} sent`, ''],
      [`${at}: unchanged workspace pull`, `${ms(pulls.ms)} (CPU ${pulls.cpuPerPullMs.toFixed(1)} ms)`, `${(pulls.bytes / 1024).toFixed(0)} KB sent, ${pulls.unchanged} unchanged and ${pulls.full} full items; floor: CPU ${pulls.floorCpuMs.toFixed(2)} ms, ${pulls.floorBytes.toFixed(0)} bytes`, 'close to nothing'],
      [`${at}: decision rule edit, longest wait of a hover sent every 5 ms`, ms(worst.maxWaitMs), `${(worst.maxWaitMs / calm.maxWaitMs).toFixed(1)}× the longest wait without an edit (${ms(calm.maxWaitMs)}); the decision's own pull answered after ${ms(worst.documentPullMs ?? NaN)}, the workspace pull after it took ${ms(worst.workspacePullMs)}`, '≤ 50 ms'],
      [`${at}: server RSS after start-up`, mb(rssStarted), `(after initialize, before indexing: ${mb(rssBare)})`, rssTarget],
      [`${at}: server RSS after ${2 * editsPerPhase} edits`, mb(rssEdited), `(peak over the session: ${mb(peak)})`, rssTarget],
    ];
  } finally {
    for (const dir of [root, cacheFolder]) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The section's Markdown: heading, how it was measured, and one table over every size. */
export async function languageServerSection(repo: string, sizes = lspSizes()): Promise<string[]> {
  if (sizes.length === 0) return [];
  const rows: string[][] = [];
  for (const size of sizes) rows.push(...(await measureSize(repo, size)));
  return [
    '## The language server over stdio',
    '',
    `\`node out/server/src/lsp/main.js --stdio\` as a child process, driven over JSON-RPC with the capabilities VS Code announces (pull and workspace diagnostics with refresh, watched files with dynamic registration, workspace folders) and the initializationOptions of the settings' defaults (cache on, in an empty cache folder: a first start). Trees: ${sizes.map((s) => `${s.files} files / ${s.decisions} decisions`).join(', ')}, from the bench's generator.`,
    `The floor is a request no handler serves (answered MethodNotFound): the round trip and the wait for the server's event loop, measured beside each figure. Edits, ${editPacingMs} ms apart, add and remove a forbidden import on line 1 of ${editedFile}, each followed by the pull VS Code sends; CPU is the server's utime + stime from /proc. The rule edit changes ${ruleDocument}'s forbid-import in the open document, pulls it, and 300 ms later the workspace, while hovers go out every 5 ms for ${ruleWindowMs / 1000} s; worst of two edits.`,
    '',
    ...resultsTable(rows),
    '',
  ];
}
