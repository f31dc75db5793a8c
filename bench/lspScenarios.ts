/**
 * What the language-server section measures, each against the floor taken the same way: a request
 * nobody serves, which costs only the round trip and the wait for the server's event loop.
 */
import type { Position } from 'vscode-languageserver-protocol/node';
import type { BenchLanguageClient, WorkspacePull } from './lspClient.js';
import { median } from './stats.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Annotated code files of the generated tree (every 50th carries `// @decision ADR-…` on line 1). */
export const hoverFiles = [1000, 1050, 1100, 1150, 1200].map((i) => `src/m${i % 100}/f${i}.ts`);
/** On the id of the annotation, and on a line of code (what governs it). */
const hoverPositions: Position[] = [{ line: 0, character: 15 }, { line: 10, character: 20 }];
/** An unannotated code file; edits add and remove an import that decision ADR-0001 forbids. */
export const editedFile = 'src/m3/f1003.ts';
const forbiddenImport = "import y from 'lib1';";
/** ADR-0001 declares `forbid-import: [lib1]` over src/**. */
export const ruleDocument = 'docs/adr/0001-d1.md';

export interface StartUp {
  indexMs: number;
  hoverMs: number;
  hoverAnswered: boolean;
  floorWithHoverMs: number;
  /** Whether that first answer said it was partial (sent before the documents were read). */
  hoverPartial: boolean;
  /** From the first hover to the first answered from the documents. */
  fullHoverMs: number;
  /** Floors sent one after another while the server indexed. */
  floors: number[];
}

/** `initialized`, then at once a hover on an opened file and a floor; floors keep going until the index is announced. */
export async function startUp(client: BenchLanguageClient): Promise<StartUp> {
  const t0 = performance.now();
  let indexMs: number | undefined;
  const indexed = client.initialized().then(() => (indexMs = performance.now() - t0));
  client.open(hoverFiles[0], 'typescript');
  const h0 = performance.now();
  const hover = client.hover(hoverFiles[0], hoverPositions[0]).then((answer) => ({ ms: performance.now() - h0, answered: answer !== null, partial: isIndexingHover(answer) }));
  // Then hovers until one is answered from the documents: when the editor has something to say.
  const full = (async () => {
    for (;;) {
      const answer = await client.hover(hoverFiles[0], hoverPositions[0]);
      if (!isIndexingHover(answer)) return performance.now() - h0;
      await sleep(20);
    }
  })();
  const floorWithHover = client.floor();
  const floors: number[] = [];
  while (indexMs === undefined) {
    floors.push(await client.floor());
    await sleep(20);
  }
  await indexed;
  const h = await hover;
  return { indexMs, hoverMs: h.ms, hoverAnswered: h.answered, hoverPartial: h.partial, fullHoverMs: await full, floorWithHoverMs: await floorWithHover, floors };
}

export interface Timings {
  times: number[];
  floors: number[];
  /** How many answers were real (a hover with content, diagnostics showing the edit). */
  real: number;
}

/** Hovers one after another over a few open files, each followed by a floor. */
export async function hovers(client: BenchLanguageClient, count: number): Promise<Timings> {
  for (const f of hoverFiles.slice(1)) client.open(f, 'typescript');
  const out: Timings = { times: [], floors: [], real: 0 };
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const answer = await client.hover(hoverFiles[i % hoverFiles.length], hoverPositions[i % hoverPositions.length]);
    out.times.push(performance.now() - t);
    if (answer !== null) out.real++;
    out.floors.push(await client.floor());
  }
  return out;
}

/** Pulls the workspace's diagnostics 2 s after the previous pull answered, as vscode-languageclient does. */
export class WorkspacePullLoop {
  readonly pulls: WorkspacePull[] = [];
  private stopped = false;
  private readonly running: Promise<void>;

  constructor(private readonly client: BenchLanguageClient) {
    this.running = this.run();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.pulls.push(await this.client.workspacePull());
      for (let waited = 0; waited < 2000 && !this.stopped; waited += 50) await sleep(50);
    }
  }

  async stop(): Promise<WorkspacePull[]> {
    this.stopped = true;
    await this.running;
    return this.pulls;
  }
}

export interface Edits extends Timings {
  cpuPerEditMs: number;
}

/**
 * Edits `pacingMs` apart (typing speed): each adds or removes the forbidden import, then pulls the
 * file's diagnostics as VS Code does on change; timed from the change to the answer.
 */
export async function edits(client: BenchLanguageClient, count: number, pacingMs: number): Promise<Edits> {
  const out: Timings = { times: [], floors: [], real: 0 };
  const cpu0 = client.cpuMillis();
  for (let k = 0; k < count; k++) {
    const t = performance.now();
    const adding = client.line(editedFile, 0) !== forbiddenImport;
    client.replaceLines(editedFile, 0, adding ? 0 : 1, adding ? [forbiddenImport] : []);
    const report = await client.documentPull(editedFile);
    out.times.push(performance.now() - t);
    const flagged = report.kind === 'full' && report.items.some((d) => d.range.start.line === 0 && d.code === 'forbid-import');
    if (report.kind === 'full' && flagged === adding) out.real++;
    out.floors.push(await client.floor());
    await sleep(Math.max(0, pacingMs - (performance.now() - t)));
  }
  return { ...out, cpuPerEditMs: (client.cpuMillis() - cpu0) / count };
}

export interface UnchangedPulls {
  first: WorkspacePull;
  /** Medians of the repeated pulls. */
  ms: number;
  bytes: number;
  unchanged: number;
  full: number;
  cpuPerPullMs: number;
  floorCpuMs: number;
  floorBytes: number;
}

/** The first workspace pull, then `count` with every result id known; and the floor's CPU and size. */
export async function unchangedPulls(client: BenchLanguageClient, count: number): Promise<UnchangedPulls> {
  const first = await client.workspacePull();
  const pulls: WorkspacePull[] = [];
  const cpu0 = client.cpuMillis();
  for (let i = 0; i < count; i++) pulls.push(await client.workspacePull());
  const cpuPerPullMs = (client.cpuMillis() - cpu0) / count;
  const floors = 200;
  const floorCpu0 = client.cpuMillis();
  const bytes0 = client.bytesWritten;
  for (let i = 0; i < floors; i++) await client.floor();
  return {
    first,
    ms: median(pulls.map((p) => p.ms)),
    bytes: median(pulls.map((p) => p.bytes)),
    unchanged: median(pulls.map((p) => p.unchanged)),
    full: median(pulls.map((p) => p.full)),
    cpuPerPullMs,
    floorCpuMs: (client.cpuMillis() - floorCpu0) / floors,
    floorBytes: (client.bytesWritten - bytes0) / floors,
  };
}

export interface RuleEditWindow {
  /** The longest any hover waited. */
  maxWaitMs: number;
  /** The edited document's own pull, when there was an edit. */
  documentPullMs?: number;
  workspacePullMs: number;
}

/**
 * A window of `windowMs` with a hover sent every 5 ms (not waiting for answers): at its start the
 * decision's rule is edited (when `edit`) and its document pulled, and 300 ms in (after the server's
 * change debounce) the workspace is pulled, as VS Code's loop does within 2 s.
 */
export async function ruleEditWindow(client: BenchLanguageClient, edit: boolean, windowMs: number): Promise<RuleEditWindow> {
  const waits: Promise<number>[] = [];
  const t0 = performance.now();
  let documentPull: Promise<number> | undefined;
  if (edit) {
    const line = client.lines(ruleDocument).findIndex((l) => l.includes('forbid-import:'));
    const text = client.line(ruleDocument, line);
    client.replaceLines(ruleDocument, line, line + 1, [text.includes('lib1]') ? text.replace('lib1]', 'lib2]') : text.replace('lib2]', 'lib1]')]);
    documentPull = client.documentPull(ruleDocument).then(() => performance.now() - t0);
  }
  let workspacePull: Promise<number> | undefined;
  while (performance.now() - t0 < windowMs) {
    if (!workspacePull && performance.now() - t0 >= 300) {
      const w0 = performance.now();
      workspacePull = client.workspacePull().then(() => performance.now() - w0);
    }
    const s = performance.now();
    waits.push(client.hover(hoverFiles[0], hoverPositions[1]).then(() => performance.now() - s));
    await sleep(5);
  }
  return { maxWaitMs: Math.max(...(await Promise.all(waits))), documentPullMs: await documentPull, workspacePullMs: await workspacePull! };
}

/** The server's answer before the documents are read (server/src/lsp/hover.ts indexingHover). */
function isIndexingHover(answer: unknown): boolean {
  return JSON.stringify(answer ?? null).includes('reading the goals, projects and decisions');
}
