import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { documentResources, readDocumentResource } from '../../core/features/agentTools/documentResources.js';
import { agentTools, runAgentTool } from '../../core/features/agentTools/registry.js';
import type { NodeAgentHost } from './nodeAgentHost.js';
import { zodInputSchema } from './zodInputSchema.js';

export interface McpServerOptions {
  version: string;
  /** Where the server's own messages go (stderr: stdout carries only the protocol). */
  log(message: string): void;
}

/**
 * The agent tools and the workspace's documents over the Model Context Protocol: each tool under
 * its core name, answering Markdown text plus the same facts as `structuredContent` (bad input is
 * an `isError` result), and each goal, project and decision as a `rationale://<kind>/<id>` resource.
 */
export function createMcpServer(host: NodeAgentHost, options: McpServerOptions): McpServer {
  const server = new McpServer(
    { name: 'rationale', title: 'Rationale', version: options.version },
    { instructions: 'Rationale knows this repository\'s goals, projects and architecture decisions (ADRs) and the rules they declare. Before changing a file call governing_decisions; before saving, check_file with the new content; search_documents before proposing a decision with propose_decision.' },
  );
  for (const tool of agentTools) {
    server.registerTool(tool.name, { title: tool.title, description: tool.description, inputSchema: zodInputSchema(tool.inputSchema) }, async (input: Record<string, unknown>): Promise<CallToolResult> => {
      host.refresh(typeof input.path === 'string' ? host.workspacePath(input.path) : undefined);
      const result = await runAgentTool(host, tool.name, input);
      if (result.structured.internal) options.log(`${tool.name}: ${result.text}`);
      return { content: [{ type: 'text', text: result.text }], structuredContent: result.structured, ...(result.isError ? { isError: true } : {}) };
    });
  }
  const template = new ResourceTemplate('rationale://{kind}/{id}', {
    list: () => {
      host.refresh();
      return { resources: documentResources(host.index()) };
    },
  });
  server.registerResource('document', template, { title: 'Goals, projects and decisions', mimeType: 'text/markdown' }, (uri) => {
    host.refresh();
    const found = readDocumentResource(host.index(), host.workspace, uri.href);
    if (!found) throw new Error(`No goal, project or decision at ${uri.href}; resources/list lists them.`);
    return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: found.text }] };
  });
  return server;
}
