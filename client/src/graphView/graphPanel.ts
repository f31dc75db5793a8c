/**
 * Show Mental Model Graph: one webview panel per window, drawn by dist/graphView.js from the
 * server's `rationale/graph` answer, redrawn when the index changes. Clicking a node opens its
 * document: the webview names the node by key, and only nodes of the graph sent are opened.
 */
import * as vscode from 'vscode';
import type { GraphNode, GraphResult } from '../../../server/src/protocol.js';
import type { RationaleServer } from '../rationaleServer.js';
import { graphHtml } from './graphHtml.js';
import { parseWebviewMessage, type HostMessage } from './graphMessages.js';

const viewType = 'rationale.graph';
/** Index notifications come in bursts while files are saved: one redraw after they settle. */
const refreshDelayMs = 300;

export class GraphPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private graph: GraphResult | undefined;
  private nodes = new Map<string, GraphNode>();
  private pendingFocus: string | undefined;
  /** The page has loaded its script and said so; messages sent before are lost. */
  private webviewReady = false;
  private requests = 0;
  private latest: Promise<void> = Promise.resolve();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly server: RationaleServer,
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(server.onIndexed(() => this.scheduleRefresh()));
  }

  /**
   * Opens (or brings forward) the panel; `focus` is a document URI or id to reveal. Resolves with
   * the key of the node revealed, once the graph is known.
   */
  async show(focus?: string): Promise<string | undefined> {
    if (this.panel) this.panel.reveal();
    else this.panel = this.createPanel();
    if (!this.graph) await this.refresh();
    if (focus === undefined) return undefined;
    const key = this.keyOf(focus);
    if (!key) {
      void vscode.window.showInformationMessage(`Rationale: ${focus} is not in the Mental Model Graph.`);
      return undefined;
    }
    if (this.webviewReady) this.post({ type: 'focus', key });
    // The page is still loading: the focus goes with the graph it asks for.
    else this.pendingFocus = key;
    return key;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(viewType, 'Mental Model Graph', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'rationale.svg');
    const webview = panel.webview;
    webview.html = graphHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'graphView.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'graphView.css')).toString(),
    });
    this.webviewReady = false;
    // Opening a document can fail (the file was deleted since): the user hears of it.
    const listening = webview.onDidReceiveMessage((data: unknown) =>
      this.received(data).catch((e: unknown) => {
        this.output.error(`Mental Model Graph: ${(e as Error).stack ?? e}`);
        void vscode.window.showErrorMessage(`Rationale: ${(e as Error).message ?? e}`);
      }),
    );
    panel.onDidDispose(() => {
      listening.dispose();
      this.panel = undefined;
      this.graph = undefined;
      this.nodes.clear();
    });
    return panel;
  }

  private async received(data: unknown): Promise<void> {
    const message = parseWebviewMessage(data);
    if (!message) {
      this.output.warn(`Mental Model Graph: ignored a message of unknown shape from the webview.`);
      return;
    }
    if (message.type === 'ready') {
      this.webviewReady = true;
      return this.refresh();
    }
    const node = this.nodes.get(message.key);
    if (!node) {
      this.output.warn(`Mental Model Graph: the webview asked to open a node the graph does not have.`);
      return;
    }
    const { start } = node.range;
    await vscode.window.showTextDocument(vscode.Uri.parse(node.uri, true), {
      preview: true,
      viewColumn: vscode.ViewColumn.Beside,
      selection: new vscode.Range(start.line, start.character, start.line, start.character),
    });
  }

  private scheduleRefresh(): void {
    if (!this.panel) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), refreshDelayMs);
  }

  /** Asks for the graph and sends it; resolves when the newest request's graph is sent. */
  private refresh(): Promise<void> {
    this.latest = this.load();
    return this.latest;
  }

  private async load(): Promise<void> {
    if (!this.panel) return;
    // Answers can overtake each other: only the newest request's graph is drawn, and an older
    // request's caller (show, waiting for a graph) waits for the newer one.
    const mine = ++this.requests;
    let graph: GraphResult;
    try {
      graph = await this.server.graph();
      if (mine !== this.requests) return this.latest;
    } catch (e) {
      if (mine !== this.requests) return this.latest;
      // Shown in the panel (and logged): an empty graph would read as "no documents".
      const message = (e as Error).message ?? String(e);
      this.output.error(`Mental Model Graph: ${message}`);
      this.post({ type: 'error', message });
      return;
    }
    this.graph = graph;
    this.nodes = new Map(graph.nodes.map((n) => [n.key, n]));
    const focus = this.webviewReady ? this.pendingFocus : undefined;
    if (this.webviewReady) this.pendingFocus = undefined;
    this.post({ type: 'graph', graph, focus });
  }

  /** A node's key from a document URI (as the tree has it) or an id. */
  private keyOf(uriOrId: string): string | undefined {
    if (!this.graph) return undefined;
    if (this.nodes.has(uriOrId)) return uriOrId;
    const normalised = safeUri(uriOrId);
    return this.graph.nodes.find((n) => (normalised !== undefined && n.kind !== 'requirement' && safeUri(n.uri) === normalised) || n.id === uriOrId)?.key;
  }

  private post(message: HostMessage): void {
    void this.panel?.webview.postMessage(message);
  }
}

/** The URI in VS Code's own spelling, so `file:///a%3Ab` and `file:///a:b` compare equal; undefined when it is none. */
function safeUri(s: string): string | undefined {
  try {
    return vscode.Uri.parse(s, true).toString();
  } catch {
    // Not a URI: the caller compares it as an id instead.
    return undefined;
  }
}
