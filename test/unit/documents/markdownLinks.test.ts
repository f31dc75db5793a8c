import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../../../server/src/core/documents/markdown.js';
import { needsFullParse, scanMarkdownLinks } from '../../../server/src/core/documents/markdownLinks.js';
import { checkProperty, joined } from '../../helpers/checkProperty.js';

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

/** The repository's own Markdown (README, sample workspace, docs): real documents, read in place. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const skipped = new Set(['node_modules', 'out', 'dist', '.git', '.cache', '.vscode-test']);

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return skipped.has(e.name) || e.isSymbolicLink() ? [] : markdownFiles(p);
    return /\.md$/.test(e.name) ? [p] : [];
  });
}

describe('Markdown link scanner', () => {
  it('finds the same relative links as remark in every Markdown document of the repository', () => {
    const files = markdownFiles(repoRoot);
    assert.ok(files.length >= 10, `found only ${files.length} Markdown files`);
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

  // Found by the generated test below: a line holding only a title belongs to the definition above
  // it, so the paragraph is still open to definitions and the next line is a second definition.
  it('reads a title on the line after a definition as its title, so a definition may follow', () => {
    const text = '[r]: r.md\n"t"\n[r]: r.md\n';
    check(text);
    assert.deepEqual(
      scanMarkdownLinks(text).map((l) => [l.kind, l.start, l.end, l.url]),
      [['definition', 0, 13, 'r.md'], ['definition', 14, 23, 'r.md']],
    );
    for (const t of [
      '[r]:\nr.md\n"t"\n[s]: s.md\n', // destination and title each on a line of their own
      '[r]: r.md\n"t\nu"\n[s]: s.md\n', // a title over two lines
      '[r]: r.md\n(t)\n[s]: s.md\n',
      "[r]: r.md\n'a\\'b'\n[s]: s.md\n", // an escaped quote inside the title
      '[r]: r.md\n"t" x\n[s]: s.md\n', // not a title: text follows it, so the paragraph is open
      '[r]: r.md\n"t\n\nu"\n[s]: s.md\n', // not a title: a blank line ends it
    ]) check(t);
  });

  // Generated documents use paragraph-level syntax only. Block containers (list items that open
  // with a heading, an HTML block or nothing) are where this scanner knowingly simplifies; they are
  // covered by the document test above, and fences inside containers go to remark (needsFullParse).
  it('agrees with remark on generated documents', () => {
    // Whole constructs, so most documents hold links and definitions, and pieces that break them.
    const construct = fc.constantFrom('[a](b.md)', '[r]: r.md\n', '[r]: r.md', '\n\n[r]: r.md\n', '\n\n[q]: q.md\n"t"\n', '[s]:\n<s.md>', '[t]: t.md "t"\n', '[n [x]](n.md)', '[p](p(1).md)');
    const piece = fc.constantFrom(
      '[x]', '(y.md)', '`', '```\n', '\n', '\n\n', ' ', '!', '\\a', '<!--', '-->', '<d.md>', '"t"', '"t"\n', "'t'", '(t)', '# H\n', 'text', '](', '[',
    );
    const document = fc.array(fc.oneof({ arbitrary: construct, weight: 1 }, { arbitrary: piece, weight: 3 }), { minLength: 1, maxLength: 25 }).map((p) => p.join(''));
    checkProperty('scanner agrees with remark', [document], (text) => {
      check(text);
      const found = needsFullParse(text) ? [] : scanMarkdownLinks(text);
      return { 'a link': found.some((l) => l.kind === 'link'), 'a definition': found.some((l) => l.kind === 'definition') };
    }, { numRuns: 1500, minimumFractions: { 'a link': 0.2, 'a definition': 0.2 } });
  });
});
