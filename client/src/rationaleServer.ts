/**
 * The language server as the rest of the client sees it: typed custom requests, an "indexed" event
 * and a start/stop switch (the `rationale.enable` setting). The views and commands hold this object
 * for the extension's lifetime while the LanguageClient underneath may be restarted.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  agentToolRequest,
  annotationTextRequest,
  coveredRequirementsRequest,
  governingRequest,
  graphRequest,
  indexedNotification,
  planNewDocumentRequest,
  reindexRequest,
  searchRequest,
  setupReportRequest,
  treeRequest,
  type AgentToolAnswer,
  type AgentToolParams,
  type AnnotationTextParams,
  type CoveredRequirement,
  type GoverningEntry,
  type GoverningParams,
  type GraphResult,
  type IndexedParams,
  type PlanNewDocumentParams,
  type PlanNewDocumentResult,
  type SearchHit,
  type SearchParams,
  type SetupReportFolder,
  type TreeResult,
  serverNodeFlags,
} from '../../server/src/protocol';
import { initializationOptions, settingsSection } from './settings';
import { trustedHoverMiddleware } from './trustedHover';

// @decision ADR-0004: every question the client asks goes through a request in protocol.ts.

/** `planNewDocumentRequest` also takes the workspace folder to create in (server/src/lsp/customRequests.ts). */
export type PlanParams = PlanNewDocumentParams & { folderUri?: string };

export class RationaleServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly indexedEmitter = new vscode.EventEmitter<IndexedParams>();
  private readonly runningEmitter = new vscode.EventEmitter<boolean>();
  private lastIndexed: IndexedParams | undefined;
  private readonly shownConfigErrors = new Set<string>();

  /** After every (re)index and every change to a document: views redraw. */
  readonly onIndexed = this.indexedEmitter.event;
  /** The server started (true) or stopped (false). */
  readonly onDidChangeRunning = this.runningEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  get isRunning(): boolean {
    return this.client !== undefined && this.client.state !== State.Stopped;
  }

  /** Counts of the last index, or undefined while the first index is still running. */
  get indexed(): IndexedParams | undefined {
    return this.lastIndexed;
  }

  async start(): Promise<void> {
    if (this.client) return;
    const client = this.createClient();
    this.client = client;
    client.onNotification(indexedNotification, (params) => this.indexedArrived(params));
    this.runningEmitter.fire(true);
    try {
      await client.start();
    } catch (e) {
      this.output.error(`The language server did not start: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(`Rationale: the language server did not start (${(e as Error).message}). See Output › Rationale.`);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    this.lastIndexed = undefined;
    this.runningEmitter.fire(false);
    // A server that hangs on shutdown must not hang the window: stop() gives up after 2 s.
    await client.stop(2000).catch((e: unknown) => this.output.warn(`Stopping the server: ${(e as Error).message}`));
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  tree(token?: vscode.CancellationToken): Promise<TreeResult> {
    return this.running().sendRequest(treeRequest, token);
  }

  governing(params: GoverningParams, token?: vscode.CancellationToken): Promise<GoverningEntry[]> {
    return this.running().sendRequest(governingRequest, params, token);
  }

  coveredRequirements(params: GoverningParams, token?: vscode.CancellationToken): Promise<CoveredRequirement[]> {
    return this.running().sendRequest(coveredRequirementsRequest, params, token);
  }

  search(params: SearchParams, token?: vscode.CancellationToken): Promise<SearchHit[]> {
    return this.running().sendRequest(searchRequest, params, token);
  }

  planNewDocument(params: PlanParams): Promise<PlanNewDocumentResult> {
    return this.running().sendRequest(planNewDocumentRequest, params);
  }

  /** The annotation line Link Code to Decision inserts, in the file's comment syntax. */
  async annotationText(params: AnnotationTextParams): Promise<string> {
    return (await this.running().sendRequest(annotationTextRequest, params)).text;
  }

  /** Show Mental Model Graph: every document, requirement item and link of the workspace. */
  graph(): Promise<GraphResult> {
    return this.running().sendRequest(graphRequest);
  }

  /** Show Setup Report: each workspace folder's report and its Markdown. */
  setupReport(): Promise<SetupReportFolder[]> {
    return this.running().sendRequest(setupReportRequest);
  }

  /** One of the agent tools (language-model tools), answered by the core on the server. */
  agentTool(params: AgentToolParams, token?: vscode.CancellationToken): Promise<AgentToolAnswer> {
    return this.running().sendRequest(agentToolRequest, params, token);
  }

  async reindex(): Promise<IndexedParams> {
    const result = await this.running().sendRequest(reindexRequest);
    this.lastIndexed = result;
    return result;
  }

  dispose(): void {
    void this.stop();
    this.indexedEmitter.dispose();
    this.runningEmitter.dispose();
  }

  private running(): LanguageClient {
    if (!this.client) throw new Error('Rationale is disabled (setting "rationale.enable").');
    return this.client;
  }

  private indexedArrived(params: IndexedParams): void {
    this.lastIndexed = params;
    for (const e of params.configErrors) {
      // Reported once per session: the notification repeats after every change to a document.
      if (this.shownConfigErrors.has(e)) continue;
      this.shownConfigErrors.add(e);
      void vscode.window.showWarningMessage(`Rationale configuration: ${e}`);
    }
    this.indexedEmitter.fire(params);
  }

  private createClient(): LanguageClient {
    const module = this.context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...serverNodeFlags] } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...serverNodeFlags, '--nolazy', '--inspect=6011'] } },
    };
    const clientOptions: LanguageClientOptions = {
      // Every file on disk: annotations live in any language, documents are Markdown.
      documentSelector: [{ scheme: 'file' }],
      synchronize: { configurationSection: settingsSection },
      // A function, so a restart after a settings change sends the new values.
      initializationOptions: () => initializationOptions(String(this.context.extension.packageJSON.version ?? 'dev')),
      outputChannel: this.output,
      diagnosticPullOptions: { onChange: true, onSave: true },
      // Server Markdown elsewhere (completion details) stays fully untrusted; hovers get
      // exactly Rationale's own link commands (see trustedHover.ts).
      markdown: { isTrusted: false, supportHtml: false },
      middleware: { ...trustedHoverMiddleware },
    };
    // The id `rationale` makes the client read the `rationale.trace.server` setting.
    return new LanguageClient('rationale', 'Rationale', serverOptions, clientOptions);
  }
}
