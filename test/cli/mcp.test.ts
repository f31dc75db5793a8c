import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { bin, cliEnv, pinnedToday, read, workspace } from './cliHarness.js';

const files: Record<string, string> = {
  '.rationale.json': '{}\n',
  'docs/goals/0001-fast-checkout.md': '---\nstatus: active\n---\n# Fast checkout\n',
  'docs/prd/0001-one-page-cart.md': '---\nstatus: accepted\ngoals: [GOAL-0001]\n---\n# One-page cart\n',
  'docs/adr/0001-ui-dates.md': '---\nstatus: accepted\nproject: PRD-0001\napplies-to: ["src/ui/**"]\nrules:\n  - forbid-import: moment\n    severity: error\n    message: Use date-fns instead.\n---\n# The UI keeps dates light\n\n## Context and Problem Statement\n\nMoment is heavy.\n',
  'src/ui/cart.ts': 'import moment from "moment";\nexport const cart = 1;\n',
};

/** An MCP client talking to `node bin/rationale.js mcp <dir>` over stdio, as an agent's host would. */
async function connect(dir: string): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp', dir], env: cliEnv(), stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const client = new Client({ name: 'rationale-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function textOf(r: CallToolResult): string {
  return r.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
}

describe('rationale mcp', () => {
  let dir: string;
  let client: Client;
  let stderr: () => string;

  before(async () => {
    dir = workspace(files);
    ({ client, stderr } = await connect(dir));
  });
  after(async () => {
    await client.close();
  });

  it('lists exactly the five tools, each with an input schema', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name), ['governing_decisions', 'check_file', 'search_documents', 'list_documents', 'propose_decision']);
    const governing = tools.find((t) => t.name === 'governing_decisions')!;
    assert.deepEqual(governing.inputSchema.required, ['path']);
    assert.ok(governing.inputSchema.properties?.line);
    assert.match(stderr(), /serving 3 documents/);
  });

  it('governing_decisions answers Markdown and structured content', async () => {
    const r = await call(client, 'governing_decisions', { path: 'src/ui/cart.ts' });
    assert.equal(r.isError, undefined);
    const governing = (r.structuredContent as { governing: { id: string; reason: string; projects: { id: string }[]; goals: { id: string }[]; rules: { kind: string }[] }[] }).governing;
    assert.deepEqual(governing.map((g) => [g.id, g.reason, g.projects[0]?.id, g.goals[0]?.id, g.rules[0]?.kind]), [['ADR-0001', 'applies-to src/ui/**', 'PRD-0001', 'GOAL-0001', 'forbid-import']]);
    assert.match(textOf(r), /## ADR-0001: The UI keeps dates light/);
  });

  it('check_file reads the file fresh from disk, and checks proposed content without writing it', async () => {
    const before = await call(client, 'check_file', { path: nodePath.join(dir, 'src/ui/cart.ts') });
    assert.deepEqual((before.structuredContent as { findings: { code: string }[] }).findings.map((f) => f.code), ['forbid-import']);
    fs.writeFileSync(nodePath.join(dir, 'src/ui/cart.ts'), 'export const cart = 2;\n');
    const after = await call(client, 'check_file', { path: 'src/ui/cart.ts' });
    assert.deepEqual((after.structuredContent as { findings: unknown[] }).findings, []);
    const proposed = await call(client, 'check_file', { path: 'src/ui/cart.ts', content: 'import "moment";\n' });
    assert.equal((proposed.structuredContent as { source: string }).source, 'proposed content');
    assert.deepEqual((proposed.structuredContent as { findings: { line: number }[] }).findings.map((f) => f.line), [1]);
    assert.equal(read(dir, 'src/ui/cart.ts'), 'export const cart = 2;\n');
  });

  it('search_documents and list_documents', async () => {
    const found = await call(client, 'search_documents', { query: 'dates light' });
    assert.equal((found.structuredContent as { results: { id: string }[] }).results[0].id, 'ADR-0001');
    const listed = await call(client, 'list_documents', { kind: 'goal' });
    assert.deepEqual((listed.structuredContent as { documents: { id: string; status: string }[] }).documents.map((d) => [d.id, d.status]), [['GOAL-0001', 'active']]);
  });

  it('propose_decision creates the next decision, and a second call the one after', async () => {
    const first = await call(client, 'propose_decision', { title: 'Cache carts', context: 'Carts are slow.', decision: 'Cache them.', project: 'PRD-0001' });
    assert.equal(first.isError, undefined, textOf(first));
    assert.deepEqual([(first.structuredContent as { id: string }).id, (first.structuredContent as { path: string }).path], ['ADR-0002', 'docs/adr/0002-cache-carts.md']);
    const text = read(dir, 'docs/adr/0002-cache-carts.md');
    assert.match(text, new RegExp(`^---\\nstatus: proposed\\ndate: ${pinnedToday}\\n`));
    assert.match(text, /\nproject: PRD-0001\n/);
    assert.match(text, /## Decision Outcome\n\nCache them\.\n/);
    const second = await call(client, 'propose_decision', { title: 'Cache prices', context: 'c', decision: 'd' });
    assert.equal((second.structuredContent as { path: string }).path, 'docs/adr/0003-cache-prices.md');
    const proposed = await call(client, 'list_documents', { status: 'proposed' });
    assert.deepEqual((proposed.structuredContent as { documents: { id: string }[] }).documents.map((d) => d.id), ['ADR-0002', 'ADR-0003']);
  });

  it('sees documents edited and written on disk since start-up', async () => {
    const goal = nodePath.join(dir, 'docs/goals/0001-fast-checkout.md');
    fs.writeFileSync(goal, '---\nstatus: achieved\n---\n# Fast checkout\n');
    fs.writeFileSync(nodePath.join(dir, 'docs/goals/0002-fewer-refunds.md'), '---\nstatus: active\n---\n# Fewer refunds\n');
    // The server learns of them from a watch on the folder, which reports a moment after the write.
    const goals = async () => ((await call(client, 'list_documents', { kind: 'goal' })).structuredContent as { documents: { id: string; status: string }[] }).documents.map((d) => `${d.id} ${d.status}`).join(', ');
    let seen = await goals();
    for (let attempt = 0; attempt < 100 && seen !== 'GOAL-0001 achieved, GOAL-0002 active'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await goals();
    }
    assert.equal(seen, 'GOAL-0001 achieved, GOAL-0002 active');
  });

  it('answers bad input with isError results', async () => {
    const outside = await call(client, 'governing_decisions', { path: '../elsewhere.ts' });
    assert.equal(outside.isError, true);
    assert.match(textOf(outside), /outside the workspace/);
    const absolute = await call(client, 'check_file', { path: '/etc/passwd' });
    assert.equal(absolute.isError, true);
    const kind = await call(client, 'list_documents', { kind: 'memo' });
    assert.equal(kind.isError, true);
    const untitled = await call(client, 'propose_decision', { context: 'c', decision: 'd' });
    assert.equal(untitled.isError, true);
    assert.match(textOf(untitled), /title/);
    assert.equal(fs.readdirSync(nodePath.join(dir, 'docs/adr')).filter((n) => n.endsWith('.md')).length, 3);
  });

  it('lists every document as a resource and reads one back', async () => {
    const { resources } = await client.listResources();
    assert.ok(resources.some((r) => r.uri === 'rationale://goal/GOAL-0001'), JSON.stringify(resources.map((r) => r.uri)));
    assert.ok(resources.some((r) => r.uri === 'rationale://decision/ADR-0002'), 'a proposed decision is a resource too');
    const r = await client.readResource({ uri: 'rationale://decision/ADR-0001' });
    assert.equal((r.contents[0] as { text: string }).text, files['docs/adr/0001-ui-dates.md']);
    await assert.rejects(client.readResource({ uri: 'rationale://decision/ADR-0999' }), /No goal, project or decision/);
  });
});
