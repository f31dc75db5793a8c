import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeStatus } from '../../../server/src/core/documents/statusMap.js';
import { parseDocument } from '../../../server/src/core/documents/parseDocument.js';
import { defaultIdPrefixes } from '../../../server/src/core/documents/ids.js';
import { supersessionGraph } from '../../../server/src/core/index/supersession.js';
import { checkWorkspace } from '../../../server/src/core/checks/checkWorkspace.js';
import { documentById, indexLayout, layoutWorkspace } from './layoutFixture.js';

describe('status lines that say more than a status', () => {
  it('reads the status and the links its clauses name', () => {
    assert.deepEqual(normalizeStatus('accepted; supersedes ADR-0045', 'decision'), { status: 'accepted', links: [{ type: 'supersedes', text: 'ADR-0045' }] });
    assert.deepEqual(normalizeStatus('Accepted, amended by ADR-9', 'decision'), { status: 'accepted', links: [{ type: 'amended-by', text: 'ADR-9' }] });
    assert.deepEqual(normalizeStatus('Accepted (2021-03-04)', 'decision'), { status: 'accepted' });
    assert.deepEqual(normalizeStatus('PROPOSED', 'decision'), { status: 'proposed' });
    assert.deepEqual(normalizeStatus('Superseded by ADR-12, amends ADR-3', 'decision'), { status: 'superseded', successor: 'ADR-12', links: [{ type: 'amends', text: 'ADR-3' }] });
  });

  it('takes the id from a link label when the link leaves the repository', () => {
    const doc = parseDocument('docs/adr/0010-a.md', '# A\n\n## Status\n\nSuperseded by [ADR-12](https://wiki.example.com/adr/12)\n', { kind: 'decision', idPrefixes: defaultIdPrefixes, statusMap: {} });
    assert.equal(doc.status, 'superseded');
    assert.deepEqual(doc.links.filter((l) => l.type === 'superseded-by').map((l) => [l.target, l.targetIsPath]), [['ADR-12', false]]);
  });

  it('leaves a status with a free remark after a comma unknown rather than half-read', () => {
    assert.deepEqual(normalizeStatus('Accepted, partially', 'decision'), {});
    assert.deepEqual(normalizeStatus('accepted; see the wiki', 'decision'), {});
  });

  it('turns the clauses into supersedes, superseded-by and amends links of the index', () => {
    const index = indexLayout('status-lines');
    const terraform = documentById(index, 'ADR-46');
    assert.equal(terraform.status, 'accepted');
    assert.deepEqual(terraform.links.filter((l) => l.type !== 'markdown').map((l) => [l.type, l.target]), [['supersedes', 'ADR-0045']]);
    const mysql = documentById(index, 'ADR-10');
    assert.equal(mysql.status, 'superseded');
    assert.deepEqual(mysql.links.filter((l) => l.type === 'superseded-by').map((l) => l.target), ['docs/decisions/0012-use-postgres.md']);
    const fields = documentById(index, 'ADR-11');
    assert.equal(fields.status, 'accepted');
    assert.deepEqual(fields.links.map((l) => [l.type, l.target]), [['amended-by', 'ADR-9']]);
    assert.equal(documentById(index, 'ADR-12').status, 'accepted');
    assert.equal(documentById(index, 'ADR-13').status, 'proposed');

    const graph = supersessionGraph(index);
    assert.deepEqual(graph.supersededBy.get('docs/decisions/0045-deploy-with-ansible.md'), ['docs/decisions/0046-deploy-with-terraform.md']);
    assert.deepEqual(graph.supersededBy.get('docs/decisions/0010-use-mysql.md'), ['docs/decisions/0012-use-postgres.md']);
  });

  it('reports nothing unknown in the fixture: every status and every link resolves', () => {
    const index = indexLayout('status-lines');
    const findings = checkWorkspace(index, layoutWorkspace('status-lines'), { today: '2026-01-01' }).findings.filter((f) => f.code === 'unknown-status' || f.code === 'unknown-id' || f.code === 'broken-link');
    assert.deepEqual(findings, []);
  });
});
