import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasRfcHeader } from '../../../server/src/core/documents/rfcHeader.js';
import { documentById, indexLayout, pathsOf } from './layoutFixture.js';

describe('RFC repositories', () => {
  it('takes numbered files with RFC header bullets for projects, wherever they are', () => {
    const index = indexLayout('rust-rfcs');
    assert.deepEqual(pathsOf(index, 'project'), ['text/0001-private-fields.md', 'text/0016-more-attributes.md']);
    assert.deepEqual(pathsOf(index, 'decision'), []);
  });

  it('gives them RFC ids, the start date, a title from the file name and the PR and issue addresses', () => {
    const index = indexLayout('rust-rfcs');
    const rfc = documentById(index, 'RFC-1');
    assert.equal(rfc.id, 'RFC-0001');
    assert.equal(rfc.title, 'Private fields');
    assert.equal(rfc.date, '2014-03-11');
    assert.deepEqual(rfc.webLinks?.map((l) => [l.label, l.url]), [
      ['rfc pr', 'https://github.com/rust-lang/rfcs/pull/1'],
      ['rust issue', 'https://github.com/rust-lang/rust/issues/8122'],
    ]);
    const line = rfc.webLinks![0].range.start.line;
    assert.equal(line, 1);
    assert.equal(documentById(index, 'RFC-16').date, '2014-03-20');
  });

  it('needs two different header bullets: one date bullet alone does not make an RFC', () => {
    assert.equal(hasRfcHeader('- Start Date: 2014-04-01\n\n# Release notes\n'), false);
    assert.equal(hasRfcHeader('- Start Date: 2014-04-01\n- RFC PR: #12\n\n# Summary\n'), true);
    assert.equal(hasRfcHeader('# Title\n\n## Notes\n\n- Start Date: 2014\n- RFC PR: #1\n'), false);
  });
});
