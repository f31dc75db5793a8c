// The agent tools as VS Code's language-model tools: each invoked through vscode.lm.invokeTool on the
// sample workspace, answered by the language server's core, with the text the model would read
// checked. propose_decision's file is written by the client and deleted after the test.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fileName, filesCreatedBySuite, readText, sampleUri, waitFor } from './sampleWorkspace';

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
}

suite('agent tools', () => {
  const created = filesCreatedBySuite();

  test('the five tools are registered under their names', () => {
    const names = vscode.lm.tools.map((t) => t.name);
    for (const name of ['governing_decisions', 'check_file', 'search_documents', 'list_documents', 'propose_decision']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
  });

  test('governing_decisions names the decisions, their rules, project and goal', async () => {
    const text = await invoke('governing_decisions', { path: 'src/ui/dashboard.ts' });
    assert.match(text, /## ADR-0004: UI code does not call the database/);
    assert.match(text, /- forbid-layer from src\/ui\/\*\* to src\/db\/\*\* \(error\)/);
    assert.match(text, /- Project: \*\*PRD-0001\*\*/);
    assert.match(text, /- Goal: \*\*GOAL-growth\*\*/);
  });

  test('check_file finds the violations on disk, and none in clean proposed content', async () => {
    const onDisk = await invoke('check_file', { path: sampleUri('src/ui/dashboard.ts').fsPath });
    assert.match(onDisk, /error `forbid-import` \(ADR-0003\)/);
    assert.match(onDisk, /error `forbid-layer` \(ADR-0004\)/);
    const proposed = await invoke('check_file', { path: 'src/ui/dashboard.ts', content: '// SPDX-License-Identifier: MIT\nexport const x = 1;\n' });
    assert.match(proposed, /\(proposed content\)\n\nNo findings/);
  });

  test('search_documents and list_documents', async () => {
    assert.match(await invoke('search_documents', { query: 'date-fns' }), /^- \*\*ADR-0003\*\* Use date-fns instead of Moment\.js/m);
    const superseded = await invoke('list_documents', { kind: 'decision', status: 'superseded' });
    assert.match(superseded, /^# 1 decision with status superseded\n\n- \*\*ADR-0002\*\*/);
  });

  test('propose_decision creates the next decision, proposed, through the client', async () => {
    const text = await invoke('propose_decision', { title: 'Cache invoices', context: 'Invoices are slow to render.', decision: 'We cache rendered invoices.' });
    const match = /`(docs\/adr\/[^`]+)`/.exec(text);
    assert.ok(match, text);
    const uri = sampleUri(match[1]);
    created.push(uri);
    assert.equal(fileName(uri), '0009-cache-invoices.md');
    const written = await readText(uri);
    assert.match(written, /status: proposed/);
    assert.match(written, /We cache rendered invoices\./);
    await waitFor('the new decision in list_documents', async () => /ADR-0009/.test(await invoke('list_documents', { status: 'proposed' })));
  });

  test('bad input is refused with what was wrong', async () => {
    await assert.rejects(invoke('governing_decisions', { path: '../outside.ts' }), /outside the workspace/);
    await assert.rejects(invoke('list_documents', { kind: 'memo' }), /"kind" must be one of goal, project, decision/);
  });
});
