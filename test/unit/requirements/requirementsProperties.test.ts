import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineMap, type Range } from '../../../server/src/core/base/range.js';
import { parseRequirementItems } from '../../../server/src/core/requirements/parseRequirementItems.js';
import { traceRequirements } from '../../../server/src/core/requirements/requirementTrace.js';
import { scanCoverageTagsInSource } from '../../../server/src/core/requirements/scanCoverageTags.js';

/** Pieces that reach every branch: ids, keywords, bullets, fences, headings, forwards, tags, comment markers, quotes. */
const fragment = fc.constantFrom(
  '`', '~', '```', '~~~', '    ', '\t', '\n', '\r\n', ' ', '#', '## T', '===', '---', '* ', '- ', ',', ':', '"', "'", '//', '/*', '*/', '#',
  '<!-- oft:off -->', '<!-- oft:on -->', '<!--', '-->', 'req~login~1', '`req~login~2`', 'dsn~a.b~1', 'req~x', 'Needs:', 'Needs: impl, utest',
  'Covers:', 'Depends:', 'Tags:', 'Status: draft', 'Rationale:', 'arch --> dsn : req~login~1', '[impl->req~login~1]', '[impl~f~1->req~login~2]',
  '[dsn->req~login~1>>impl]', '[impl->req~x]', '[', ']', '->', '>>', 'ä', '😀',
);

/** Ranges must point into the text: real lines, columns within the line, start before end. */
function assertInside(lines: LineMap, r: Range, what: string): void {
  assert.ok(r.start.line >= 0 && r.end.line < lines.lineCount, `${what}: line inside the text`);
  assert.ok(r.start.line < r.end.line || r.start.character <= r.end.character, `${what}: start before end`);
  assert.ok(r.start.character >= 0 && r.end.character <= lines.lineText(r.end.line).length, `${what}: column inside the line`);
}

describe('requirements on arbitrary input', () => {
  it('never throw, and every range lies inside the text and holds what it names', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fragment, fc.string()), { maxLength: 40 }), fc.constantFrom('a.md', 'a.ts', 'a.py', 'a.java'), (parts, path) => {
        const text = parts.join('');
        const lines = new LineMap(text);
        const at = (r: Range) => lines.lineText(r.start.line).slice(r.start.character, r.end.character);
        const parsed = parseRequirementItems(path, text);
        const scanned = scanCoverageTagsInSource(path, text);
        for (const item of parsed.items) {
          assertInside(lines, item.range, item.id);
          if (!item.forwarded) assert.equal(at(item.range), item.id);
          for (const ref of [...item.covers, ...item.depends]) {
            assertInside(lines, ref.range, ref.id);
            assert.equal(at(ref.range), ref.id);
          }
        }
        for (const tag of scanned.tags) {
          assertInside(lines, tag.range, 'tag');
          assert.match(at(tag.range), /^\[.*\]$/);
        }
        for (const p of [...parsed.problems, ...scanned.problems]) assertInside(lines, p.range, p.message);
        const trace = traceRequirements(parsed.items, scanned.tags);
        for (const f of trace.findings) assertInside(lines, f.range, f.message);
      }),
      { numRuns: 400 },
    );
  });
});
