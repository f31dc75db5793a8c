import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineMap } from '../../../server/src/core/base/range.js';
import { maxNestingDepth, parseFrontMatter } from '../../../server/src/core/documents/frontMatter.js';
import { defaultIdPrefixes } from '../../../server/src/core/documents/ids.js';
import { parseDocument } from '../../../server/src/core/documents/parseDocument.js';
import { parseConfig } from '../../../server/src/core/workspace/config.js';

const tooDeep = `front matter nests deeper than ${maxNestingDepth} levels`;

function frontMatterOf(yaml: string) {
  const text = `---\n${yaml}\n---\n# Title\n`;
  return { text, fm: parseFrontMatter(text, new LineMap(text))! };
}

/** Nesting shapes, each `depth` levels deep. */
const nested = {
  'flow sequences': (depth: number) => `a: ${'['.repeat(depth)}${']'.repeat(depth)}`,
  'flow mappings': (depth: number) => `a: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`,
  'indented mappings': (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1',
  'entries on one line': (depth: number) => `a:\n${'- '.repeat(depth)}1`,
};

describe('front matter nesting', () => {
  for (const [shape, build] of Object.entries(nested)) {
    // Indentation nesting costs depth² characters: 2,000 levels are already 2 MB of spaces.
    const depth = shape === 'indented mappings' ? 2000 : 10000;
    it(`reports ${depth}-deep ${shape} as too deep instead of overflowing the stack`, () => {
      const { text, fm } = frontMatterOf(build(depth));
      assert.deepEqual(fm.errors.map((e) => e.message), [tooDeep]);
      assert.equal(fm.data, undefined, 'the front matter is not read');
      const { start } = fm.errors[0].range;
      assert.ok(start.line >= 1 && start.line < new LineMap(text).lineCount, 'the finding points into the front matter');
      // The document itself is still read, with the finding among its problems.
      const doc = parseDocument('docs/adr/0001-x.md', text, { kind: 'decision', idPrefixes: defaultIdPrefixes, statusMap: {} });
      assert.equal(doc.title, 'Title');
      assert.ok(doc.problems.some((p) => p.message.includes(tooDeep)), JSON.stringify(doc.problems.map((p) => p.message)));
    });

    it(`reads ${shape} just inside the limit`, () => {
      // One level for the top-level mapping, and for `a:`'s own line where the shape needs it.
      const { fm } = frontMatterOf(build(maxNestingDepth - 4));
      assert.deepEqual(fm.errors, []);
      assert.ok(fm.data && 'a' in fm.data);
    });
  }

  it('points at the first bracket beyond the limit', () => {
    const { fm } = frontMatterOf(`a: ${'['.repeat(100)}${']'.repeat(100)}`);
    // Line 1 (after the fence); the mapping is level 1, so bracket number 64 is one too many.
    assert.deepEqual(fm.errors[0].range.start, { line: 1, character: 3 + maxNestingDepth - 1 });
  });

  it('does not count brackets in quoted strings, or indentation inside block scalars', () => {
    const deepText = '['.repeat(200);
    const { fm } = frontMatterOf(
      `title: "${deepText}"\nother: '${deepText}'\nbody: |\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 1)}x`).join('\n')}\nlast: 1`,
    );
    assert.deepEqual(fm.errors, []);
    assert.equal(fm.data?.title, deepText);
    assert.equal(fm.data?.last, 1);
  });

  it('reads block scalars with CRLF line ends as text too', () => {
    const lines = ['body: |', ...Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 1)}x`), 'last: 1'];
    const { fm } = frontMatterOf(lines.join('\r\n'));
    assert.deepEqual(fm.errors, []);
    assert.equal(fm.data?.last, 1);
  });

  it('is not fooled into skipping nested lines by a `|` that opens no block scalar', () => {
    for (const head of ['a: x # |', 'a: "|"']) {
      const { fm } = frontMatterOf(`${head}\n${nested['indented mappings'](2000)}`);
      assert.deepEqual(fm.errors.map((e) => e.message), [tooDeep], head);
    }
  });
});

describe('.rationale.json nesting', () => {
  // JSON.parse does not recurse, and the schema stops at the first level it does not expect;
  // these pin that a hostile config yields a clear error, not a crash.
  for (const [shape, json] of [
    ['arrays', `{"statusMap": ${'['.repeat(10000)}${']'.repeat(10000)}}`],
    ['objects', `{"statusMap": ${'{"a": '.repeat(10000)}1${'}'.repeat(10000)}}`],
    ['a top-level array', `${'['.repeat(10000)}${']'.repeat(10000)}`],
  ]) {
    it(`reports 10,000-deep ${shape} as a config error`, () => {
      const { config, errors } = parseConfig(json);
      assert.equal(errors.length >= 1, true);
      assert.ok(errors.every((e) => e.startsWith('.rationale.json')), errors.join('; '));
      assert.deepEqual(config.statusMap, {}, 'the defaults stand');
    });
  }
});
