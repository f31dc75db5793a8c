import { splitFrontMatter } from '../../core/documents/frontMatter.js';
import { DocumentSearch } from '../../core/features/search.js';
import { statusInForce, statusInForceText } from '../../core/index/statusInForce.js';
import { allDocuments } from '../../core/index/workspaceIndex.js';
import { parseArgs, positiveInteger, UsageError, type CommandSpec } from '../args.js';
import { colors, shouldColor } from '../colors.js';
import type { CliIo } from '../io.js';
import { loadWorkspaceWithWarnings, resolveRoot } from '../loadWorkspace.js';
import { renderTable } from '../table.js';
import { escapeText } from '../terminalText.js';
import { parseKind } from './list.js';

export const searchSpec: CommandSpec = {
  name: 'search',
  flags: {
    json: { type: 'boolean' },
    limit: { type: 'string', short: 'n' },
    kind: { type: 'string', short: 'k' },
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: ['query', 'dir?'],
};

export async function runSearch(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, searchSpec);
  const query = args.positionals[0];
  if (!query.trim()) throw new UsageError('the search query is empty', 'search');
  const limit = positiveInteger(args.flags.limit, 'limit', 'search') ?? 10;
  const kind = parseKind(args.flags.kind, 'search');
  const root = resolveRoot(io, (args.flags.dir as string | undefined) ?? args.positionals[1]);
  const loaded = loadWorkspaceWithWarnings(io, root);
  // The whole body is searchable here; the editor keeps to summaries to stay small.
  // Sources' documents too; their text is not kept, so their summaries are searched.
  const search = new DocumentSearch(allDocuments(loaded.index), {
    textOf: (d) => {
      const text = (d.source ? undefined : loaded.workspace.readText(d.path)) ?? d.summary;
      const fm = splitFrontMatter(text);
      return fm ? text.slice(fm.bodyOffset) : text;
    },
  });
  const hits = search.search(query, { limit, kinds: kind ? [kind] : undefined });
  if (args.flags.json) {
    io.stdout.write(`${JSON.stringify(hits.map((h) => ({
      id: h.document.id,
      kind: h.document.kind,
      title: h.document.title,
      status: statusInForce(loaded.index, h.document).status ?? null,
      file: h.document.path,
      source: h.document.source?.name ?? null,
      score: Math.round(h.score * 1000) / 1000,
      exact: h.exact,
    })), null, 2)}\n`);
    return 0;
  }
  if (hits.length === 0) {
    io.stdout.write(`No documents match "${escapeText(query)}".\n`);
    return 0;
  }
  const c = colors(shouldColor(io, io.stdout));
  io.stdout.write(renderTable(
    ['ID', 'KIND', 'STATUS', 'TITLE', 'FILE'],
    hits.map((h) => [h.document.id, h.document.kind, statusInForceText(statusInForce(loaded.index, h.document)) ?? '-', h.document.title, h.document.path]),
    { header: c.bold, maxWidth: io.stdout.isTTY ? io.stdout.columns : undefined, shrinkColumn: 3 },
  ));
  return 0;
}
