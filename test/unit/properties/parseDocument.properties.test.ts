import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { DocKind } from '../../../server/src/core/documents/document.js';
import { defaultIdPrefixes } from '../../../server/src/core/documents/ids.js';
import { parseDocument } from '../../../server/src/core/documents/parseDocument.js';
import { kepSummary } from '../../../server/src/core/documents/kepSummary.js';
import { assertRangeInside } from '../../helpers/assertRangeInside.js';
import { checkProperty } from '../../helpers/checkProperty.js';

/** Front matter blocks, whole or broken. */
const frontMatter = fc.constantFrom(
  '', '', '---\nstatus: accepted\n---\n', '---\nstatus: [\n---\n', '---\nsupersedes: [ADR-1, {a: 1}]\nreview-by: 2026-01-01\n---\n',
  '---\nkind: goal\nid: GOAL-x\n---\n', '---\nrules:\n  - forbid-import: [moment]\n---\n', '---\nstatus: Superceded by ADR-0123\n---\n', '---\n',
);
/** Header bullets, Status sections and status lines with links, as MADR, Nygard and adr-tools write them. */
const line = fc.constantFrom(
  '# 1. Title\n', '# Title\n', '## Status\n', '## Status\n\n', 'Status\n======\n', 'Accepted\n', 'Accepted (2019)\n', 'Proposed\n',
  'Superseded by [2. B](0002-b.md)\n', 'Superceded by ADR-0123\n', 'Supercedes [1. A](0001-a.md)\n', 'Amended by [3. C](0003-c.md)\n',
  '* Status: proposed\n', '- **Status:** ✅ Accepted\n', 'Status: Accepted\n', '* Date: 2020-01-01\n', '* Deciders: a, b\n',
  '[a](b.md)\n', '[c]: <d.md>\n', '```\n', '\n', '\n\n', '## Context\n', 'text ', '> ', '- ', '<!-- x -->\n', '\r\n', '\uFEFF', '\0',
);
const document = fc
  .tuple(frontMatter, fc.array(fc.oneof({ weight: 6, arbitrary: line }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), { maxLength: 20 }))
  .map(([fm, lines]) => fm + lines.join(''));
const kind = fc.constantFrom<DocKind>('decision', 'decision', 'project', 'goal');

describe('parseDocument on generated input', () => {
  it('never throws, and every range lies inside the text', () => {
    checkProperty('parseDocument', [document, kind], (text, k) => {
      const doc = parseDocument('docs/adr/0001-x.md', text, { kind: k, idPrefixes: defaultIdPrefixes, statusMap: { 'in flight': 'proposed' } });
      const ranges = [doc.titleRange, doc.statusRange, doc.reviewByRange, doc.appliesToRange, doc.frontMatterRange,
        ...doc.links.map((l) => l.range), ...doc.problems.map((p) => p.range), ...doc.rules.map((r) => r.range)];
      ranges.forEach((r, i) => r && assertRangeInside(text, r, `range #${i}`));
      if (typeof doc.title !== 'string') throw new Error('a document always has a title');
      return { 'has a status': doc.status !== undefined, 'has a link': doc.links.length > 0, 'has a problem': doc.problems.length > 0 };
    }, { numRuns: 600, minimumFractions: { 'has a status': 0.25, 'has a link': 0.3, 'has a problem': 0.1 } });
  });
});

/** KEP README lines: the template's Summary section with its comments, fences and neighbours. */
const kepLine = fc.constantFrom(
  '## Summary\n', '# Summary\n', '## Motivation\n', '<!--\n', '-->\n', '<!-- toc -->\n', 'text <!-- x --> more\n', '```\n', '~~~\n',
  'Pods start **faster**.\n', '[link](x)\n', '- [Summary](#summary)\n', '\n', '\r\n', 'word ',
);

describe('kepSummary on generated input', () => {
  it('never throws, returns one line of at most 400 characters, and no closed comment', () => {
    const readme = fc.array(fc.oneof({ weight: 6, arbitrary: kepLine }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), { maxLength: 30 }).map((l) => l.join(''));
    checkProperty('kepSummary', [readme], (text) => {
      const summary = kepSummary(text);
      if (summary.length > 400 || /\n/.test(summary)) throw new Error(`not a bounded one-line summary: ${JSON.stringify(summary)}`);
      // An unclosed `<!--` inside a paragraph is literal text in Markdown; a closed comment never shows.
      if (/<!--[\s\S]*?-->/.test(summary)) throw new Error(`a comment leaked into the summary: ${JSON.stringify(summary)}`);
      return { 'has a summary': summary !== '' };
    }, { numRuns: 600, minimumFractions: { 'has a summary': 0.1 } });
  });
});
