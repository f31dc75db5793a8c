/**
 * The bench's language client: the real server (out/server/src/lsp/main.js) as a child process,
 * spoken to over stdio JSON-RPC as VS Code speaks to it, with the documents it opened kept in step
 * (incremental changes, versions, result ids) and the child's CPU time and memory read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  WorkspaceDiagnosticRequest,
  type ProgressToken,
  type WorkDoneProgressCreateParams,
  type DocumentDiagnosticReport,
  type Position,
  type MessageConnection,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { defaultInitializationOptions, initializeParams } from './vscodeClientSetup.js';

/** A request no handler serves: the server only parses it and answers MethodNotFound. */
const floorMethod = 'rationale/benchFloor';

interface OpenDocument {
  version: number;
  lines: string[];
  resultId?: string;
}

export interface WorkspacePull {
  ms: number;
  /** Bytes the server wrote while the pull ran: partial results and the answer. */
  bytes: number;
  full: number;
  unchanged: number;
}

/** The child's user + system CPU time so far (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMillis(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function statusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(m[1]) * 1024;
}

export class BenchLanguageClient {
  private readonly documents = new Map<string, OpenDocument>();
  /** What VS Code keeps from workspace pulls and sends back as previousResultIds. */
  private readonly workspaceResultIds = new Map<string, string>();
  private bytesOut = 0;
  private partialToken = 0;
  /** Resolve when the server's next progress bar (the indexing one) ends. */
  private indexedWaiters: (() => void)[] = [];
  refreshRequests = 0;
  private stopping = false;

  private constructor(private readonly child: ChildProcess, private readonly connection: MessageConnection, readonly root: string) {
    child.stdout!.on('data', (chunk: Buffer) => (this.bytesOut += chunk.length));
    // A server that dies mid-measure must fail the bench, not leave it waiting for answers forever:
    // disposing the connection rejects every pending request.
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      process.stderr.write(`language server: the server exited during the measures (${signal ?? `exit code ${code}`})\n`);
      connection.dispose();
    });
    // Requests VS Code answers without the bench caring: progress bars, registrations, refreshes.
    connection.onRequest((method: string, params: unknown) => {
      if (method === 'workspace/diagnostic/refresh') this.refreshRequests++;
      if (method === WorkDoneProgressCreateRequest.method) this.followProgress((params as WorkDoneProgressCreateParams).token);
      return null;
    });
    connection.onNotification(() => {
      // Log messages and progress reports: VS Code shows them, the bench does not need them.
    });
  }

  /** Spawns the server with `--stdio` and sends `initialize` (not yet `initialized`). */
  static async start(serverMain: string, repo: string, root: string, cacheFolder: string): Promise<{ client: BenchLanguageClient; initializeMs: number }> {
    // RATIONALE_BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the server under the bench's load.
    const nodeArgs = (process.env.RATIONALE_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
    const child = spawn(process.execPath, [...nodeArgs, serverMain, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, RATIONALE_CACHE_DIR: cacheFolder } });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new BenchLanguageClient(child, connection, root);
    connection.listen();
    const t = performance.now();
    await connection.sendRequest(InitializeRequest.type, initializeParams(root, process.pid, defaultInitializationOptions(repo)));
    return { client, initializeMs: performance.now() - t };
  }

  get pid(): number {
    return this.child.pid!;
  }

  /**
   * The end of a progress bar: the server shows one while it indexes, and its end is when the
   * whole workspace is indexed and checked (`rationale/indexed` also goes out after edits).
   */
  private followProgress(token: ProgressToken): void {
    const bar = this.connection.onProgress(WorkDoneProgress.type, token, (value) => {
      if (value.kind !== 'end') return;
      bar.dispose();
      const waiters = this.indexedWaiters;
      this.indexedWaiters = [];
      for (const w of waiters) w();
    });
  }

  /** Sends `initialized`, which starts the server's indexing; resolves when its progress bar ends. */
  initialized(): Promise<void> {
    const indexed = this.nextIndexed();
    void this.connection.sendNotification(InitializedNotification.type, {});
    return indexed;
  }

  nextIndexed(): Promise<void> {
    return new Promise((resolve) => this.indexedWaiters.push(resolve));
  }

  uri(relative: string): string {
    return pathToFileURL(`${this.root}/${relative}`).href;
  }

  cpuMillis(): number {
    return cpuMillis(this.pid);
  }

  rssBytes(): number {
    return statusBytes(this.pid, 'VmRSS');
  }

  peakRssBytes(): number {
    return statusBytes(this.pid, 'VmHWM');
  }

  open(relative: string, languageId: string): void {
    const text = fs.readFileSync(`${this.root}/${relative}`, 'utf8');
    this.documents.set(relative, { version: 1, lines: text.split('\n') });
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: this.uri(relative), languageId, version: 1, text } });
  }

  get bytesWritten(): number {
    return this.bytesOut;
  }

  lines(relative: string): readonly string[] {
    return this.doc(relative).lines;
  }

  line(relative: string, line: number): string {
    return this.doc(relative).lines[line];
  }

  /** Replaces lines [from, to) with `replacement` (lines), sent as one incremental change. */
  replaceLines(relative: string, from: number, to: number, replacement: readonly string[]): void {
    const doc = this.doc(relative);
    doc.lines.splice(from, to - from, ...replacement);
    doc.version++;
    const text = replacement.map((l) => `${l}\n`).join('');
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri(relative), version: doc.version },
      contentChanges: [{ range: { start: { line: from, character: 0 }, end: { line: to, character: 0 } }, text }],
    });
  }

  /** Pull diagnostics of an open document, with the last result id as VS Code sends it. */
  async documentPull(relative: string): Promise<DocumentDiagnosticReport> {
    const doc = this.doc(relative);
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { identifier: 'rationale', textDocument: { uri: this.uri(relative) }, previousResultId: doc.resultId });
    doc.resultId = report.resultId;
    return report;
  }

  hover(relative: string, position: Position): Promise<unknown> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: this.uri(relative) }, position });
  }

  /** The floor: a request that does no work, answered MethodNotFound. Resolves with its round trip. */
  async floor(): Promise<number> {
    const t = performance.now();
    await this.connection.sendRequest(floorMethod).then(
      () => {
        throw new Error(`the server answered ${floorMethod}; the floor must be a request nobody serves`);
      },
      (e: { code?: number }) => {
        // MethodNotFound is the answer the floor expects; anything else is a broken connection.
        if (e.code !== -32601) throw e;
      },
    );
    return performance.now() - t;
  }

  /** A workspace pull as vscode-languageclient sends it: every result id it holds, partial results on. */
  async workspacePull(): Promise<WorkspacePull> {
    const partialResultToken = `bench-${++this.partialToken}`;
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const progress = this.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, partialResultToken, (p) => {
      items.push(...p.items);
    });
    const previousResultIds = [...this.workspaceResultIds].map(([uri, value]) => ({ uri, value }));
    for (const [relative, doc] of this.documents) if (doc.resultId) previousResultIds.push({ uri: this.uri(relative), value: doc.resultId });
    const bytesBefore = this.bytesOut;
    const t = performance.now();
    const answer: WorkspaceDiagnosticReport = await this.connection.sendRequest(WorkspaceDiagnosticRequest.type, { identifier: 'rationale', previousResultIds, partialResultToken });
    const ms = performance.now() - t;
    progress.dispose();
    items.push(...answer.items);
    for (const item of items) {
      if (item.resultId) this.workspaceResultIds.set(item.uri, item.resultId);
      else this.workspaceResultIds.delete(item.uri);
    }
    const full = items.filter((i) => i.kind === 'full').length;
    return { ms, bytes: this.bytesOut - bytesBefore, full, unchanged: items.length - full };
  }

  /** `shutdown` and `exit`, as VS Code ends a session; kills the child if it does not go. */
  async stop(): Promise<void> {
    this.stopping = true;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.connection.sendRequest(ShutdownRequest.type);
    void this.connection.sendNotification(ExitNotification.type);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }

  private doc(relative: string): OpenDocument {
    const doc = this.documents.get(relative);
    if (!doc) throw new Error(`${relative} is not open`);
    return doc;
  }
}
