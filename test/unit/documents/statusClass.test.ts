import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docKinds } from '../../../server/src/core/documents/document.js';
import { canonicalStatuses, statusClasses } from '../../../server/src/core/documents/statusClass.js';
import { statusWords } from '../../../server/src/core/documents/statusMap.js';
import { retiredReferenceCodes } from '../../../server/src/core/checks/referenceChecks.js';
import { statusText } from '../../../server/src/core/documents/statusText.js';

describe('status classes: the one list of canonical statuses', () => {
  it('classifies every status the built-in status map can produce', () => {
    for (const kind of docKinds) {
      const produced = new Set(Object.values(statusWords[kind]));
      for (const status of produced) assert.ok(statusClasses[kind][status as string], `${kind} status "${status}" has no class`);
      // …and the map can produce every canonical status (a status nobody can write is a dead entry).
      assert.deepEqual(canonicalStatuses(kind).filter((s) => !produced.has(s)), [], kind);
    }
  });

  it('has a reference finding code for every retired decision status', () => {
    const retired = canonicalStatuses('decision').filter((s) => statusClasses.decision[s] === 'retired');
    assert.deepEqual(retired.filter((s) => !retiredReferenceCodes[s]), []);
    assert.deepEqual(retired.sort(), ['deprecated', 'rejected', 'superseded']);
  });

  it('writes the status in force with the file\'s own only when they differ', () => {
    assert.equal(statusText('superseded', 'accepted'), 'superseded (file says accepted)');
    assert.equal(statusText('accepted', undefined), 'accepted');
    assert.equal(statusText('accepted', 'accepted'), 'accepted');
    assert.equal(statusText(undefined, undefined), undefined);
  });
});
