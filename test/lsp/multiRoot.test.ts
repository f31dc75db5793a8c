import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover, Location } from 'vscode-languageserver/node';
import { treeRequest, type TreeNode, type TreeResult } from '../../server/src/protocol.js';
import { startFixture, type LspFixture } from './lspHarness.js';
import { peerName } from '../../server/src/lsp/peerFolder.js';

/**
 * A multi-root workspace is one model: the company's goals in one folder, a product in another.
 * Each folder keeps its own `.rationale.json`; the product's project serves a goal of the strategy
 * folder, and its code cites the goal and a decision of the strategy folder.
 */
const files = {
  'strategy/docs/goals/0001-grow.md': '---\nstatus: active\n---\n# Grow revenue\n\nWe grow.\n',
  'strategy/docs/adr/0001-one-cloud.md': '---\nstatus: accepted\ngoals: [GOAL-1]\n---\n# One cloud provider\n\n## Decision\n\nWe use one provider.\n',
  // The strategy folder maps its own status word; the app folder does not know it.
  'strategy/.rationale.json': JSON.stringify({ statusMap: { 'on-track': 'active' } }),
  'strategy/docs/goals/0002-retain.md': '---\nstatus: on-track\n---\n# Retain customers\n',
  'app/docs/prd/0001-checkout.md': '---\nstatus: active\ngoals: [GOAL-1]\n---\n# Checkout\n',
  'app/docs/goals/0005-fast.md': '---\nstatus: on-track\n---\n# Fast pages\n',
  'app/src/pay.ts': '// @goal strategy:GOAL-1\n// @decision ADR-0001\nexport const pay = 1;\n',
};

let fx: LspFixture;
before(async () => {
  fx = await startFixture(files, { folders: ['strategy', 'app'] });
});
after(() => fx.dispose());

async function diagnostics(path: string): Promise<Diagnostic[]> {
  return ((await fx.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: fx.uri(path) } })) as { items: Diagnostic[] }).items;
}

const codes = (items: Diagnostic[]) => items.map((d) => `${d.code} ${d.message}`);

function find(nodes: readonly TreeNode[], id: string): TreeNode[] {
  return nodes.flatMap((n) => [...(n.document.id === id ? [n] : []), ...find(n.children, id)]);
}

describe('a multi-root workspace is one model', () => {
  it('an id of the other folder resolves, bare when unambiguous or qualified by the folder name', async () => {
    assert.deepEqual(codes(await diagnostics('app/src/pay.ts')), []);
    const hover = (await fx.client.sendRequest('textDocument/hover', { textDocument: { uri: fx.uri('app/src/pay.ts') }, position: { line: 0, character: 12 } })) as Hover;
    assert.match(JSON.stringify(hover.contents), /Grow revenue/);
    const decision = (await fx.client.sendRequest('textDocument/hover', { textDocument: { uri: fx.uri('app/src/pay.ts') }, position: { line: 1, character: 16 } })) as Hover;
    assert.match(JSON.stringify(decision.contents), /One cloud provider/);
    const definition = (await fx.client.sendRequest('textDocument/definition', { textDocument: { uri: fx.uri('app/src/pay.ts') }, position: { line: 1, character: 16 } })) as Location;
    assert.equal(definition.uri, fx.uri('strategy/docs/adr/0001-one-cloud.md'));
  });

  it("completion offers the other folder's goals, inserted bare when that resolves", async () => {
    await fx.open('app/src/new.ts', '// @goal \n');
    const items = (await fx.client.sendRequest('textDocument/completion', { textDocument: { uri: fx.uri('app/src/new.ts') }, position: { line: 0, character: 9 } })) as { label: string; textEdit?: { newText: string } }[];
    const grow = items.find((i) => /GOAL-0001$/.test(i.label));
    assert.equal(grow?.label, 'strategy:GOAL-0001', JSON.stringify(items.map((i) => i.label)));
    assert.equal(grow?.textEdit?.newText, 'GOAL-0001');
    await fx.close('app/src/new.ts');
  });

  it("each folder's .rationale.json applies to that folder only", async () => {
    assert.doesNotMatch(codes(await diagnostics('strategy/docs/goals/0002-retain.md')).join('\n'), /unknown-status/);
    assert.match(codes(await diagnostics('app/docs/goals/0005-fast.md')).join('\n'), /unknown-status/);
  });

  it("a goal served only by the other folder's project has a project; one served by none still warns", async () => {
    assert.deepEqual(codes(await diagnostics('strategy/docs/goals/0001-grow.md')), []);
    assert.match(codes(await diagnostics('strategy/docs/goals/0002-retain.md')).join('\n'), /goal-without-project/);
  });

  it('the tree shows both folders together: the strategy goal holds the decision, once', async () => {
    const tree = (await fx.client.sendRequest(treeRequest.method)) as TreeResult;
    const grow = find(tree.goals, 'GOAL-0001').filter((n) => n.document.title === 'Grow revenue');
    assert.equal(grow.length, 1, 'one node for the strategy goal, though both folders list it');
    assert.deepEqual(grow[0].children.map((c) => c.document.id).sort(), ['ADR-0001', 'PRD-0001']);
    assert.equal(find(tree.goals, 'PRD-0001').length, 1);
    assert.ok(!tree.unlinked.some((n) => n.document.id === 'PRD-0001'), 'placed by the app folder, so not unlinked');
    assert.equal(grow[0].document.uri, fx.uri('strategy/docs/goals/0001-grow.md'));
    // The decision's code includes the app's citation, which only the app folder sees.
    assert.deepEqual(find(grow, 'ADR-0001')[0].code?.map((c) => c.uri), [fx.uri('app/src/pay.ts')]);
    assert.deepEqual(tree.counts, { goal: 3, project: 1, decision: 1 });
    assert.ok(!tree.unlinked.some((n) => n.document.uri === fx.uri('strategy/docs/adr/0001-one-cloud.md')));
  });

  it("find references on the strategy's decision lists the app's code that cites it", async () => {
    const refs = (await fx.client.sendRequest('textDocument/references', { textDocument: { uri: fx.uri('strategy/docs/adr/0001-one-cloud.md') }, position: { line: 4, character: 3 }, context: { includeDeclaration: false } })) as Location[];
    assert.deepEqual(refs.map((r) => `${r.uri.slice(r.uri.indexOf('/app/') >= 0 ? r.uri.indexOf('/app/') : r.uri.indexOf('/strategy/'))}:${r.range.start.line}`), ['/app/src/pay.ts:1']);
  });

  it('an edit in one folder changes what the other resolves, and back', async () => {
    // The strategy folder stops reading its decisions: the app's citation no longer resolves.
    const config = 'strategy/.rationale.json';
    await fx.open(config);
    await fx.change(config, JSON.stringify({ statusMap: { 'on-track': 'active' }, ignore: ['docs/adr/**'] }));
    assert.match(codes(await diagnostics('app/src/pay.ts')).join('\n'), /unknown-id .*ADR-0001/);
    const refreshed = fx.nextIndexed();
    await fx.change(config, files[config]);
    assert.deepEqual(codes(await diagnostics('app/src/pay.ts')), []);
    await fx.close(config);
    // The views are told to redraw once the edits settle (and nothing is sent after the test ends).
    assert.deepEqual((await refreshed).counts, { goal: 3, project: 1, decision: 1 });
  });
});

describe('peer folder names', () => {
  it('are valid id qualifiers, unique without regard to case', () => {
    const taken = new Set<string>();
    const names = ['My Strategy (2026)', 'api', 'API', '2026 plans', '---'].map((n) => {
      const name = peerName(n, taken);
      taken.add(name.toLowerCase());
      return name;
    });
    assert.deepEqual(names, ['My-Strategy-2026', 'api', 'API-2', 'plans', 'folder']);
  });
});
