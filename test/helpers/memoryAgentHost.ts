import type { AgentToolHost, AgentToolResult } from '../../server/src/core/features/agentTools/agentTool.js';
import { runAgentTool } from '../../server/src/core/features/agentTools/registry.js';
import { createLanguageService } from '../../server/src/core/features/languageService.js';
import { buildIndex, updateIndex, type WorkspaceIndex } from '../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../server/src/core/workspace/memoryWorkspace.js';
import { basename, dirname } from '../../server/src/core/workspace/workspace.js';

/** The day the agent-tool tests take for today. */
export const agentToday = '2026-11-23';

/**
 * The agent tools over an in-memory workspace built from fixture strings: what the MCP server and
 * the language server give them, with an exclusive create that refuses an existing file and an
 * index updated after each write, as the hosts do.
 */
export function memoryAgentHost(files: Record<string, string>): { host: AgentToolHost; workspace: MemoryWorkspace; call: (name: string, input: unknown) => Promise<AgentToolResult> } {
  const workspace = new MemoryWorkspace(files);
  let index: WorkspaceIndex = buildIndex(workspace);
  const host: AgentToolHost = {
    features: createLanguageService({ workspace, index: () => index, uriOf: (p) => `file:///ws/${p}` }),
    index: () => index,
    workspace,
    today: () => agentToday,
    createDocument: async (folder, plan) => {
      for (let attempt = 0; attempt < 10; attempt++) {
        const names = workspace.listFiles().filter((p) => dirname(p) === folder).map(basename);
        const file = plan(names);
        if (workspace.exists(file.path)) continue;
        workspace.set(file.path, file.content);
        index = updateIndex(index, workspace, [file.path], []);
        return file;
      }
      throw new Error('no free name');
    },
  };
  return { host, workspace, call: (name, input) => runAgentTool(host, name, input) };
}
