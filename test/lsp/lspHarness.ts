import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { startServer, type StartServerOptions } from '../../server/src/lsp/server.js';
import { indexedNotification, type IndexedParams } from '../../server/src/protocol.js';
import { fixtureFiles } from '../helpers/markers.js';
import type { Position, Range } from '../../server/src/core/base/range.js';

/** A real Rationale language server, in-process over a stream pair, on a fixture workspace on disk. */
export interface LspFixture {
  client: MessageConnection;
  root: string;
  uri(path: string): string;
  cursors: Record<string, Position | undefined>;
  ranges: Record<string, Range[]>;
  texts: Record<string, string>;
  /** Open a document in the "editor" (didOpen) with its fixture text or a new one. */
  open(path: string, text?: string): Promise<void>;
  change(path: string, text: string): Promise<void>;
  /** Every `$/progress` value the server sent, in order (begin, reports, end). */
  progress: { kind: string; percentage?: number; message?: string; title?: string }[];
  /** Resolves on the next `rationale/indexed` notification. */
  nextIndexed(): Promise<IndexedParams>;
  close(path: string): Promise<void>;
  /** Every capability the server registered (`client/registerCapability`), in order. */
  registrations: { method: string; registerOptions?: unknown }[];
  /** Every `window/logMessage` the server sent (type 1 is an error). */
  logs: { type: number; message: string }[];
  dispose(): void;
}

const languageIds: Record<string, string> = { ts: 'typescript', py: 'python', md: 'markdown', json: 'json', go: 'go' };

export interface FixtureOptions {
  initializationOptions?: Record<string, unknown>;
  /** The client's capabilities; default those of a VS Code-like client (progress, refresh, folders). */
  capabilities?: Record<string, unknown>;
  /**
   * How the client names the workspace: `folders` (workspaceFolders and rootUri, the default), or
   * `rootPath` only, as an old client without workspace-folder support does.
   */
  announce?: 'folders' | 'rootPath';
  /**
   * A multi-root workspace: these top-level folders of the fixture are the workspace folders, named
   * as written (paths in `files` and `uri()` stay relative to the fixture's root).
   */
  folders?: string[];
  server?: StartServerOptions;
  /** Return once `initialized` is sent, without waiting for the first index (default: wait). */
  whileIndexing?: boolean;
  /** Called with the client as soon as it is listening, before `initialize` (to send requests early). */
  onListening?: (client: MessageConnection) => void;
}

const vscodeLikeCapabilities = { window: { workDoneProgress: true }, workspace: { diagnostics: { refreshSupport: true }, workspaceFolders: true } };

export async function startFixture(files: Record<string, string>, options: FixtureOptions = {}): Promise<LspFixture> {
  const { texts, ranges, cursors } = fixtureFiles(files);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-lsp-'));
  for (const [p, t] of Object.entries(texts)) {
    fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    fs.writeFileSync(path.join(root, p), t);
  }
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), options.server);
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const waiters: ((p: IndexedParams) => void)[] = [];
  client.onNotification(indexedNotification.method, (p: IndexedParams) => waiters.splice(0).forEach((w) => w(p)));
  // The server asks for progress tokens and registrations; a real client says yes.
  client.onRequest('window/workDoneProgress/create', () => null);
  const progress: LspFixture['progress'] = [];
  client.onNotification('$/progress', (p: { value: LspFixture['progress'][number] }) => {
    progress.push(p.value);
  });
  const registrations: LspFixture['registrations'] = [];
  client.onRequest('client/registerCapability', (p: { registrations: LspFixture['registrations'] }) => {
    registrations.push(...p.registrations);
    return null;
  });
  client.onRequest('workspace/diagnostic/refresh', () => null);
  const logs: LspFixture['logs'] = [];
  client.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    logs.push(p);
  });
  client.listen();
  const nextIndexed = () => new Promise<IndexedParams>((resolve) => waiters.push(resolve));
  const uri = (p: string) => URI.file(path.join(root, p)).toString();
  const indexed = nextIndexed();
  const folders = options.folders?.map((name) => ({ uri: URI.file(path.join(root, name)).toString(), name })) ?? [{ uri: URI.file(root).toString(), name: 'fixture' }];
  for (const f of options.folders ?? []) fs.mkdirSync(path.join(root, f), { recursive: true });
  const workspace = options.announce === 'rootPath' ? { rootPath: root, rootUri: null } : { rootUri: folders[0].uri, workspaceFolders: folders };
  await client.sendRequest('initialize', {
    processId: null,
    ...workspace,
    capabilities: options.capabilities ?? vscodeLikeCapabilities,
    initializationOptions: options.initializationOptions ?? {},
  });
  await client.sendNotification('initialized', {});
  if (!options.whileIndexing) await indexed;
  const versions = new Map<string, number>();
  return {
    client, root, uri, cursors, ranges, texts, nextIndexed, progress, logs, registrations,
    async open(p, text) {
      versions.set(p, 1);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(p), languageId: languageIds[p.split('.').pop() ?? ''] ?? 'plaintext', version: 1, text: text ?? texts[p] } });
    },
    async change(p, text) {
      const v = (versions.get(p) ?? 1) + 1;
      versions.set(p, v);
      await client.sendNotification('textDocument/didChange', { textDocument: { uri: uri(p), version: v }, contentChanges: [{ text }] });
    },
    async close(p) {
      await client.sendNotification('textDocument/didClose', { textDocument: { uri: uri(p) } });
    },
    dispose() {
      client.dispose();
      toServer.end();
      toClient.end();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
