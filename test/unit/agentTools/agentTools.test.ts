import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agentTools } from '../../../server/src/core/features/agentTools/registry.js';
import { documentResources, readDocumentResource } from '../../../server/src/core/features/agentTools/documentResources.js';
import { fillDecisionTemplate } from '../../../server/src/core/features/agentTools/fillDecisionTemplate.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { memoryAgentHost } from '../../helpers/memoryAgentHost.js';

const files: Record<string, string> = {
  'docs/goals/0001-fast-checkout.md': '---\nstatus: active\n---\n# Fast checkout\n\nCustomers pay in under a minute.\n',
  'docs/prd/0001-one-page-cart.md': '---\nstatus: accepted\ngoals: [GOAL-0001]\n---\n# One-page cart\n',
  'docs/adr/0001-ui-layer.md': '---\nstatus: accepted\nproject: PRD-0001\napplies-to: ["src/ui/**"]\nrules:\n  - forbid-import: moment\n    severity: error\n    message: Use date-fns instead.\n---\n# The UI keeps dates light\n\n## Context and Problem Statement\n\nMoment is heavy in the bundle.\n',
  'docs/adr/0002-old-store.md': '---\nstatus: accepted\n---\n# Keep carts in Redux\n',
  'docs/adr/0003-new-store.md': '---\nstatus: accepted\nsupersedes: ADR-0002\n---\n# Keep carts in the server\n',
  'src/ui/cart.ts': 'import moment from "moment";\n\n// @decision ADR-0002\nexport const cart = 1;\n',
  'src/db/pool.ts': 'export const pool = 1;\n',
};

describe('governing_decisions', () => {
  it('lists what governs a file, why, with its rules, project and goal', async () => {
    const { call } = memoryAgentHost(files);
    const r = await call('governing_decisions', { path: 'src/ui/cart.ts' });
    assert.equal(r.isError, undefined);
    const governing = r.structured.governing as { id: string; reason: string; status: string; rules: { text: string }[]; projects: { id: string }[]; goals: { id: string }[]; successor?: { id: string } }[];
    const ui = governing.find((g) => g.id === 'ADR-0001')!;
    assert.equal(ui.reason, 'applies-to src/ui/**');
    assert.equal(ui.rules[0].text, 'forbid-import moment (error): Use date-fns instead.');
    assert.deepEqual(ui.projects.map((p) => p.id), ['PRD-0001']);
    assert.deepEqual(ui.goals.map((g) => g.id), ['GOAL-0001']);
    const old = governing.find((g) => g.id === 'ADR-0002')!;
    assert.equal(old.status, 'superseded');
    assert.equal(old.successor?.id, 'ADR-0003');
    assert.match(r.text, /## ADR-0001: The UI keeps dates light/);
    assert.match(r.text, /- forbid-import moment \(error\): Use date-fns instead\./);
    assert.match(r.text, /Project: \*\*PRD-0001\*\* One-page cart/);
    assert.match(r.text, /Now replaced by \*\*ADR-0003\*\*/);
  });

  it('asks about one line: an annotation governs only the block below it', async () => {
    const { call } = memoryAgentHost(files);
    const first = await call('governing_decisions', { path: 'src/ui/cart.ts', line: 1 });
    const ids = (first.structured.governing as { id: string }[]).map((g) => g.id);
    assert.deepEqual(ids, ['ADR-0001']);
  });

  it('answers for a file not written yet by its path, and says nothing governs an unscoped one', async () => {
    const { call } = memoryAgentHost(files);
    const r = await call('governing_decisions', { path: 'src/ui/new.ts' });
    assert.equal(r.structured.exists, false);
    assert.deepEqual((r.structured.governing as { id: string }[]).map((g) => g.id), ['ADR-0001']);
    assert.match((await call('governing_decisions', { path: 'src/db/pool.ts' })).text, /Nothing governs it/);
  });

  it('cuts a very long answer to whole sections in its text, and keeps every document in its data', async () => {
    const many: Record<string, string> = { 'src/app.ts': 'export {};\n' };
    const summary = 'We keep this part of the code small and boring. '.repeat(20);
    // Long titles: the brief list of the documents beyond the detailed ones overflows too.
    const title = 'keep this part small '.repeat(15);
    for (let i = 1; i <= 80; i++) many[`docs/adr/${String(i).padStart(4, '0')}-rule-${i}.md`] = `---\nstatus: accepted\napplies-to: ["src/**"]\n---\n# Rule ${i}: ${title}\n\n## Context and Problem Statement\n\n${summary}\n`;
    const r = await memoryAgentHost(many).call('governing_decisions', { path: 'src/app.ts' });
    assert.equal((r.structured.governing as unknown[]).length + (r.structured.others as unknown[]).length, 80);
    assert.ok(r.text.length <= 24_000, `${r.text.length} characters`);
    assert.match(r.text, /_Cut to fit: \d+ more sections left out/);
  });

  it('gives the strongest 25 in full and lists the rest briefly, saying how many govern and how to narrow', async () => {
    const many: Record<string, string> = { 'src/app.ts': '// @decision ADR-0040\nexport {};\n' };
    const adr = (i: number) => `docs/adr/${String(i).padStart(4, '0')}-rule-${i}.md`;
    for (let i = 1; i <= 40; i++) many[adr(i)] = `---\nstatus: ${i === 1 ? 'superseded' : 'accepted'}\nrules:\n  - forbid-import: lib${i}\n    files: ["src/**"]\n---\n# Rule ${i}\n\n## Context and Problem Statement\n\nKeep lib${i} out.\n`;
    const r = await memoryAgentHost(many).call('governing_decisions', { path: 'src/app.ts' });
    const detailed = r.structured.governing as { id: string; via: string; rules: unknown[]; summary: string }[];
    const others = r.structured.others as Record<string, unknown>[];
    assert.deepEqual(r.structured.truncated, { shown: 25, total: 40 });
    assert.equal(detailed.length, 25);
    // The annotation outranks every rule scope, so it comes first, in full.
    assert.deepEqual([detailed[0].id, detailed[0].via], ['ADR-0040', 'annotation']);
    assert.ok(detailed.every((g) => g.rules.length === 1 && g.summary === `Keep lib${Number(g.id.slice(4))} out.`));
    assert.equal(others.length, 15);
    assert.deepEqual(Object.keys(others[0]).sort(), ['id', 'kind', 'path', 'reason', 'retired', 'status', 'strength', 'title', 'via']);
    assert.deepEqual(new Set([...detailed, ...others].map((g) => g.id)).size, 40);
    assert.match(r.text, /Governed by 40 documents\./);
    assert.match(r.text, /The 25 strongest are given in full, the other 15 listed briefly/);
    assert.match(r.text, /## Also governing \(listed briefly\)/);
    // Retired decisions come after those in force for the same reason.
    assert.deepEqual([others[14].id, others[14].retired, others[13].retired], ['ADR-0001', true, false]);
    assert.ok(r.text.includes(`- **ADR-0039** Rule 39 (accepted) — \`${adr(39)}\`: its rule scopes src/**`), r.text);
    assert.ok(r.text.includes(`- **ADR-0001** Rule 1 (superseded) — \`${adr(1)}\``), 'the retired decision is listed last');
    assert.equal((r.text.match(/^## ADR-\d+: /gm) ?? []).length, 25);
  });

  it('says nothing of truncation when everything fits', async () => {
    const r = await memoryAgentHost(files).call('governing_decisions', { path: 'src/ui/cart.ts' });
    assert.equal(r.structured.truncated, null);
    assert.deepEqual(r.structured.others, []);
    assert.doesNotMatch(r.text, /listed briefly/);
  });

  it('refuses paths outside the workspace, lines past the end and unknown fields', async () => {
    const { call } = memoryAgentHost(files);
    for (const path of ['../secret.ts', '/etc/passwd', 'src/../../x']) {
      const r = await call('governing_decisions', { path });
      assert.equal(r.isError, true, path);
      assert.match(r.text, /outside the workspace/);
    }
    assert.match((await call('governing_decisions', { path: 'src/db/pool.ts', line: 9 })).text, /Line 9 is past the end of src\/db\/pool\.ts \(2 lines\)/);
    assert.match((await call('governing_decisions', { path: 'src/db/pool.ts', lines: 1 })).text, /Unknown field "lines"/);
    assert.match((await call('governing_decisions', {})).text, /"path" is required/);
    assert.match((await call('governing_decisions', { path: 'src', line: 1 })).text, /is a folder/);
  });
});

describe('check_file', () => {
  it('checks the file on disk, and proposed content in memory without writing it', async () => {
    const { call, workspace } = memoryAgentHost(files);
    const onDisk = await call('check_file', { path: 'src/ui/cart.ts' });
    const codes = (onDisk.structured.findings as { code: string; line: number }[]).map((f) => `${f.code}@${f.line}`);
    assert.deepEqual(codes, ['forbid-import@1', 'superseded-reference@3']);
    assert.match(onDisk.text, /line 1: error `forbid-import` \(ADR-0001\)/);
    const fixed = await call('check_file', { path: 'src/ui/cart.ts', content: 'import { format } from "date-fns";\n// @decision ADR-0003\nexport const cart = 1;\n' });
    assert.deepEqual(fixed.structured.findings, []);
    assert.equal(fixed.structured.source, 'proposed content');
    assert.match(fixed.text, /No findings/);
    assert.equal(workspace.readText('src/ui/cart.ts'), files['src/ui/cart.ts']);
  });

  it('checks a file about to be created, and a proposed document', async () => {
    const { call, workspace } = memoryAgentHost(files);
    const created = await call('check_file', { path: 'src/ui/clock.ts', content: 'import "moment";\n' });
    assert.deepEqual((created.structured.findings as { code: string }[]).map((f) => f.code), ['forbid-import']);
    assert.equal(workspace.exists('src/ui/clock.ts'), undefined);
    const doc = await call('check_file', { path: 'docs/adr/0004-x.md', content: '---\nstatus: accepted\nproject: PRD-0404\n---\n# X\n' });
    assert.ok((doc.structured.findings as { code: string }[]).some((f) => f.code === 'unknown-id' || f.code === 'broken-link'), JSON.stringify(doc.structured));
    const missing = await call('check_file', { path: 'src/nothing.ts' });
    assert.equal(missing.isError, true);
    assert.match(missing.text, /no file "src\/nothing\.ts"; pass "content"/i);
  });
});

describe('search_documents and list_documents', () => {
  it('searches by words and kind, refusing an unknown kind', async () => {
    const { call } = memoryAgentHost(files);
    const r = await call('search_documents', { query: 'carts server' });
    assert.equal((r.structured.results as { id: string }[])[0].id, 'ADR-0003');
    const goals = await call('search_documents', { query: 'checkout', kind: 'goal' });
    assert.deepEqual((goals.structured.results as { id: string }[]).map((x) => x.id), ['GOAL-0001']);
    const bad = await call('search_documents', { query: 'x', kind: 'memo' });
    assert.equal(bad.isError, true);
    assert.match(bad.text, /"kind" must be one of goal, project, decision \(got "memo"\)/);
  });

  it('lists by kind and by status in force', async () => {
    const { call } = memoryAgentHost(files);
    const decisions = await call('list_documents', { kind: 'decision' });
    assert.deepEqual((decisions.structured.documents as { id: string }[]).map((d) => d.id), ['ADR-0001', 'ADR-0002', 'ADR-0003']);
    const superseded = await call('list_documents', { status: 'superseded' });
    assert.deepEqual((superseded.structured.documents as { id: string }[]).map((d) => d.id), ['ADR-0002']);
    const none = await call('list_documents', { kind: 'goal', status: 'proposed' });
    assert.match(none.text, /No goals with status proposed\. Statuses present: active\./);
  });
});

describe('propose_decision', () => {
  it('creates the next number in the repository template, status proposed, and the next call the number after', async () => {
    const { call, workspace } = memoryAgentHost(files);
    const r = await call('propose_decision', { title: 'Cache carts in Redis', context: 'Carts are read on every page.', decision: 'We cache them in Redis.', consequences: 'One more service to run.', project: 'PRD-0001' });
    assert.equal(r.isError, undefined, r.text);
    assert.equal(r.structured.id, 'ADR-0004');
    assert.equal(r.structured.path, 'docs/adr/0004-cache-carts-in-redis.md');
    const text = workspace.readText('docs/adr/0004-cache-carts-in-redis.md')!;
    assert.match(text, /^---\nstatus: proposed\ndate: 2026-11-23\n/);
    assert.match(text, /\nproject: PRD-0001\n/);
    assert.match(text, /## Context and Problem Statement\n\nCarts are read on every page\.\n/);
    assert.match(text, /## Decision Outcome\n\nWe cache them in Redis\.\n/);
    assert.match(text, /### Consequences\n\nOne more service to run\.\n/);
    assert.doesNotMatch(text.slice(text.indexOf('\n---\n# ')), /\{/, 'no placeholder section is left in the body');
    const second = await call('propose_decision', { title: 'Cache prices', context: 'c', decision: 'd' });
    assert.equal(second.structured.path, 'docs/adr/0005-cache-prices.md');
    const listed = await call('list_documents', { status: 'proposed' });
    assert.deepEqual((listed.structured.documents as { id: string }[]).map((d) => d.id), ['ADR-0004', 'ADR-0005']);
  });

  it('refuses a missing title, an unknown project and a host that cannot write', async () => {
    const { call, host } = memoryAgentHost(files);
    assert.match((await call('propose_decision', { context: 'c', decision: 'd' })).text, /"title" is required/);
    assert.match((await call('propose_decision', { title: '  ', context: 'c', decision: 'd' })).text, /"title" must not be empty/);
    assert.match((await call('propose_decision', { title: 't', context: 'c', decision: 'd', project: 'PRD-9' })).text, /No project has the id "PRD-9"/);
    const readOnly = { ...host, createDocument: undefined };
    const { runAgentTool } = await import('../../../server/src/core/features/agentTools/registry.js');
    assert.match((await runAgentTool(readOnly, 'propose_decision', { title: 't', context: 'c', decision: 'd' })).text, /cannot create files/);
  });

  it('fills an adr-tools template, adding the project as front matter', () => {
    const template = '# 3. Use X\n\nDate: 2026-11-23\n\n## Status\n\nProposed\n\n## Context\n\n{The issue.}\n\n## Decision\n\n{The change.}\n\n## Consequences\n\n{What becomes easier.}\n';
    const filled = fillDecisionTemplate(template, { context: 'Why.', decision: 'What.', project: 'PRD-1' });
    assert.equal(filled, '---\nproject: PRD-1\n---\n# 3. Use X\n\nDate: 2026-11-23\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n');
  });
});

describe('the registry and the resources', () => {
  it('names five tools, each with an object schema that requires what it needs', () => {
    assert.deepEqual(agentTools.map((t) => t.name), ['governing_decisions', 'check_file', 'search_documents', 'list_documents', 'propose_decision']);
    for (const t of agentTools) for (const r of t.inputSchema.required ?? []) assert.ok(t.inputSchema.properties[r], `${t.name}.${r}`);
  });

  it('answers an unknown tool and input that is not an object with an error', async () => {
    const { call } = memoryAgentHost(files);
    assert.match((await call('delete_everything', {})).text, /Unknown tool "delete_everything"; the tools are governing_decisions, /);
    assert.equal((await call('list_documents', [1])).isError, true);
    assert.equal((await call('list_documents', 'x')).isError, true);
  });

  it('gives every document an address that reads back its text', () => {
    const { workspace } = memoryAgentHost(files);
    const index = buildIndex(workspace);
    const resources = documentResources(index);
    assert.ok(resources.some((r) => r.uri === 'rationale://decision/ADR-0001'));
    assert.equal(readDocumentResource(index, workspace, 'rationale://goal/GOAL-0001')?.text, files['docs/goals/0001-fast-checkout.md']);
    assert.equal(readDocumentResource(index, workspace, 'rationale://goal/ADR-0001'), undefined);
    assert.equal(readDocumentResource(index, workspace, 'rationale://decision/%E0%A4%A'), undefined);
  });
});
