import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeTrees } from '../../server/src/lsp/mergeTrees.js';
import type { DocumentSummary, TreeNode } from '../../server/src/protocol.js';

const summary = (id: string): DocumentSummary => ({ id, kind: 'decision', title: 'Use the queue', retired: false, statusKnown: true, summary: '', uri: 'file:///w/api/docs/adr/0003-queue.md' });
const debt = (findings: number) => ({ findings, exceptions: 0, expired: 0, baselined: 0, text: `${findings} findings` });

describe('the Mental Model of a multi-root workspace', () => {
  it("keeps a decision's summary and debt from the folder that owns it, whichever tree comes first", () => {
    const owned = summary('ADR-3');
    // The peer folder sees the decision qualified, and counts only its own findings against it.
    const peer: TreeNode = { document: summary('api:ADR-3'), children: [], debt: debt(1) };
    const own: TreeNode = { document: owned, children: [], debt: debt(4) };
    for (const trees of [[peer, own], [own, peer]]) {
      const merged = mergeTrees(trees.map((n) => ({ goals: [], unlinked: [n] })), (d) => d === owned);
      assert.equal(merged.unlinked.length, 1);
      assert.equal(merged.unlinked[0].document.id, 'ADR-3');
      assert.deepEqual(merged.unlinked[0].debt, debt(4));
    }
  });
});
