import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { contentHash } from '../../server/src/core/base/contentHash.js';
import { baselineFileName } from '../../server/src/core/checks/baseline.js';
import type { JsonReport } from '../../server/src/cli/formats/jsonFormat.js';
import { treeRequest, type TreeNode, type TreeResult } from '../../server/src/protocol.js';
import { pinnedToday, rationale } from '../cli/cliHarness.js';
import { startFixture, type LspFixture } from './lspHarness.js';

const decision = (title: string) => `---\nstatus: accepted\nrules:\n  - forbid-import: moment\n---\n# ${title}\n`;
const files = {
  'docs/adr/0001-no-moment.md': decision('No moment'),
  'docs/adr/0002-quiet.md': '---\nstatus: accepted\n---\n# Quiet\n',
  // One finding the baseline accepts, one new, one excused by an exception, one under an expired exception.
  'src/a.ts': "import m from 'moment';\n",
  'src/b.ts': "import n from 'moment'; // new\n",
  'src/c.ts': "// rationale-disable-next-line ADR-0001 -- the report still formats with it\nimport m2 from 'moment';\n",
  'src/d.ts': "// rationale-disable-next-line ADR-0001 until 2026-01-31 -- until the January release\nimport m3 from 'moment';\n",
  [baselineFileName]: JSON.stringify({ version: 1, entries: [{ file: 'src/a.ts', code: 'forbid-import', decision: 'ADR-0001', lineHash: contentHash("import m from 'moment';"), count: 1 }] }),
};

const fixtures: LspFixture[] = [];
after(() => fixtures.forEach((f) => f.dispose()));

const decisions = (nodes: readonly TreeNode[]): TreeNode[] => nodes.flatMap((n) => [...(n.document.kind === 'decision' ? [n] : []), ...decisions(n.children)]);

describe('debt per decision in the Mental Model tree', () => {
  it('gives each decision the counts of `rationale check --format json` (byDecision), with their wording', async () => {
    const fx = await startFixture(files, { server: { today: () => pinnedToday } });
    fixtures.push(fx);
    const tree = (await fx.client.sendRequest(treeRequest.method)) as TreeResult;
    const nodes = decisions([...tree.goals, ...tree.unlinked]);
    const cli = JSON.parse((await rationale(['check', '--format', 'json'], { dir: fx.root })).stdout) as JsonReport;
    assert.deepEqual(cli.summary.byDecision, { 'ADR-0001': { findings: 2, exceptions: 1, expired: 1, baselined: 1 } });
    const debt = Object.fromEntries(nodes.filter((n) => n.debt).map((n) => [n.document.id, { ...n.debt }]));
    assert.deepEqual(debt, { 'ADR-0001': { ...cli.summary.byDecision['ADR-0001'], text: '2 findings, 1 exception, 1 expired, 1 baselined' } });
    assert.equal(nodes.find((n) => n.document.id === 'ADR-0002')?.debt, undefined);

    // Paying a finding down shows in the tree at the next request.
    await fx.open('src/b.ts');
    await fx.change('src/b.ts', 'export const quiet = 1;\n');
    const after = decisions(((await fx.client.sendRequest(treeRequest.method)) as TreeResult).unlinked).find((n) => n.document.id === 'ADR-0001');
    assert.equal(after?.debt?.text, '1 finding, 1 exception, 1 expired, 1 baselined');
  });
});
