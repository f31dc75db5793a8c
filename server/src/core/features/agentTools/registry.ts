import { AgentToolInputError, errorResult, type AgentTool, type AgentToolHost, type AgentToolResult } from './agentTool.js';
import { checkFileTool } from './checkFile.js';
import { governingDecisionsTool } from './governingDecisions.js';
import { listDocumentsTool } from './listDocuments.js';
import { proposeDecisionTool } from './proposeDecision.js';
import { searchDocumentsTool } from './searchDocuments.js';

// @decision ADR-0002: the agent tools are core functions; MCP, the language server and the CLI only carry them.

/** Every agent tool, in the order hosts list them: the MCP server and VS Code's language-model tools alike. */
export const agentTools: readonly AgentTool[] = [governingDecisionsTool, checkFileTool, searchDocumentsTool, listDocumentsTool, proposeDecisionTool];

export function agentTool(name: string): AgentTool | undefined {
  return agentTools.find((t) => t.name === name);
}

/**
 * Runs a tool by name. Bad input (an unknown tool, input that is not an object, a field of the wrong
 * type, a path outside the workspace) comes back as an error result saying what was wrong. A failure
 * of the tool itself (a bug, a write the disk refused) comes back as an error result too, marked
 * `internal` so the host logs it: an agent gets an answer either way, and nothing is hidden.
 */
export async function runAgentTool(host: AgentToolHost, name: string, input: unknown): Promise<AgentToolResult> {
  const tool = agentTool(name);
  if (!tool) return errorResult(`Unknown tool "${name}"; the tools are ${agentTools.map((t) => t.name).join(', ')}.`);
  const args = input ?? {};
  if (typeof args !== 'object' || Array.isArray(args)) return errorResult(`The input of ${name} must be an object of named fields.`);
  try {
    return await tool.run(host, args as Record<string, unknown>);
  } catch (e) {
    if (e instanceof AgentToolInputError) return errorResult(e.message);
    const message = `${name} failed: ${e instanceof Error ? e.message : String(e)}`;
    return { text: message, structured: { error: message, internal: true }, isError: true };
  }
}
