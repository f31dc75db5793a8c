import { modelGraph, toDot, toMermaid } from '../../core/index/graph.js';
import { parseArgs, type CommandSpec } from '../args.js';
import { escapeText } from '../terminalText.js';
import type { CliIo } from '../io.js';
import { loadWorkspaceWithWarnings, resolveRoot } from '../loadWorkspace.js';

export const graphSpec: CommandSpec = {
  name: 'graph',
  flags: {
    format: { type: 'string', short: 'f', values: ['mermaid', 'dot'] },
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: ['dir?'],
};

export async function runGraph(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, graphSpec);
  const root = resolveRoot(io, (args.flags.dir as string | undefined) ?? args.positionals[0]);
  const loaded = loadWorkspaceWithWarnings(io, root);
  const model = modelGraph(loaded.index);
  // Titles, ids and statuses escaped first; the formats then quote them for their own syntax.
  const graph = { ...model, nodes: model.nodes.map((n) => ({ ...n, document: { ...n.document, id: escapeText(n.document.id), title: escapeText(n.document.title), status: n.document.status === undefined ? undefined : escapeText(n.document.status) } })) };
  io.stdout.write(args.flags.format === 'dot' ? toDot(graph) : toMermaid(graph));
  return 0;
}
