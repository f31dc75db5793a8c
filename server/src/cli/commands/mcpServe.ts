import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CreateDocument } from '../../core/features/agentTools/agentTool.js';
import { createMcpServer } from '../../node/mcp/mcpServer.js';
import { NodeAgentHost } from '../../node/mcp/nodeAgentHost.js';
import { paranoidIndex } from '../../node/paranoidIndex.js';
import { parseArgs, type CommandSpec } from '../args.js';
import { printError, type CliIo } from '../io.js';
import { loadWorkspaceWithWarnings, resolveRoot } from '../loadWorkspace.js';
import { createExclusive, withFolderLock } from '../safeWrite.js';
import { today } from '../today.js';

export const mcpSpec: CommandSpec = {
  name: 'mcp',
  flags: {
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: ['dir?'],
};

/**
 * Serves the agent tools over MCP on stdin/stdout until the client closes stdin. The workspace is
 * indexed once, before the first message is read; stdout carries only the protocol, so warnings,
 * the start-up line and tool failures go to stderr. Shared by `rationale mcp` and the extension's
 * bundled `dist/mcp.cjs`, which differ only in how they know their version.
 */
export async function serveMcp(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const args = parseArgs(argv, mcpSpec);
  const root = resolveRoot(io, (args.flags.dir as string | undefined) ?? args.positionals[0]);
  today(io); // a malformed RATIONALE_TODAY is an error now, not at the first call
  const started = Date.now();
  const loaded = loadWorkspaceWithWarnings(io, root);
  const log = (m: string) => printError(io, `mcp: ${m}`);
  const host = new NodeAgentHost({ workspace: loaded.workspace, index: loaded.index, today: () => today(io), createDocument: exclusiveCreate(root), paranoid: paranoidIndex(io.env), watch: { log } });
  const server = createMcpServer(host, { version, log });
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => {
      host.close();
      resolve();
    };
  });
  // The transport does not notice stdin ending: the client is gone, so the server closes.
  process.stdin.once('end', () => void server.close());
  await server.connect(new StdioServerTransport());
  io.stderr.write(`rationale mcp: serving ${loaded.index.documents.size} documents of ${root} over stdio (indexed in ${Date.now() - started} ms)\n`);
  await closed;
  return 0;
}

/**
 * New documents as `rationale new` writes them: under the folder's lock, the folder listed afresh,
 * the file created exclusively (never overwriting), and on a name taken meanwhile listed again.
 */
function exclusiveCreate(root: string): CreateDocument {
  return async (folder, plan) => {
    const folderAbs = nodePath.join(root, folder);
    fs.mkdirSync(folderAbs, { recursive: true });
    return withFolderLock(folderAbs, () => {
      for (let attempt = 0; attempt < 1000; attempt++) {
        const file = plan(fs.readdirSync(folderAbs));
        const abs = nodePath.join(root, file.path);
        if (nodePath.dirname(abs) !== folderAbs) throw new Error(`refusing to create ${file.path} outside ${folder}`);
        try {
          createExclusive(abs, file.content);
          return file;
        } catch (e) {
          // Taken since we listed the folder (by a tool that does not lock): list again, next number.
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
      }
      throw new Error('no free file name after 1000 attempts');
    });
  };
}
