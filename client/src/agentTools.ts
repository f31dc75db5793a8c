/**
 * Rationale for AI agents in VS Code: the five agent tools as language-model tools (declared in
 * package.json `contributes.languageModelTools`, answered by the core on the server through one
 * request), and the same tools announced as an MCP server (`dist/mcp.cjs`, one per folder) for
 * agents that speak MCP. propose_decision is the only tool that writes, and the client writes: an
 * exclusive createFile that never replaces a file.
 */
import * as vscode from 'vscode';
import type { AgentToolAnswer, AgentToolName } from '../../server/src/protocol';
import type { RationaleServer } from './rationaleServer';
import { exists } from './commands/writeNewDocument';

/** The tools as package.json declares them; the build checks the two lists agree. */
export const agentToolNames: readonly AgentToolName[] = ['governing_decisions', 'check_file', 'search_documents', 'list_documents', 'propose_decision'];

const invocationMessages: Record<AgentToolName, (input: Record<string, unknown>) => string> = {
  governing_decisions: (i) => `Reading what governs ${String(i.path ?? 'the file')}`,
  check_file: (i) => `Checking ${String(i.path ?? 'the file')} against the decisions`,
  search_documents: (i) => `Searching decisions for "${String(i.query ?? '')}"`,
  list_documents: () => 'Listing goals, projects and decisions',
  propose_decision: (i) => `Proposing the decision "${String(i.title ?? '')}"`,
};

export function registerAgentTools(context: vscode.ExtensionContext, server: RationaleServer): void {
  for (const name of agentToolNames) {
    context.subscriptions.push(
      vscode.lm.registerTool<Record<string, unknown>>(name, {
        prepareInvocation: (options) => ({ invocationMessage: invocationMessages[name](options.input ?? {}) }),
        invoke: async (options, token) => {
          const answer = await runTool(server, name, options.input ?? {}, token);
          // A thrown error is how a tool tells the model its call was wrong; the text says how.
          if (answer.isError) throw new Error(answer.text);
          return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(answer.text)]);
        },
      }),
    );
  }
  context.subscriptions.push(registerMcpServers(context));
}

/** Asks the server; for propose_decision creates the planned file, re-planning once per name taken meanwhile. */
async function runTool(server: RationaleServer, name: AgentToolName, input: Record<string, unknown>, token: vscode.CancellationToken): Promise<AgentToolAnswer> {
  const taken: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await server.agentTool({ name, input, taken }, token);
    if (!answer.create) return answer;
    const uri = vscode.Uri.parse(answer.create.uri, true);
    // The server plans inside a workspace folder; anything else is a bug not worth risking a write.
    if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) throw new Error(`Refusing to create ${answer.create.uri}: it is outside the workspace folders.`);
    if (await createExclusively(uri, answer.create.content)) return answer;
    if (!(await exists(uri))) throw new Error(`Could not create ${vscode.workspace.asRelativePath(uri)}; nothing was written.`);
    taken.push(uri.path.slice(uri.path.lastIndexOf('/') + 1));
  }
  throw new Error('Every name planned for the decision was taken meanwhile; nothing was written. Try again in a moment.');
}

async function createExclusively(uri: vscode.Uri, content: string): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(content) }, { label: 'Propose decision', needsConfirmation: false });
  try {
    return await vscode.workspace.applyEdit(edit);
  } catch {
    // applyEdit rejects (rather than resolving false) for some failed file operations; the caller
    // tells "the name was taken" from other failures by looking at the disk.
    return false;
  }
}

/**
 * One MCP server per workspace folder: the bundled `dist/mcp.cjs` run by the editor's own Node
 * (ELECTRON_RUN_AS_NODE makes the Electron binary behave as Node), so nothing needs installing.
 */
function registerMcpServers(context: vscode.ExtensionContext): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const version = String(context.extension.packageJSON.version ?? 'dev');
  const script = context.asAbsolutePath('dist/mcp.cjs');
  const provider = vscode.lm.registerMcpServerDefinitionProvider('rationale.mcp', {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () =>
      (vscode.workspace.workspaceFolders ?? [])
        .filter((f) => f.uri.scheme === 'file')
        .map((f) => new vscode.McpStdioServerDefinition(`Rationale: ${f.name}`, process.execPath, [script, f.uri.fsPath], { ELECTRON_RUN_AS_NODE: '1' }, version)),
  });
  const folders = vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire());
  return vscode.Disposable.from(provider, folders, changed);
}
