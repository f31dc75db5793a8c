import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultIdPrefixes } from '../../../server/src/core/documents/ids.js';
import { parseDocument } from '../../../server/src/core/documents/parseDocument.js';
import { normalizeStatus } from '../../../server/src/core/documents/statusMap.js';

function statusOf(text: string): { status?: string; rawStatus?: string } {
  const doc = parseDocument('docs/adr/0001-a.md', text, { kind: 'decision', idPrefixes: defaultIdPrefixes, statusMap: {} });
  return { status: doc.status, rawStatus: doc.rawStatus };
}

describe('status lines', () => {
  // A canonical word followed by a year or a date in brackets is how many teams date a status.
  it('reads "Accepted (2019)" as accepted, wherever the status is written', () => {
    assert.deepEqual(normalizeStatus('Accepted (2019)', 'decision'), { status: 'accepted' });
    assert.equal(statusOf('# A\n\n## Status\n\nAccepted (2019)\n').status, 'accepted');
    assert.equal(statusOf('# A\n\n* Status: Accepted (2019)\n').status, 'accepted');
    assert.equal(statusOf('---\nstatus: Accepted (2019)\n---\n# A\n').status, 'accepted');
    assert.deepEqual(normalizeStatus('Accepted on 2019-03-01', 'decision'), { status: 'accepted' });
    assert.deepEqual(normalizeStatus('Proposed (2019-03-01)', 'decision'), { status: 'proposed' });
    assert.deepEqual(normalizeStatus('In review (2019)', 'decision'), { status: 'proposed' });
  });

  it('does not read a canonical word followed by other words as that status', () => {
    assert.deepEqual(normalizeStatus('Accepted partially', 'decision'), {});
    assert.deepEqual(normalizeStatus('Not accepted (2019)', 'decision'), { status: 'rejected' });
  });

  it('reads the misspelling "Superceded" alone as superseded', () => {
    assert.deepEqual(normalizeStatus('Superceded', 'decision'), { status: 'superseded' });
    assert.deepEqual(normalizeStatus('Superceded by ADR-0123', 'decision'), { status: 'superseded', successor: 'ADR-0123' });
  });
});
