import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indexLayout, pathsOf } from './layoutFixture.js';

describe('requirements folders', () => {
  it('takes docs/requirements, requirements, docs/specs and specs for projects, and not a specs folder deep in the code', () => {
    const index = indexLayout('requirements');
    assert.deepEqual(pathsOf(index, 'project'), [
      'docs/requirements/passkey-login.md',
      'docs/specs/export-to-csv.md',
      'requirements/search-by-tag.md',
      'specs/import-from-csv.md',
    ]);
    assert.equal(index.documents.has('src/specs/parser-notes.md'), false);
    assert.deepEqual([...index.documents.values()].map((d) => d.status), ['active', 'shipped', 'proposed', 'proposed']);
  });
});
