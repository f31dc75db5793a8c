import { statusInForce } from '../../index/statusInForce.js';
import { allDocuments } from '../../index/workspaceIndex.js';
import { selectDocuments } from '../selectDocuments.js';
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
