import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineMap } from '../../../server/src/core/base/range.js';
import { scanMarkdownLinks } from '../../../server/src/core/documents/markdownLinks.js';
import { assertRangeInside } from '../../helpers/assertRangeInside.js';
import { checkProperty, joined } from '../../helpers/checkProperty.js';

const piece = fc.constantFrom(
  '[a](b.md)', '[a](<b c.md> "t")', '[r]: r.md\n', '\n\n[r]: r.md\n', '\n\n[q]: <q.md> (t)\n', '[s]:\n<s.md>\n"t"\n', '[n [x]](n.md)', '[p](p(1).md)', '![i](i.png)', '[e](a\\)b.md)',
  '[x]', '(y.md)', '`', '```\n', '~~~\n', '\n', '\n\n', ' ', '!', '\\', '<!--', '-->', '<d.md>', '"t"', '# H\n', '- ', '> ', 'text', '](', '[', ')', '\r\n',
);
const text = joined(fc.oneof({ weight: 5, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), 25);

describe('Markdown links on generated input', () => {
  it('never throw, and every link lies inside the text and holds its destination', () => {
    checkProperty('markdown links', [text], (t) => {
      const links = scanMarkdownLinks(t);
      const lines = new LineMap(t);
      for (const l of links) {
        assert.ok(0 <= l.start && l.start < l.end && l.end <= t.length, `offsets ${l.start}-${l.end} in ${t.length}`);
        assertRangeInside(t, lines.rangeOf(l.start, l.end), `link ${l.url}`);
        // Escapes aside, the destination is written inside the construct.
        if (!l.url.includes('\\') && !t.slice(l.start, l.end).includes('\\')) assert.ok(t.slice(l.start, l.end).includes(l.url));
      }
      return { 'a link': links.some((l) => l.kind === 'link'), 'a definition': links.some((l) => l.kind === 'definition') };
    }, { numRuns: 1000, minimumFractions: { 'a link': 0.2, 'a definition': 0.1 } });
  });
});
