import * as nodePath from 'node:path';
import { URI } from 'vscode-uri';
import type { AgentToolHost, PlannedFile } from '../core/features/agentTools/agentTool.js';
import { runAgentTool } from '../core/features/agentTools/registry.js';
import { basename, dirname } from '../core/workspace/workspace.js';
import type { AgentToolAnswer, AgentToolParams } from '../protocol.js';
import type { Sessions } from './sessions.js';
import type { WorkspaceSession } from './workspaceSession.js';

/**
 * VS Code's language-model tools: the core's agent tools over the folder's session. The server
 * never writes: propose_decision's file comes back as `create`, which the client makes with an
 * exclusive WorkspaceEdit and, when the name was taken meanwhile, asks again with it in `taken`.
 */
export async function onAgentTool(sessions: Sessions, params: AgentToolParams, today: () => string): Promise<AgentToolAnswer> {
  const session = sessionFor(sessions, params);
  if (!session) return { text: 'Open a folder first: Rationale answers for the workspace folders.', structured: { error: 'no folder' }, isError: true };
  let planned: PlannedFile | undefined;
  const host: AgentToolHost = {
    features: session.features,
    index: () => session.index,
    workspace: session.workspace,
    today,
    workspacePath: (input) => session.relative(uriOf(session.root, input)),
    checkContext: () => session.checkContext(),
    createDocument: async (folder, plan) => {
      const names = session.workspace.listFiles().filter((p) => dirname(p) === folder).map(basename);
      planned = plan([...names, ...(params.taken ?? [])]);
      return planned;
    },
  };
  const result = await runAgentTool(host, params.name, params.input);
  const create = planned && !result.isError ? { uri: session.uriOf(planned.path), content: planned.content } : undefined;
  return { text: result.text, structured: result.structured, isError: result.isError === true, ...(create ? { create } : {}) };
}

/** The folder named, else the folder holding an absolute `path`, else the first. */
function sessionFor(sessions: Sessions, params: AgentToolParams): WorkspaceSession | undefined {
  if (params.folderUri) {
    const named = sessions.all().find((s) => s.rootUri === params.folderUri!.replace(/\/$/, '')) ?? sessions.locate(params.folderUri)?.session;
    if (named) return named;
  }
  const path = params.input?.path;
  if (typeof path === 'string' && (nodePath.isAbsolute(path) || path.startsWith('file:'))) {
    const found = sessions.locate(path.startsWith('file:') ? path : URI.file(path).toString());
    if (found) return found.session;
  }
  return sessions.all()[0];
}

function uriOf(root: string, input: string): string {
  return input.startsWith('file:') ? input : URI.file(nodePath.resolve(root, input)).toString();
}
