import { normalizePath } from '../../workspace/workspace.js';
import { AgentToolInputError, type AgentToolHost } from './agentTool.js';

/**
 * The workspace-relative path an agent means: the host maps absolute paths (it knows the root);
 * without a host mapping only relative paths are taken. A path that leaves the workspace is bad
 * input, said so, never read.
 */
export function workspaceRelativePath(host: AgentToolHost, raw: string): string {
  const mapped = host.workspacePath ? host.workspacePath(raw) : relativeOnly(raw);
  if (mapped === undefined || mapped === '') throw new AgentToolInputError(`"${raw}" is outside the workspace; give a path inside it (relative to its root, or absolute).`);
  return mapped;
}

function relativeOnly(raw: string): string | undefined {
  if (/^([/\\]|[A-Za-z]:)/.test(raw)) return undefined;
  return normalizePath(raw);
}
