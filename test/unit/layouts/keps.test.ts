import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKep } from '../../../server/src/core/documents/parseKep.js';
import { defaultIdPrefixes } from '../../../server/src/core/documents/ids.js';
import { supersessionGraph } from '../../../server/src/core/index/supersession.js';
import { buildIndex, updateIndex } from '../../../server/src/core/index/workspaceIndex.js';
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

describe('KEP folders in an updated index', () => {
  const kepYaml = 'title: Pod Overhead\nkep-number: 688\nstatus: implemented\n';

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
