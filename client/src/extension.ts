/**
 * Rationale's VS Code extension: a thin client over the language server (dist/server.cjs). It owns
 * what only the editor can do (views, the status bar, prompts, writing new files) and asks the
 * server for everything it knows (server/src/protocol.ts).
 */
import * as vscode from 'vscode';
import type { IndexedParams } from '../../server/src/protocol';
import { ActiveFileGoverning } from './activeFileGoverning';
import { registerAgentTools } from './agentTools';
import { commandIds } from './commands/commandIds';
import { findDecision } from './commands/findDecision';
import { linkCodeToDecision } from './commands/linkCodeToDecision';
import { idFromArgument } from './commands/commandArguments';
import { createDocumentForId, newDocument, supersedeDecision } from './commands/newDocument';
import { openDocument } from './commands/openDocument';
import { reindex } from './commands/reindex';
import { showGoverning } from './commands/showGoverning';
import { SetupReportDocuments, showSetupReport } from './commands/showSetupReport';
import { GraphPanel } from './graphView/graphPanel';
import { documentKeyFromArgument } from './graphView/graphArguments';
import { MentalModelView, type ModelElement } from './mentalModelView';
import { RationaleServer } from './rationaleServer';
import { readSettings, restartingSettings } from './settings';
import { GoverningStatusBar } from './statusBar';
import { ThisFileView } from './thisFileView';

/** What `activate` returns: a small API for the integration tests and other extensions. */
export interface RationaleApi {
  /** Resolves with the current index counts, waiting for the first index if it is still running. */
  whenIndexed(): Promise<IndexedParams>;
  /** Labels of the Mental Model's top-level items as the view shows them (fetched if stale). */
  mentalModelTopLevel(): Promise<string[]>;
  /** Every label the Mental Model shows (collapsed or not), depth first, two spaces of indent per level. */
  mentalModelLabels(): Promise<string[]>;
  /** The Mental Model's documents as `label — description`, depth first, not indented. */
  mentalModelRows(): Promise<string[]>;
  /** Whether the Mental Model is visible, what is selected in it, and how many trees it loaded. */
  mentalModelState(): { visible: boolean; selected: string[]; loads: number };
  /** The status bar item's text while it is shown. */
  statusBarText(): string | undefined;
  /** This File's rows, `label — description`, depth first, two spaces of indent per level. */
  thisFileRows(): string[];
  /** The folder of the extension's logs, which holds the Rationale output channel's file. */
  readonly logUri: vscode.Uri;
}

let runningServer: RationaleServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<RationaleApi> {
  const output = vscode.window.createOutputChannel('Rationale', { log: true });
  const server = new RationaleServer(context, output);
  runningServer = server;
  const settings = readSettings();
  const active = new ActiveFileGoverning(server);
  const tree = new MentalModelView(server, settings.showRetired);
  const thisFile = new ThisFileView(active, (uri) => tree.documentAt(uri));
  const statusBar = new GoverningStatusBar(active, settings.statusBarEnabled);
  const setupReports = new SetupReportDocuments();
  const graph = new GraphPanel(server, context.extensionUri, output);
  context.subscriptions.push(output, server, active, tree, thisFile, statusBar, setupReports, graph);

  const register = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => runReportingErrors(output, id, () => run(...args))));

  register(commandIds.newDecision, (arg) => newDocument(server, 'decision', arg));
  register(commandIds.newProject, (arg) => newDocument(server, 'project', arg));
  register(commandIds.newGoal, (arg) => newDocument(server, 'goal', arg));
  register(commandIds.supersedeDecision, (arg, title) => supersedeDecision(server, arg, title));
  register(commandIds.createDocumentForId, (id, kind, title) => createDocumentForId(server, id, kind, title));
  register(commandIds.findDecision, () => findDecision(server));
  register(commandIds.linkCodeToDecision, (arg) => linkCodeToDecision(server, arg));
  register(commandIds.showGoverning, () => showGoverning(active));
  register(commandIds.reindex, () => reindex(server));
  register(commandIds.refreshTree, () => tree.invalidate());
  register(commandIds.showRetired, () => tree.setShowRetired(true));
  register(commandIds.hideRetired, () => tree.setShowRetired(false));
  register(commandIds.showOutput, () => output.show(true));
  register(commandIds.showSetupReport, () => showSetupReport(server, setupReports));
  // Both resolve with the key of the node revealed (tests read it).
  register(commandIds.showGraph, () => graph.show());
  register(commandIds.revealInGraph, (arg) => graph.show(documentKeyFromArgument(arg)));
  register(commandIds.openDocument, (uri, line) => openDocument(uri, line));
  // From hover links (an id) and from the This File view's context menu (a tree element).
  register(commandIds.revealInTree, async (arg) => {
    const id = idFromArgument(arg);
    if (!id) return false;
    const found = await tree.reveal(id);
    if (!found) void vscode.window.showInformationMessage(`Rationale: ${id} is not in the Mental Model tree.`);
    return found;
  });

  registerAgentTools(context, server);

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('rationale')) return;
      const now = readSettings();
      // Only a change of the setting itself overrides the view's own eye toggle.
      if (e.affectsConfiguration('rationale.tree.showRetired')) tree.setShowRetired(now.showRetired);
      statusBar.setEnabled(now.statusBarEnabled);
      if (e.affectsConfiguration('rationale.enable')) {
        if (now.enable) await server.start();
        else await server.stop();
      } else if (now.enable && restartingSettings.some((s) => e.affectsConfiguration(s))) {
        output.info('Settings changed: restarting the language server.');
        await server.restart();
      }
    }),
  );

  if (settings.enable) {
    // Not awaited: the views show progress while the server starts and indexes, and activation
    // (which other extensions and the test host wait on) does not depend on the index.
    void server.start();
  } else {
    output.info('Rationale is disabled by the setting "rationale.enable".');
  }

  return {
    whenIndexed: () =>
      server.indexed
        ? Promise.resolve(server.indexed)
        : new Promise((resolve) => {
            const d = server.onIndexed((p) => {
              d.dispose();
              resolve(p);
            });
          }),
    mentalModelTopLevel: async () => {
      await tree.getChildren();
      return tree.topLevel().map(labelOf);
    },
    mentalModelLabels: async () => {
      const labels: string[] = [];
      const walk = async (element: ModelElement | undefined, depth: number): Promise<void> => {
        for (const child of await tree.getChildren(element)) {
          labels.push(`${'  '.repeat(depth)}${labelOf(child)}`);
          await walk(child, depth + 1);
        }
      };
      await walk(undefined, 0);
      return labels;
    },
    mentalModelRows: async () => {
      const rows: string[] = [];
      const walk = async (element: ModelElement | undefined): Promise<void> => {
        for (const child of await tree.getChildren(element)) {
          rows.push(`${labelOf(child)} — ${String(tree.getTreeItem(child).description ?? '')}`);
          await walk(child);
        }
      };
      await walk(undefined);
      return rows;
    },
    mentalModelState: () => ({ visible: tree.treeView.visible, selected: tree.treeView.selection.map(labelOf), loads: tree.loadCount }),
    statusBarText: () => statusBar.shownText,
    thisFileRows: () => thisFile.rows(),
    logUri: context.logUri,
  };

  function labelOf(element: ModelElement): string {
    const label = tree.getTreeItem(element).label;
    return typeof label === 'string' ? label : (label?.label ?? '');
  }
}

export function deactivate(): Promise<void> | undefined {
  // Returning the promise lets VS Code wait for the server to exit instead of orphaning it.
  const server = runningServer;
  runningServer = undefined;
  return server?.stop();
}

/** Command failures (server errors, a title that became invalid) reach the user, not just the log. */
async function runReportingErrors(output: vscode.LogOutputChannel, id: string, run: () => unknown): Promise<unknown> {
  try {
    return await run();
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    output.error(`${id}: ${(e as Error).stack ?? message}`);
    void vscode.window.showErrorMessage(`Rationale: ${message}`);
    return undefined;
  }
}
