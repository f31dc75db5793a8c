import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { buildIndex, resolveId, type WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { statusInForce, statusInForceText } from '../../../server/src/core/index/statusInForce.js';
import { documentHover } from '../../../server/src/core/features/hoverMarkdown.js';
import { completeIds } from '../../../server/src/core/features/completions.js';
import { modelGraph, toMermaid } from '../../../server/src/core/index/graph.js';
import { checkDocuments } from '../../../server/src/core/checks/documentChecks.js';
import { selectDocuments, listedDocument } from '../../../server/src/cli/commands/list.js';

const oldFile = '---\nstatus: accepted\n---\n# Use Moment\n';

function indexWith(successorStatus: string): WorkspaceIndex {
  return buildIndex(new MemoryWorkspace({
    'docs/adr/0001-use-moment.md': oldFile,
    'docs/adr/0002-use-date-fns.md': `---\nstatus: ${successorStatus}\nsupersedes: ADR-0001\n---\n# Use date-fns\n`,
  }));
}

const target = { uriOf: (p: string) => `file:///${p}` };

describe('the status in force', () => {
  it('is superseded for a decision an accepted decision supersedes, even while its file says accepted', () => {
    const index = indexWith('accepted');
    const old = resolveId(index, 'ADR-0001')!;
    assert.deepEqual(statusInForce(index, old), { status: 'superseded', written: 'accepted', retired: true });
    assert.equal(statusInForceText(statusInForce(index, old)), 'superseded (file says accepted)');
  });

  it('stays as written when the successor is only proposed', () => {
    const index = indexWith('proposed');
    const old = resolveId(index, 'ADR-0001')!;
    assert.deepEqual(statusInForce(index, old), { status: 'accepted', written: undefined, retired: false });
    assert.equal(statusInForceText(statusInForce(index, old)), 'accepted');
    // …and the checks do not call the predecessor's status a contradiction either.
    assert.deepEqual(checkDocuments(index, { today: '2026-01-01' }).filter((f) => f.code === 'superseded-still-accepted'), []);
  });

  it('counts a written retired status as retired, per kind', () => {
    const index = buildIndex(new MemoryWorkspace({
      'docs/adr/0001-a.md': '---\nstatus: deprecated\n---\n# A\n',
      'docs/prd/0001-p.md': '---\nstatus: cancelled\n---\n# P\n',
      'docs/goals/g.md': '---\nid: GOAL-g\nstatus: achieved\n---\n# G\n',
    }));
    const retired = (id: string) => statusInForce(index, resolveId(index, id)!).retired;
    assert.deepEqual([retired('ADR-0001'), retired('PRD-0001'), retired('GOAL-g')], [true, true, false]);
  });

  it('is the status every view shows: hover, completion, graph, CLI list', () => {
    const index = indexWith('accepted');
    const old = resolveId(index, 'ADR-0001')!;
    // (Escaping inside the code span is the hover's own business; the words are what matter here.)
    assert.match(documentHover(index, old, target), /`superseded \\?\(file says accepted\\?\)`/);
    assert.doesNotMatch(documentHover(index, old, target), /`accepted`/);

    const text = '// @decision ';
    const items = completeIds(index, 'src/a.ts', text, { line: 0, character: text.length })!;
    const byId = new Map(items.map((i) => [i.id, i]));
    assert.equal(byId.get('ADR-0001')!.status, 'superseded (file says accepted)');
    assert.ok(byId.get('ADR-0002')!.sortText < byId.get('ADR-0001')!.sortText, 'decisions in force sort first');

    const mermaid = toMermaid(modelGraph(index));
    assert.match(mermaid, /Use Moment<br\/><i>superseded \(file says accepted\)<\/i>"\]:::retired\n/);

    assert.deepEqual(selectDocuments(index, 'decision', 'superseded').map((d) => d.id), ['ADR-0001']);
    assert.deepEqual(selectDocuments(index, 'decision', 'accepted').map((d) => d.id), ['ADR-0002']);
    const listed = listedDocument(index, old);
    assert.deepEqual([listed.status, listed.writtenStatus], ['superseded', 'accepted']);
  });

  it('does not nag about an overdue review of a decision that is no longer in force', () => {
    const index = buildIndex(new MemoryWorkspace({
      'docs/adr/0001-old.md': '---\nstatus: accepted\nreview-by: 2026-01-01\n---\n# Old\n',
      'docs/adr/0002-new.md': '---\nstatus: accepted\nreview-by: 2026-01-01\nsupersedes: ADR-0001\n---\n# New\n',
    }));
    const overdue = checkDocuments(index, { today: '2026-06-01' }).filter((f) => f.code === 'review-overdue').map((f) => f.path);
    assert.deepEqual(overdue, ['docs/adr/0002-new.md']);
  });
});
