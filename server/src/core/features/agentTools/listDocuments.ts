import type { DocKind, RationaleDocument } from '../../documents/document.js';
import { statusKey } from '../../documents/statusMap.js';
import { statusInForce } from '../../index/statusInForce.js';
import { allDocuments, type WorkspaceIndex } from '../../index/workspaceIndex.js';
import type { AgentTool } from './agentTool.js';
import { briefLine, documentBrief } from './documentBrief.js';
import { kindField, rejectUnknownFields, stringField } from './toolInput.js';

export const listDocumentsTool: AgentTool = {
  name: 'list_documents',
  title: 'List goals, projects and decisions',
  description: 'Lists the workspace\'s goals, projects and architecture decisions with their status in force (a decision an accepted one supersedes reads superseded), optionally only one kind or one status (e.g. accepted, proposed, superseded, active; "none" for documents without a status).',
  inputSchema: {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['goal', 'project', 'decision'], description: 'Only documents of this kind.' },
      status: { type: 'string', description: 'Only documents whose status in force is this (accepted, proposed, …; "none" for no status).' },
    },
    additionalProperties: false,
  },
  run(host, input) {
    rejectUnknownFields(input, ['kind', 'status']);
    const kind = kindField(input);
    const status = stringField(input, 'status')?.trim() || undefined;
    const index = host.index();
    const documents = selectDocuments(index, kind, status).map((d) => documentBrief(index, d));
    const noun = (n: number) => `${kind ?? 'document'}${n === 1 ? '' : 's'}`;
    const what = (n: number) => `${noun(n)}${status ? ` with status ${status}` : ''}`;
    if (documents.length === 0) {
      const present = [...new Set(allDocuments(index).filter((d) => !kind || d.kind === kind).map((d) => statusInForce(index, d).status ?? 'none'))].sort();
      const hint = status && present.length ? ` Statuses present: ${present.join(', ')}.` : '';
      return { text: `No ${what(0)}.${hint}\n`, structured: { kind: kind ?? null, status: status ?? null, documents } };
    }
    const text = `# ${documents.length} ${what(documents.length)}\n\n${documents.map((d) => `- ${briefLine(d)}`).join('\n')}\n`;
    return { text, structured: { kind: kind ?? null, status: status ?? null, documents } };
  },
};

const kindOrder: Record<DocKind, number> = { goal: 0, project: 1, decision: 2 };

/** The workspace's documents and its sources', goals first, then projects, then decisions, each in path order. */
function selectDocuments(index: WorkspaceIndex, kind?: DocKind, status?: string): RationaleDocument[] {
  const wanted = status !== undefined ? statusKey(status).replace(/\s+/g, '-') : undefined;
  return allDocuments(index)
    .filter((d) => !kind || d.kind === kind)
    .filter((d) => {
      if (wanted === undefined) return true;
      const inForce = statusInForce(index, d).status;
      return inForce === undefined ? wanted === 'none' : statusKey(inForce).replace(/\s+/g, '-') === wanted;
    })
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
