import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { startFixture, type LspFixture } from './lspHarness.js';

const adr = '---\nstatus: accepted\nrules:\n  - forbid-import: moment\n---\n# No moment\n';
const fixtures: LspFixture[] = [];
after(() => fixtures.forEach((f) => f.dispose()));

async function start(files: Record<string, string>): Promise<LspFixture> {
  const fx = await startFixture(files);
  fixtures.push(fx);
  return fx;
}

type Pull = WorkspaceDiagnosticReport['items'];
const pull = (fx: LspFixture, previous: Pull = [], extra: object = {}) =>
  fx.client.sendRequest('workspace/diagnostic', {
    previousResultIds: previous.filter((i) => i.resultId).map((i) => ({ uri: i.uri, value: i.resultId! })),
    ...extra,
  }) as Promise<WorkspaceDiagnosticReport>;
const kinds = (fx: LspFixture, items: Pull) => Object.fromEntries(items.map((i: WorkspaceDocumentDiagnosticReport) => [i.uri.slice(fx.uri('').length), i.kind]));

describe('workspace diagnostics across pulls', () => {
  it('answer unchanged files as unchanged, with result ids that change only with their findings', async () => {
    const fx = await start({ 'docs/adr/0001-no-moment.md': adr, 'src/a.ts': "import m from 'moment';\n", 'src/b.ts': "import m from 'moment';\n" });
    const first = (await pull(fx)).items;
    assert.deepEqual(kinds(fx, first), { '/src/a.ts': 'full', '/src/b.ts': 'full' });

    const second = (await pull(fx, first)).items;
    assert.deepEqual(kinds(fx, second), { '/src/a.ts': 'unchanged', '/src/b.ts': 'unchanged' });

    // An edit that leaves a.ts's findings as they were keeps its id; one that changes b.ts's gives b.ts a new one.
    await fx.open('src/a.ts');
    await fx.change('src/a.ts', "import m from 'moment';\n// still the same finding\n");
    await fx.open('src/b.ts');
    await fx.change('src/b.ts', "\nimport m from 'moment';\n");
    const third = (await pull(fx, second)).items;
    assert.deepEqual(kinds(fx, third), { '/src/a.ts': 'unchanged', '/src/b.ts': 'full' });
    const b = third.find((i) => i.uri === fx.uri('src/b.ts'));
    assert.ok(b?.kind === 'full' && b.items[0].range.start.line === 1, JSON.stringify(b));

    // A file whose findings are gone is cleared explicitly, once.
    await fx.change('src/b.ts', "import { format } from 'date-fns';\n");
    const fourth = (await pull(fx, third)).items;
    const cleared = fourth.find((i) => i.uri === fx.uri('src/b.ts'));
    assert.ok(cleared?.kind === 'full' && cleared.items.length === 0, JSON.stringify(fourth));
    assert.deepEqual(kinds(fx, (await pull(fx, fourth)).items), { '/src/a.ts': 'unchanged' });
  });

  it('sends a large first pull in partial results when the client asks for them', async () => {
    const files: Record<string, string> = { 'docs/adr/0001-no-moment.md': adr };
    for (let i = 0; i < 1200; i++) files[`src/f${i}.ts`] = "import m from 'moment';\n";
    const fx = await start(files);
    const final = await pull(fx, [], { partialResultToken: 'first-pull' });
    const partials = (fx.progress as unknown as { items?: Pull }[]).filter((v) => Array.isArray(v.items));
    assert.ok(partials.length >= 2, `expected several partial results, got ${partials.length}`);
    const streamed = partials.flatMap((p) => p.items!).concat(final.items);
    assert.equal(new Set(streamed.map((i) => i.uri)).size, 1200);
    // Batches are bounded by what they carry: a file and each of its diagnostics, 2,000 in all.
    const weight = (items: Pull) => items.reduce((n, i) => n + 1 + (i.kind === 'full' ? i.items.length : 0), 0);
    assert.ok(partials.every((p) => weight(p.items!) <= 2000), partials.map((p) => weight(p.items!)).join(', '));
  });
});
