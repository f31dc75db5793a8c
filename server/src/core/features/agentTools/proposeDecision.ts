import { resolveId } from '../../index/workspaceIndex.js';
import { errorResult, type AgentTool, type AgentToolHost, type AgentToolResult, type PlannedFile } from './agentTool.js';
import { oneLine } from './documentBrief.js';
import { fillDecisionTemplate, type DecisionFields } from './fillDecisionTemplate.js';
import { rejectUnknownFields, stringField } from './toolInput.js';

export const proposeDecisionTool: AgentTool = {
  name: 'propose_decision',
  title: 'Propose an architecture decision',
  description: 'Records a new architecture decision with status "proposed", for people to review: the next free number in the repository\'s decision folder, in the repository\'s own template (MADR or adr-tools), with your context, decision and consequences filled in. It creates a new file and never overwrites one. Search first (search_documents) so you do not duplicate an existing decision.',
  inputSchema: {
    type: 'object',
    properties: {
      title: { type: 'string', description: 'A short title that states the decision, e.g. "Use Postgres for sessions".' },
      context: { type: 'string', description: 'The problem and the forces at play, in a few sentences (Markdown).' },
      decision: { type: 'string', description: 'What is decided, and why (Markdown).' },
      consequences: { type: 'string', description: 'What becomes easier or harder because of it (Markdown).' },
      project: { type: 'string', description: 'Id of the project (PRD) the decision serves, e.g. PRD-0003.' },
    },
    required: ['title', 'context', 'decision'],
    additionalProperties: false,
  },
  run: proposeDecision,
};

async function proposeDecision(host: AgentToolHost, input: Readonly<Record<string, unknown>>): Promise<AgentToolResult> {
  rejectUnknownFields(input, ['title', 'context', 'decision', 'consequences', 'project']);
  const title = stringField(input, 'title', true).replace(/\s+/g, ' ').trim();
  const fields: DecisionFields = { context: stringField(input, 'context', true), decision: stringField(input, 'decision', true), consequences: stringField(input, 'consequences') };
  const projectId = stringField(input, 'project')?.trim();
  if (projectId) {
    const project = resolveId(host.index(), projectId, 'project');
    if (!project || project.kind !== 'project') return errorResult(`No project has the id "${projectId}"; list_documents with kind "project" lists them.`);
    fields.project = project.id;
  }
  if (!host.createDocument) return errorResult('This host cannot create files; nothing was written.');
  const date = host.today();
  const plan = (taken: readonly string[]) => host.features.planNewDocument({ kind: 'decision', title, date, taken });
  const first = plan([]);
  let id = first.id;
  const created: PlannedFile = await host.createDocument(first.folder, (fileNames) => {
    const p = plan(fileNames);
    id = p.id;
    return { path: p.path, content: fillDecisionTemplate(p.content, fields) };
  });
  const text = `Created ${oneLine(id)} \`${created.path}\` (status proposed): ${oneLine(title)}.\n\nIt takes effect once someone accepts it (status: accepted); its rules are checked from then on.\n`;
  return { text, structured: { id, path: created.path, title, status: 'proposed', project: fields.project ?? null, content: created.content } };
}
