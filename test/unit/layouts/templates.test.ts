import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTemplateFileName } from '../../../server/src/core/workspace/templateFileName.js';
import { isDocumentFileName } from '../../../server/src/core/workspace/discovery.js';
import { indexLayout, pathsOf } from './layoutFixture.js';

describe('templates', () => {
  it('takes a file for a template only when its whole name says so', () => {
    for (const name of ['template.md', 'adr-template.md', '_template.md', '0000-template.md', 'rfc-000-template.md', 'TEMPLATE.md', 'adr-template-bare-minimal.md', 'NNNN-template.md']) {
      assert.equal(isTemplateFileName(name), true, name);
      assert.equal(isDocumentFileName(name), false, name);
    }
    for (const name of ['0039-choose-a-template-engine.md', 'rfc-145-retire-the-admin_template.md', 'templates.md', 'template-engine.md', '0001-use-adrs.md']) {
      assert.equal(isTemplateFileName(name), false, name);
      assert.equal(isDocumentFileName(name), true, name);
    }
  });

  it('indexes decisions about templates and skips the templates beside them', () => {
    const index = indexLayout('templates');
    assert.deepEqual(pathsOf(index, 'decision'), ['docs/adr/0001-record-architecture-decisions.md', 'docs/adr/0039-choose-a-template-engine.md']);
    assert.deepEqual(pathsOf(index, 'project'), ['rfcs/rfc-145-retire-the-admin_template.md']);
    assert.equal(index.documents.get('docs/adr/0039-choose-a-template-engine.md')?.title, 'Choose a template engine');
    assert.equal(index.documents.get('rfcs/rfc-145-retire-the-admin_template.md')?.id, 'RFC-0145');
  });
});
