import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closesFence, fenceOpenedBy } from '../../../server/src/core/documents/codeFence.js';
import { parseDocument } from '../../../server/src/core/documents/parseDocument.js';
import { scanMarkdownLinks } from '../../../server/src/core/documents/markdownLinks.js';
import { defaultIdPrefixes } from '../../../server/src/core/documents/ids.js';

describe('code fences', () => {
  it('open with three or more backticks or tildes, indented by at most three spaces', () => {
    assert.equal(fenceOpenedBy('```'), '```');
    assert.equal(fenceOpenedBy('~~~~ yaml'), '~~~~');
    assert.equal(fenceOpenedBy('   ```ts'), '```');
    assert.equal(fenceOpenedBy('    ```'), undefined, 'four spaces make an indented code block');
    assert.equal(fenceOpenedBy('``'), undefined);
    assert.equal(fenceOpenedBy('``` a ` b'), undefined, 'a backtick in the info string makes it inline code');
    assert.equal(fenceOpenedBy('~~~ a ` b'), '~~~', 'tilde fences may have backticks in the info string');
  });

  it('close with the same character, at least as long, and nothing after', () => {
    assert.equal(closesFence('```', '```'), true);
    assert.equal(closesFence('`````  \r', '```'), true);
    assert.equal(closesFence('   ~~~~', '~~~~'), true);
    assert.equal(closesFence('~~~', '```'), false, 'a tilde run does not close a backtick fence');
    assert.equal(closesFence('```', '````'), false, 'a shorter run does not close');
    assert.equal(closesFence('``` ts', '```'), false, 'a closing fence has no info string');
    assert.equal(closesFence('    ```', '```'), false);
  });

  it('mean the same lines to the header, the summary and the link scanner', () => {
    const text = [
      '# Use Postgres', '',
      '````md', '## Status', '', 'Rejected', '```', '[inside](inside.md)', '## Context', '', 'Not this.', '````', '',
      '## Status', '', 'Accepted', '',
      '## Context', '', '~~~', '## Decision', '[hidden](hidden.md)', '~~~~', '', 'The real context [out](out.md).', '',
    ].join('\n');
    const doc = parseDocument('docs/adr/0001-use-postgres.md', text, { kind: 'decision', idPrefixes: defaultIdPrefixes, statusMap: {} });
    assert.equal(doc.status, 'accepted', 'a Status heading inside a fence is code');
    assert.equal(doc.summary, 'The real context out.');
    assert.deepEqual(scanMarkdownLinks(text).map((l) => l.url), ['out.md']);
  });
});
