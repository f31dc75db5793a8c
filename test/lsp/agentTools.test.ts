import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { after, before, describe, it } from 'node:test';
import { agentToolRequest } from '../../server/src/protocol.js';
import { startFixture, type LspFixture } from './lspHarness.js';

let fx: LspFixture;
before(async () => {
  fx = await startFixture({
    'docs/adr/0001-ui-dates.md': '---\nstatus: accepted\napplies-to: ["src/ui/**"]\nrules:\n  - forbid-import: moment\n    severity: error\n---\n# The UI keeps dates light\n',
    'src/ui/cart.ts': 'export const cart = 1;\n',
  });
});
after(() => fx?.dispose());

describe('language server: rationale/agentTool', () => {
  it('answers a tool with the core\'s text and data, and an open editor\'s text counts', async () => {
    const governing = await fx.client.sendRequest(agentToolRequest, { name: 'governing_decisions', input: { path: 'src/ui/cart.ts' } });
    assert.equal(governing.isError, false);
    assert.match(governing.text, /## ADR-0001: The UI keeps dates light/);
    await fx.open('src/ui/cart.ts', 'import moment from "moment";\n');
    const checked = await fx.client.sendRequest(agentToolRequest, { name: 'check_file', input: { path: nodePath.join(fx.root, 'src/ui/cart.ts') } });
    assert.deepEqual((checked.structured.findings as { code: string }[]).map((f) => f.code), ['forbid-import']);
  });

  it('plans propose_decision for the client to create, writing nothing itself, and re-plans past a taken name', async () => {
    const input = { title: 'Cache carts', context: 'Slow.', decision: 'Cache.' };
    const answer = await fx.client.sendRequest(agentToolRequest, { name: 'propose_decision', input });
    assert.equal(answer.create?.uri, fx.uri('docs/adr/0002-cache-carts.md'));
    assert.match(answer.create.content, /status: proposed/);
    assert.equal(fs.existsSync(nodePath.join(fx.root, 'docs/adr/0002-cache-carts.md')), false);
    const again = await fx.client.sendRequest(agentToolRequest, { name: 'propose_decision', input, taken: ['0002-cache-carts.md'] });
    assert.equal(again.create?.uri, fx.uri('docs/adr/0003-cache-carts.md'));
  });

  it('answers bad input as an error, with no file to create', async () => {
    const answer = await fx.client.sendRequest(agentToolRequest, { name: 'propose_decision', input: { context: 'c', decision: 'd' } });
    assert.equal(answer.isError, true);
    assert.equal(answer.create, undefined);
    assert.match(answer.text, /"title" is required/);
  });
});
