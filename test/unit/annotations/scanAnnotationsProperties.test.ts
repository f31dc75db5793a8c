import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from '../../helpers/checkProperty.js';
import { scanAnnotations } from '../../../server/src/core/source/scanAnnotations.js';
import { LineMap, type Range } from '../../../server/src/core/base/range.js';

/** Pieces that exercise every branch of the scanner: markers, quotes, escapes, tags, ids, directives. */
const fragment = fc.constantFrom(
  '//', '#', '--', ';', '%', "'", '"', '`', '"""', "'''", '/*', '*/', '<!--', '-->', '{-', '-}', '(*', '*)', '--[[', ']]',
  '#=', '=#', '<#', '#>', '=begin', '=end', '#!', '\\', '\n', '\r\n', ' ', '\t', ',', '.', ':', '@', '@decision ', '@adr ', '@goal ',
  '@brief ', 'ADR-0007', 'adr 7', 'GOAL-growth', '7', 'core/20201002-use-ddd', 'rationale-disable-next-line ', ' -- ', 'reason', 'x',
);
const file = fc.constantFrom('a.ts', 'a.py', 'a.rs', 'a.hs', 'a.sql', 'a.lua', 'a.html', 'a.rb', 'a.sh', 'a.yaml', 'a.php', 'a.jl', 'a.go', 'a.unknownext', 'Makefile', 'a.vb');

/** Ranges must point into the text: real lines, columns within the line, start before end. */
function assertInside(lines: LineMap, r: Range, what: string): void {
  assert.ok(r.start.line >= 0 && r.end.line < lines.lineCount, `${what}: line inside the text`);
  assert.ok(r.start.line < r.end.line || r.start.character <= r.end.character, `${what}: start before end`);
  assert.ok(r.start.character >= 0 && r.end.character <= lines.lineText(r.end.line).length, `${what}: column inside the line`);
}

describe('scanAnnotations on arbitrary input', () => {
  it('never throws, and every range lies inside the text and holds what it claims', () => {
    assertProperty('scanAnnotations on arbitrary fragments',
      fc.property(fc.array(fc.oneof(fragment, fragment, fc.string()), { maxLength: 40 }), file, (parts, path) => {
        const text = parts.join('');
        const found = scanAnnotations(path, text);
        const lines = new LineMap(text);
        for (const ref of found.references) {
          assertInside(lines, ref.range, `reference ${ref.id}`);
          assert.equal(text.slice(lines.offsetAt(ref.range.start), lines.offsetAt(ref.range.end)), ref.id, 'the range covers the id');
        }
        for (const s of found.suppressions) {
          assertInside(lines, s.range, 'suppression');
          assert.ok(s.targetLine > s.range.start.line, 'an exception targets a later line');
          assert.ok(text.slice(lines.offsetAt(s.range.start)).startsWith('rationale-disable-next-line'), 'the range starts at the directive');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
