import type { Finding } from '../../base/finding.js';
import { createCheckContext, findingsForFile, withIndex, type CheckContext } from '../../checks/checkWorkspace.js';
import { isDiscoveryFile, updateIndex, type WorkspaceIndex } from '../../index/workspaceIndex.js';
import { errorResult, type AgentTool, type AgentToolHost, type AgentToolResult } from './agentTool.js';
import { oneLine } from './documentBrief.js';
import { OverlayWorkspace } from './overlayWorkspace.js';
import { rejectUnknownFields, stringField } from './toolInput.js';
import { workspaceRelativePath } from './workspacePath.js';

export const checkFileTool: AgentTool = {
  name: 'check_file',
  title: 'Check a file against the decisions',
  description: 'Runs Rationale\'s checks on one file: the rules of accepted decisions (forbidden imports, layers, patterns, dependencies), references to unknown or superseded decisions, and exceptions. Without `content` it checks the file as it is on disk; with `content` it checks that text as the file\'s proposed new content, in memory, writing nothing. Call it before saving a change.',
  inputSchema: {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'The file, relative to the workspace root (or absolute inside it).' },
      content: { type: 'string', description: 'Proposed full text of the file; omit to check the file on disk.' },
    },
    required: ['path'],
    additionalProperties: false,
  },
  run(host, input) {
    rejectUnknownFields(input, ['path', 'content']);
    const rawPath = stringField(input, 'path', true);
    const path = workspaceRelativePath(host, rawPath);
    const content = stringField(input, 'content');
    const exists = host.workspace.exists(path);
    if (exists === 'directory') return errorResult(`"${rawPath}" is a folder; check_file checks one file.`);
    const text = content ?? host.workspace.readText(path);
    if (text === undefined) {
      if (exists !== 'file') return errorResult(`There is no file "${path}"; pass "content" to check a file you are about to create.`);
      return errorResult(`${path} cannot be read as text: ${host.workspace.readProblem?.(path)?.reason ?? 'it is unreadable'}.`);
    }
    return checkText(host, path, text, content !== undefined);
  },
};

function checkText(host: AgentToolHost, path: string, text: string, proposed: boolean): AgentToolResult {
  const base = host.index();
  const overlay = new OverlayWorkspace(host.workspace, path, text);
  const next = updateIndex(base, overlay, [path], []);
  const source = proposed ? 'proposed content' : 'on disk';
  if (!next.fileSet.has(path)) {
    const message = `${path} is not checked: .gitignore, the configuration's "ignore" or the size limit leaves it out.`;
    return { text: message, structured: { path, source, checked: false, findings: [], suppressed: 0 } };
  }
  // A document or configuration edit changes what the rules are; a code edit leaves them as they were.
  const rulesChanged = base.documents.has(path) || next.documents.has(path) || isDiscoveryFile(path);
  const ctx = rulesChanged ? createCheckContext(next, overlay, { today: host.today() }) : withIndex(contextOf(host, base), next);
  const result = findingsForFile(ctx, path, text);
  const findings = result.findings.map(findingData);
  return {
    text: checkMarkdown(path, source, findings, result.suppressed.length),
    structured: { path, source, checked: true, findings, suppressed: result.suppressed.length },
  };
}

/** Building a context compiles every rule and checks every document: once per snapshot. */
const contexts = new WeakMap<WorkspaceIndex, CheckContext>();

function contextOf(host: AgentToolHost, index: WorkspaceIndex): CheckContext {
  if (host.checkContext) return host.checkContext(index);
  let ctx = contexts.get(index);
  if (!ctx || ctx.today !== host.today()) {
    ctx = createCheckContext(index, host.workspace, { today: host.today() });
    contexts.set(index, ctx);
  }
  return ctx;
}

interface FindingData {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  code: Finding['code'];
  decision: string | null;
  message: string;
}

/** 1-based lines and columns, as the agent edits the file. */
function findingData(f: Finding): FindingData {
  return {
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    code: f.code,
    decision: f.decision,
    message: f.message,
  };
}

function checkMarkdown(path: string, source: string, findings: readonly FindingData[], suppressed: number): string {
  const head = `# Check of \`${oneLine(path)}\` (${source})`;
  const excused = suppressed ? ` ${suppressed} more ${suppressed === 1 ? 'is' : 'are'} excused by recorded exceptions.` : '';
  if (findings.length === 0) return `${head}\n\nNo findings: it follows every decision that applies to it.${excused}\n`;
  const bySeverity = (['error', 'warning', 'info'] as const).map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const lines = findings.map((f) => `- line ${f.line}: ${f.severity} \`${f.code}\`${f.decision ? ` (${oneLine(f.decision)})` : ''}: ${oneLine(f.message)}`);
  return `${head}\n\n${findings.length} ${findings.length === 1 ? 'finding' : 'findings'} (${bySeverity.map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`).join(', ')}).${excused}\n\n${lines.join('\n')}\n`;
}
