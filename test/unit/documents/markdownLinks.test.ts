import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../../../server/src/core/documents/markdown.js';
import { needsFullParse, scanMarkdownLinks } from '../../../server/src/core/documents/markdownLinks.js';

/** remark's reading of the same text: every link and definition with its offsets. */
function remarkLinks(text: string): string[] {
  const out: string[] = [];
  const visit = (n: Nodes) => {
    // A definition's title may continue on the next line; its end matters to nobody, so compare starts.
    if (n.type === 'link') out.push(`${n.position?.start.offset}-${n.position?.end.offset} ${n.url}`);
    if (n.type === 'definition') out.push(`${n.position?.start.offset}- ${n.url}`);
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(parseMarkdown(text));
  return out.sort();
}

/** The scanner must find exactly the links remark finds, where they are (autolinks aside: never relative). */
function check(text: string): void {
  const remark = remarkLinks(text).filter((l) => !/ [a-z][a-z0-9+.-]*:/i.test(l) || /\]\(/.test(text));
  if (needsFullParse(text)) return; // such documents are read by remark itself
  const scanned = scanMarkdownLinks(text).map((l) => `${l.start}-${l.kind === 'link' ? l.end : ''} ${l.url}`).sort();
  const relative = (xs: string[]) => xs.filter((x) => !/^\d+-\d* ([a-z][a-z0-9+.-]*:|#|$)/i.test(x));
  assert.deepEqual(relative(scanned), relative(remark), `text: ${JSON.stringify(text)}`);
}

const corporaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/corpora');

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? markdownFiles(p) : /\.md$/.test(e.name) ? [p] : [];
  });
}

describe('Markdown link scanner', () => {
  it('finds the same relative links as remark in every corpus document', () => {
    const files = markdownFiles(corporaDir);
    assert.ok(files.length > 100);
    for (const f of files) check(fs.readFileSync(f, 'utf8'));
  });

  it('handles code, escapes, nesting, titles and definitions like remark', () => {
    for (const t of [
      '[a](b.md) `[c](d.md)` [e `x]` f](g.md)',
      '```\n[no](x.md)\n```\n[yes](y.md)',
      '~~~md\n[no](x.md)\n~~~~\n[yes](y.md)',
      '\\[not](x.md) [a [nested] one](n.md) [t](t.md "title") [p](p(1).md)',
      '[ref]: ./c.md\n[other]: <d e.md> "T"\n\ntext',
      '<!-- [hidden](h.md) -->\n[shown](s.md)',
      '![img](i.png) [![badge](b.svg)](target.md)',
      '[multi\nline](m.md) and [broken](\nx.md)',
    ]) check(t);
  });

  // Generated documents use paragraph-level syntax only. Block containers (list items that open
  // with a heading, an HTML block or nothing) are where this scanner knowingly simplifies; they are
  // covered by the corpus test above, and fences inside containers go to remark (needsFullParse).
  it('agrees with remark on generated documents', () => {
    const piece = fc.constantFrom('[a](b.md)', '[x]', '(y.md)', '`', '```\n', '\n', '\n\n', ' ', '!', '\\a', '<!--', '-->', '[r]: r.md\n', '<d.md>', '"t"', '# H\n', 'text', '](', '[');
    fc.assert(fc.property(fc.array(piece, { maxLength: 25 }), (parts) => check(parts.join(''))), { numRuns: 1500 });
  });
});
