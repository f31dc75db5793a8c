import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kindByFileName } from '../../../server/src/core/workspace/kindByFileName.js';
import { parseFileName } from '../../../server/src/core/documents/ids.js';
import { documentById, indexLayout, pathsOf } from './layoutFixture.js';

describe('file names that say the kind', () => {
  it('reads adr-NNN and rfc-NNN names, and nothing that merely starts with the word', () => {
    assert.equal(kindByFileName('adr-007-use-postgres.md'), 'decision');
    assert.equal(kindByFileName('ADR-7-use-postgres.md'), 'decision');
    assert.equal(kindByFileName('adr_007_use_postgres.md'), 'decision');
    assert.equal(kindByFileName('rfc-12-async-io.md'), 'project');
    assert.equal(kindByFileName('RFC-013-drop-python-2.md'), 'project');
    for (const name of ['adr-tools.md', 'rfc-process.md', 'address-book.md', 'readme.md', 'adrian-7.md']) assert.equal(kindByFileName(name), undefined, name);
    assert.deepEqual(parseFileName('adr_007_use_postgres.md'), { stem: 'adr_007_use_postgres', number: 7, digits: '007', datePrefixed: false, prefix: 'ADR', slug: 'use_postgres' });
  });

  it('finds decisions named adr-NNN in any folder, the root included, with the number as id and the stem as alias', () => {
    const index = indexLayout('adr-names');
    assert.deepEqual(pathsOf(index, 'decision'), [
      'adr-001-use-markdown-for-decisions.md',
      'docs/adr_003_keep_invoices_for_ten_years.md',
      'services/billing/ADR-002-take-payments-with-stripe.md',
    ]);
    const stripe = documentById(index, 'ADR-0002');
    assert.equal(stripe.id, 'ADR-0002');
    assert.equal(stripe.title, 'Take payments with Stripe');
    assert.equal(documentById(index, 'ADR-002-take-payments-with-stripe'), stripe);
    assert.equal(documentById(index, 'adr-001-use-markdown-for-decisions').id, 'ADR-0001');
    assert.equal(documentById(index, 'adr_003_keep_invoices_for_ten_years').title, 'Keep invoices for ten years');
  });

  it('skips ignored folders, other extensions and names without a number', () => {
    const index = indexLayout('adr-names');
    for (const p of ['vendor/somelib/adr-004-vendored.md', 'notes/adr-005-plain-text.txt', 'notes/adr-tools.md', 'services/billing/README.md']) {
      assert.equal(index.documents.has(p), false, p);
    }
  });

  it('finds projects named rfc-NNN anywhere, with the id RFC-NNN', () => {
    const index = indexLayout('rfc-names');
    assert.deepEqual([...index.documents.values()].map((d) => [d.path, d.kind, d.id, d.status]), [
      ['proposals/RFC-13-drop-python-2.md', 'project', 'RFC-0013', 'shipped'],
      ['proposals/rfc-012-async-io-everywhere.md', 'project', 'RFC-0012', 'active'],
    ]);
    assert.equal(documentById(index, 'RFC-12').title, 'Async I/O everywhere');
  });
});
