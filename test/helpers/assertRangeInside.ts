import assert from 'node:assert/strict';
import type { Range } from '../../server/src/core/base/range.js';

/**
 * A range must point into the text it was reported for: an existing line, a column no further than
 * that line's end, and a start that does not come after its end. Editors clamp or reject anything
 * else, so a finding outside the text is a finding nobody sees.
 */
export function assertRangeInside(text: string, r: Range, what: string): void {
  const lines = text.split('\n');
  const where = `${what}: ${JSON.stringify(r)} in ${lines.length} line(s)`;
  for (const p of [r.start, r.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${where}: integer positions`);
    assert.ok(p.line >= 0 && p.line < lines.length, `${where}: line inside the text`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${where}: column inside line ${p.line}`);
  }
  assert.ok(
    r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
    `${where}: start not after end`,
  );
}
