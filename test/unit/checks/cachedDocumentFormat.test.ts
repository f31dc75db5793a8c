import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCachedDocument } from '../../../server/src/core/checks/cacheEntryShape.js';
import { parseDocument } from '../../../server/src/core/documents/parseDocument.js';
import { defaultIdPrefixes } from '../../../server/src/core/documents/ids.js';

describe('cached documents and their format', () => {
  const parsed = parseDocument('docs/adr/0001-a.md', '# 1. A\n\n## Status\n\nAccepted\n', { kind: 'decision', idPrefixes: { ...defaultIdPrefixes }, statusMap: {} });

  it('a document as parsed now, through JSON, is a valid entry', () => {
    assert.equal(parsed.format, 'status-section');
    assert.equal(isCachedDocument(JSON.parse(JSON.stringify(parsed))), true);
  });

  it('an entry written before formats were recorded is a miss, so the setup report never lacks one', () => {
    const { format: _format, ...older } = JSON.parse(JSON.stringify(parsed)) as Record<string, unknown>;
    assert.equal(isCachedDocument(older), false);
  });
});
