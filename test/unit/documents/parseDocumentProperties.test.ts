import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from '../../helpers/checkProperty.js';
import { defaultIdPrefixes } from '../../../server/src/core/documents/ids.js';
import { parseDocument } from '../../../server/src/core/documents/parseDocument.js';
import { LineMap } from '../../../server/src/core/base/range.js';

/** Fragments real documents are made of, so random documents hit the interesting parser paths. */
const fragment = fc.constantFrom(
  '---\n', 'status: accepted\n', 'status: [\n', 'supersedes: [ADR-1, {a: 1}]\n', 'rules:\n  - forbid-import: x\n', 'rules: 7\n',
  'id: 12\n', 'applies-to: ~\n', '# 1. Title\n', '## Status\n', 'Superceded by [x](../../../etc/passwd)\n', '* Status: draft\n',
  '- **Status:** ✅ Accepted\n', '[a](b.md)\n', '[c]: <d.md>\n', '```\n', 'kind: goal\n', '&a [1]\n', '*a\n', '\uFEFF', '\r\n', '\0',
);

describe('parseDocument on arbitrary input', () => {
  it('never throws, and every range it reports lies inside the text', () => {
    assertProperty('parseDocument on arbitrary fragments',
      fc.property(fc.array(fc.oneof(fragment, fc.string()), { maxLength: 30 }), fc.constantFrom('decision', 'project', 'goal' as const), (parts, kind) => {
        const text = parts.join('');
        const doc = parseDocument('docs/adr/0001-x.md', text, { kind, idPrefixes: defaultIdPrefixes, statusMap: {} });
        const lines = new LineMap(text);
        const ranges = [doc.titleRange, doc.statusRange, doc.frontMatterRange, ...doc.links.map((l) => l.range), ...doc.problems.map((p) => p.range), ...doc.rules.map((r) => r.range)];
        for (const r of ranges) {
          if (!r) continue;
          assert.ok(r.start.line >= 0 && r.end.line < lines.lineCount, `range ${JSON.stringify(r)} outside ${lines.lineCount} lines`);
          assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
        }
        assert.equal(typeof doc.title, 'string');
      }),
      { numRuns: 500 },
    );
  });
});
