import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKep } from '../../../server/src/core/documents/parseKep.js';
import { defaultIdPrefixes } from '../../../server/src/core/documents/ids.js';
import { supersessionGraph } from '../../../server/src/core/index/supersession.js';
import { buildIndex, updateIndex, type WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { kepSummary } from '../../../server/src/core/documents/kepSummary.js';
import { MemoryCheckCache } from '../../../server/src/core/checks/checkCache.js';
import { indexAndCheck } from '../../../server/src/core/checks/indexAndCheck.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { assertRangeInside } from '../../helpers/assertRangeInside.js';
import { documentById, indexLayout, pathsOf } from './layoutFixture.js';

const ctx = { kind: 'project' as const, idPrefixes: defaultIdPrefixes, statusMap: {} };

describe('Kubernetes enhancement proposals', () => {
  it('takes each folder with kep.yaml beside README.md for one project, and skips the template and lone kep.yaml files', () => {
    const index = indexLayout('keps');
    assert.deepEqual(pathsOf(index, 'project'), [
      'keps/sig-apps/3000-withdrawn-idea/kep.yaml',
      'keps/sig-cli/2227-kubectl-default-container/kep.yaml',
      'keps/sig-node/5000-pod-overhead-v2/kep.yaml',
      'keps/sig-node/688-pod-overhead/kep.yaml',
      'keps/sig-storage/4000-unknown-status/kep.yaml',
    ]);
  });

  it('reads title, status, authors, owning SIG, creation date and milestones from kep.yaml', () => {
    const index = indexLayout('keps');
    const kep = documentById(index, 'KEP-688');
    assert.equal(kep.id, 'KEP-688');
    assert.equal(kep.title, 'Pod Overhead');
    assert.equal(kep.status, 'shipped');
    assert.equal(kep.rawStatus, 'implemented');
    assert.deepEqual(kep.authors, ['@egernst']);
    assert.equal(kep.owner, 'sig-node');
    assert.equal(kep.date, '2019-02-26');
    assert.deepEqual(kep.milestones, { alpha: 'v1.16', beta: 'v1.18', stable: 'v1.24' });
    assert.equal(documentById(index, '688-pod-overhead'), kep);
  });

  it('maps KEP statuses onto project statuses; a comment after the status is not part of it', () => {
    const index = indexLayout('keps');
    assert.equal(documentById(index, 'KEP-5000').status, 'proposed');
    assert.equal(documentById(index, 'KEP-2227').status, 'active');
    assert.equal(documentById(index, 'KEP-3000').status, 'cancelled');
    const statusOf = (s: string) => parseKep('keps/sig-x/1-x/kep.yaml', `title: X\nstatus: ${s}\n`, ctx).status;
    assert.deepEqual(['provisional', 'implementable', 'implemented', 'deferred', 'rejected', 'withdrawn', 'replaced'].map(statusOf),
      ['proposed', 'active', 'shipped', 'paused', 'cancelled', 'cancelled', 'cancelled']);
  });

  it('reports an unknown status inside kep.yaml', () => {
    const index = indexLayout('keps');
    const kep = documentById(index, 'KEP-4000');
    assert.equal(kep.statusKnown, false);
    assert.deepEqual(kep.problems.map((p) => [p.code, p.path, p.range.start.line]), [['unknown-status', 'keps/sig-storage/4000-unknown-status/kep.yaml', 3]]);
  });

  it('links replaces and superseded-by, by id or by folder, both ways', () => {
    const index = indexLayout('keps');
    assert.deepEqual(documentById(index, 'KEP-688').links.map((l) => [l.type, l.target]), [['superseded-by', 'KEP-5000']]);
    assert.deepEqual(documentById(index, 'KEP-5000').links.map((l) => [l.type, l.target]), [['supersedes', 'KEP-688']]);
    const graph = supersessionGraph(index);
    assert.deepEqual(graph.supersededBy.get('keps/sig-node/688-pod-overhead/kep.yaml'), ['keps/sig-node/5000-pod-overhead-v2/kep.yaml']);
  });

  it('never throws on bad kep.yaml, and keeps every range inside the text', () => {
    for (const text of ['', ':\n', 'title: [unclosed\n', '- a list\n', 'status: 7\nkep-number: -1\nmilestone: [v1]\nreplaces: {a: 1}\n', 'a: &x [*x]\n']) {
      const kep = parseKep('keps/sig-x/12-x/kep.yaml', text, ctx);
      assert.equal(kep.id, 'KEP-12');
      for (const p of kep.problems) assertRangeInside(text, p.range, p.code);
      for (const l of kep.links) assertRangeInside(text, l.range, l.type);
      assertRangeInside(text, kep.titleRange, 'title');
    }
    assert.equal(parseKep('keps/sig-x/12-x/kep.yaml', 'title: [unclosed\n', ctx).problems[0]?.code, 'malformed-front-matter');
  });
});

describe('KEP summaries', () => {
  it('reads the first paragraph of the README.md Summary section as the proposal\'s summary', () => {
    const index = indexLayout('keps');
    assert.equal(documentById(index, 'KEP-688').summary, 'Account for the resources a pod sandbox uses beyond its containers.');
  });

  it('skips the template\'s comments, the table of contents and code, and reads inline Markdown as text', () => {
    const readme = [
      '# KEP-42: Faster pods', '', '<!-- toc -->', '- [Summary](#summary)', '- [Motivation](#motivation)', '<!-- /toc -->', '',
      '## Release Signoff Checklist', '', '- [ ] done', '', '## Summary', '', '<!--', 'This section is incredibly important.', '',
      'A good summary is probably at least a paragraph in length.', '-->', '', '```yaml', 'not: this', '```', '',
      'Pods start **faster** by reusing', '[sandboxes](https://example.com).', '', 'Second paragraph.', '', '## Motivation', '', 'Why.', '',
    ].join('\r\n');
    assert.equal(kepSummary(readme), 'Pods start faster by reusing sandboxes.');
  });

  it('is empty without a Summary section or with an empty one, and bounded in length', () => {
    assert.equal(kepSummary('# KEP-1\n\n## Motivation\n\nWhy.\n'), '');
    assert.equal(kepSummary('# KEP-1\n\n## Summary\n\n<!-- fill in -->\n\n## Motivation\n\nWhy.\n'), '');
    assert.equal(kepSummary('## Summary\n\n```\n## Summary\nnot a heading\n'), '');
    const long = kepSummary(`## Summary\n\n${'word '.repeat(200)}\n`);
    assert.ok(long.length <= 400 && long.endsWith('…'), long);
  });
});

describe('KEP folders in an updated index', () => {
  const kepYaml = 'title: Pod Overhead\nkep-number: 688\nstatus: implemented\n';
  const readme = (summary: string) => `# KEP-688: Pod Overhead\n\n## Summary\n\n${summary}\n`;
  const summaryOf = (index: WorkspaceIndex) => index.documents.get('keps/sig-node/688-pod-overhead/kep.yaml')?.summary;

  it('updates the summary when README.md changes, as a rebuild reads it', () => {
    const ws = new MemoryWorkspace({ 'keps/sig-node/688-pod-overhead/kep.yaml': kepYaml, 'keps/sig-node/688-pod-overhead/README.md': readme('Old words.') });
    const before = buildIndex(ws);
    assert.equal(summaryOf(before), 'Old words.');
    ws.set('keps/sig-node/688-pod-overhead/README.md', readme('New words.'));
    const updated = updateIndex(before, ws, ['keps/sig-node/688-pod-overhead/README.md'], []);
    assert.equal(summaryOf(updated), 'New words.');
    assert.deepEqual(updated.documents.get('keps/sig-node/688-pod-overhead/kep.yaml'), buildIndex(ws).documents.get('keps/sig-node/688-pod-overhead/kep.yaml'));
    // A discovery file in the same change makes the update a rebuild that reuses unchanged parses: not this one.
    ws.set('keps/sig-node/688-pod-overhead/README.md', readme('Newest words.'));
    ws.set('.rationale.json', '{}');
    assert.equal(summaryOf(updateIndex(updated, ws, ['keps/sig-node/688-pod-overhead/README.md', '.rationale.json'], [])), 'Newest words.');
  });

  it('does not take a cached summary once README.md has changed', async () => {
    const ws = new MemoryWorkspace({ 'keps/sig-node/688-pod-overhead/kep.yaml': kepYaml, 'keps/sig-node/688-pod-overhead/README.md': readme('Old words.') });
    const cache = new MemoryCheckCache();
    assert.equal(summaryOf((await indexAndCheck(ws, { today: '2026-11-26', cache })).index), 'Old words.');
    // As the CLI persists and reloads it: entries remembered in a run are read in the next one.
    const reloaded = () => new MemoryCheckCache(JSON.parse(JSON.stringify(cache.toData())));
    assert.equal(summaryOf((await indexAndCheck(ws, { today: '2026-11-26', cache: reloaded() })).index), 'Old words.');
    ws.set('keps/sig-node/688-pod-overhead/README.md', readme('New words.'));
    assert.equal(summaryOf((await indexAndCheck(ws, { today: '2026-11-26', cache: reloaded() })).index), 'New words.');
  });

  it('finds the proposal when its README.md arrives after kep.yaml, and drops it when README.md goes', () => {
    const ws = new MemoryWorkspace({ 'keps/sig-node/688-pod-overhead/kep.yaml': kepYaml });
    const before = buildIndex(ws);
    assert.equal(before.documents.size, 0);
    ws.set('keps/sig-node/688-pod-overhead/README.md', '# KEP-688: Pod Overhead\n');
    const added = updateIndex(before, ws, ['keps/sig-node/688-pod-overhead/README.md'], []);
    assert.deepEqual([...added.documents.values()].map((d) => d.id), ['KEP-688']);
    assert.deepEqual([...added.documents.keys()], [...buildIndex(ws).documents.keys()]);
    ws.delete('keps/sig-node/688-pod-overhead/README.md');
    const removed = updateIndex(added, ws, [], ['keps/sig-node/688-pod-overhead/README.md']);
    assert.equal(removed.documents.size, 0);
  });
});
