import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Hover } from 'vscode-languageserver/node';
import { governingRequest, type GoverningEntry } from '../../server/src/protocol.js';
import { startFixture, type LspFixture } from './lspHarness.js';

const files = {
  'docs/adr/0001-ui-layer.md': '---\nstatus: accepted\nrules:\n  - forbid-layer: { from: "src/ui/**", to: "src/db/**" }\n---\n# The UI does not call the database\n',
  'docs/adr/0002-pooling.md': '---\nstatus: accepted\n---\n# Pool connections\n\nSee `src/db/client.ts`, `src/db/pool.ts` and `src/db/schema.ts`.\n',
  'src/ui/cart.ts': '// ADR-0002 explains why the cart never opens a connection.\nexport const cart = 1;\n',
  'src/db/client.ts': 'export const client = 1;\n',
  'src/db/pool.ts': 'export const pool = 1;\n',
  'src/db/schema.ts': 'export const schema = 1;\n',
};

let fx: LspFixture;
before(async () => {
  fx = await startFixture(files);
});
after(() => fx?.dispose());

describe('language server: context before annotations', () => {
  it('the governing request says how and how strongly each document governs', async () => {
    const cart = (await fx.client.sendRequest(governingRequest.method, { uri: fx.uri('src/ui/cart.ts') })) as GoverningEntry[];
    assert.deepEqual(cart.map((g) => [g.document.id, g.via, g.strength, g.reason, g.line]), [
      ['ADR-0001', 'rule', 'strong', 'its rule scopes src/ui/**', undefined],
      ['ADR-0002', 'bare-id', 'weak', 'its id is written in a comment on line 1', 0],
    ]);
    const client = (await fx.client.sendRequest(governingRequest.method, { uri: fx.uri('src/db/client.ts') })) as GoverningEntry[];
    assert.deepEqual(client.map((g) => [g.document.id, g.via, g.strength, g.reason]), [['ADR-0002', 'mention', 'weak', 'mentioned in ADR-0002 as `src/db/client.ts`']]);
  });

  it('hover over mentioned code says where it is mentioned', async () => {
    const hover = (await fx.client.sendRequest('textDocument/hover', { textDocument: { uri: fx.uri('src/db/client.ts') }, position: { line: 0, character: 3 } })) as Hover;
    const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /^Mentioned in \[ADR-0002\]/);
  });

  it('offers applies-to on a document naming three files under one folder', async () => {
    const actions = (await fx.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri: fx.uri('docs/adr/0002-pooling.md') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Add src/db/** to applies-to (3 mentions under src/db/)']);
    assert.deepEqual(actions[0].edit?.changes?.[fx.uri('docs/adr/0002-pooling.md')], [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: 'applies-to: ["src/db/**"]\n' }]);
  });
});
