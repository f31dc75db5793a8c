import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { DocKind } from '../../../server/src/core/documents/document.js';
import { normalizeStatus, statusKey } from '../../../server/src/core/documents/statusMap.js';
import { canonicalStatuses } from '../../../server/src/core/documents/statusClass.js';
import { checkProperty } from '../../helpers/checkProperty.js';

/** Status words of every kind, with the decorations teams add: dates, emoji, links, markup. */
const piece = fc.constantFrom(
  'Accepted', 'accepted', 'Proposed', 'In Review', 'Superseded', 'Superceded', 'Deprecated', 'Rejected', 'Active', 'Shipped', 'Achieved',
  'On hold', 'Draft', 'WIP', 'Superseded by ', 'Superceded by ', 'Replaced with ', 'ADR-0123', '[2. B](0002-b.md)', '(2019)',
  'on 2020-01-02', ' ', ' ', '✅ ', '**', '_', '`', '<!-- x -->', ':', '.', '\n', 'since', 'by', 'not',
);
const status = fc.constantFrom('Accepted', 'Proposed', 'Superseded', 'Deprecated', 'Active', 'Shipped', 'Achieved', 'in review', 'On hold');
/** A status as written: a word, perhaps decorated, or a successor line. */
const wellFormed = fc.oneof(
  fc.tuple(fc.constantFrom('', '✅ ', '**', '- '), status, fc.constantFrom('', ' (2019)', ' on 2020-01-02', '**', '.')).map((p) => p.join('')),
  fc.tuple(fc.constantFrom('Superseded by ', 'Superceded by ', 'Replaced with '), fc.constantFrom('ADR-0123', '[2. B](0002-b.md)', '')).map((p) => p.join('')),
);
const mixed = fc.array(fc.oneof({ weight: 6, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
const raw = fc.oneof({ weight: 3, arbitrary: wellFormed }, { weight: 1, arbitrary: mixed });
const kind = fc.constantFrom<DocKind>('decision', 'decision', 'project', 'goal');

describe('status lines on generated input', () => {
  it('never throw, and give only canonical statuses (successors only for superseded decisions)', () => {
    checkProperty('status lines', [raw, kind], (text, k) => {
      const n = normalizeStatus(text, k);
      statusKey(text);
      if (n.status !== undefined) assert.ok(canonicalStatuses(k).includes(n.status), `${JSON.stringify(text)} → ${n.status}`);
      if (n.successor !== undefined) assert.ok(k === 'decision' && n.status === 'superseded' && n.successor.length > 0);
      return { 'a status': n.status !== undefined, 'a successor': n.successor !== undefined };
    }, { numRuns: 1000, minimumFractions: { 'a status': 0.3, 'a successor': 0.05 } });
  });
});
