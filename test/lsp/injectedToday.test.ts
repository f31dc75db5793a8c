import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { startFixture, type LspFixture } from './lspHarness.js';

// The server's "today" is injected (main.ts reads RATIONALE_TODAY into this option), so review-by
// findings in the editor depend on the date the test names, never on the real clock.
const files = { 'docs/adr/0001-queues.md': '---\nstatus: accepted\nreview-by: 2026-10-01\n---\n# Use queues\n' };

const fixtures: LspFixture[] = [];
after(() => fixtures.forEach((f) => f.dispose()));

async function reviewFindings(today: string): Promise<Diagnostic[]> {
  const fx = await startFixture(files, { server: { today: () => today } });
  fixtures.push(fx);
  const report = (await fx.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: fx.uri('docs/adr/0001-queues.md') } })) as { items: Diagnostic[] };
  return report.items.filter((d) => d.code === 'review-overdue');
}

describe('the server uses the injected date', () => {
  it('reports a review-by date before today as overdue', async () => {
    const found = await reviewFindings('2026-10-02');
    assert.equal(found.length, 1);
    assert.match(String(found[0].message), /due for review on 2026-10-01/);
  });

  it('does not report it on the review day itself, or before', async () => {
    assert.deepEqual(await reviewFindings('2026-10-01'), []);
    assert.deepEqual(await reviewFindings('2025-01-01'), []);
  });
});
