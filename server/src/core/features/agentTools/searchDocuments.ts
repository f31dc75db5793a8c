import type { AgentTool } from './agentTool.js';
import { briefLine, documentBrief, oneLine } from './documentBrief.js';
import { kindField, rejectUnknownFields, stringField } from './toolInput.js';

/** As many hits as a model reads with profit; the editor's Find Decision shows the same ranking. */
const hitLimit = 20;

export const searchDocumentsTool: AgentTool = {
  name: 'search_documents',
  title: 'Search goals, projects and decisions',
  description: 'Fuzzy search over the workspace\'s goals, projects and architecture decisions by id, title and text (typos tolerated; an exact id such as ADR-7 comes first). Use it to find whether a decision about a topic already exists before proposing one.',
  inputSchema: {
    type: 'object',
    properties: {
      query: { type: 'string', description: 'Words to look for, or an id.' },
      kind: { type: 'string', enum: ['goal', 'project', 'decision'], description: 'Only documents of this kind.' },
    },
    required: ['query'],
    additionalProperties: false,
  },
  run(host, input) {
    rejectUnknownFields(input, ['query', 'kind']);
    const query = stringField(input, 'query', true);
    const kind = kindField(input);
    const index = host.index();
    const hits = host.features.search(query, { limit: hitLimit, kinds: kind ? [kind] : undefined });
    const results = hits.map((h) => ({ ...documentBrief(index, h.document), score: Math.round(h.score * 1000) / 1000, exact: h.exact }));
    const head = `# Search: ${oneLine(query)}${kind ? ` (${kind}s)` : ''}`;
    const text = results.length
      ? `${head}\n\n${results.map((r) => `- ${briefLine(r)}${r.summary ? `\n  ${oneLine(r.summary).slice(0, 200)}` : ''}`).join('\n')}\n`
      : `${head}\n\nNo ${kind ?? 'document'} matches.\n`;
    return { text, structured: { query, kind: kind ?? null, results } };
  },
};
