import * as nodePath from 'node:path';
import { AgentToolInputError } from '../../core/features/agentTools/agentTool.js';
import { governingReport } from '../../core/features/agentTools/governingDecisions.js';
import { governingMarkdown } from '../../core/features/agentTools/governingMarkdown.js';
import { NodeAgentHost } from '../../node/mcp/nodeAgentHost.js';
import { CliError, parseArgs, UsageError, type CommandSpec } from '../args.js';
import type { CliIo } from '../io.js';
import { loadWorkspaceWithWarnings, resolveRoot } from '../loadWorkspace.js';
import { today } from '../today.js';
import { findWorkspaceRoot } from '../workspaceRoot.js';
import { parseLocation } from './explain.js';

export const contextSpec: CommandSpec = {
  name: 'context',
  flags: {
    dir: { type: 'string' },
    'max-chars': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: ['path[:line]'],
};

/** Short enough to paste into a prompt or a pull request; whole sections beyond it are left out, and the text says so. */
const defaultMaxChars = 6000;

/**
 * `rationale context PATH`: the Markdown to read before changing PATH (the text of the
 * governing_decisions agent tool), capped in length. Prints Markdown even on a terminal: it is
 * meant to be pasted.
 */
export async function runContext(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, contextSpec);
  const maxChars = parseMaxChars(args.flags['max-chars'] as string | undefined);
  const { abs, line } = parseLocation(io.cwd, args.positionals[0]);
  const dir = args.flags.dir as string | undefined;
  const root = dir !== undefined ? resolveRoot(io, dir) : (findWorkspaceRoot(nodePath.dirname(abs)) ?? io.cwd);
  const loaded = loadWorkspaceWithWarnings(io, root);
  const host = new NodeAgentHost({ workspace: loaded.workspace, index: loaded.index, today: () => today(io) });
  try {
    io.stdout.write(governingMarkdown(governingReport(host, abs, line), maxChars));
  } catch (e) {
    if (e instanceof AgentToolInputError) throw new CliError(e.message);
    throw e;
  }
  return 0;
}

function parseMaxChars(value: string | undefined): number {
  if (value === undefined) return defaultMaxChars;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 200) throw new UsageError(`--max-chars must be a whole number of at least 200 (got "${value}")`, 'context');
  return n;
}
