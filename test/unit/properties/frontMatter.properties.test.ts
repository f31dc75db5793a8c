import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineMap } from '../../../server/src/core/base/range.js';
import { maxNestingDepth, parseFrontMatter } from '../../../server/src/core/documents/frontMatter.js';
import { assertRangeInside } from '../../helpers/assertRangeInside.js';
import { checkProperty } from '../../helpers/checkProperty.js';

/** YAML lines real front matter is made of, and lines that break it. */
const yamlLine = fc.constantFrom(
  'status: accepted', 'title: "A [b] {c}"', "title: 'it''s'", 'supersedes: [ADR-1, ADR-2]', 'rules:', '  - forbid-import: [moment]',
  '    files: ["src/**"]', 'applies-to:', '  - src/**', 'review-by: 2026-01-01', 'a: &x [1, 2]', 'b: *x', 'c: |', '  text', '   more',
  'd: {e: [f, {g: h}]}', '- item', 'key: [unclosed', '"quoted": 1', ': bad', '? complex', '\ttab: x', 'status: accepted', 'status: [',
  'id: 12', 'kind: goal', 'dup: 1', 'dup: 2', '#', '# comment', '', '  ', 'x: !!binary aGk=', 'y: 2020-01-01T10:00:00Z', 'z: ~',
);
/** Well-formed front matter: distinct keys, each a valid entry, in any selection. */
const validYaml = fc
  .subarray(['status: accepted', 'title: "A [b] {c}"', 'supersedes: [ADR-1, ADR-2]', 'rules:\n  - forbid-import: [moment]\n    files: ["src/**"]',
    'applies-to:\n  - src/**', 'review-by: 2026-01-01', 'a: &x [1, 2]\nb: *x', 'c: |\n  text\n   more', 'd: {e: [f, {g: h}]}', 'id: 12', 'z: ~'], { minLength: 1 })
  .map((ls) => ls.join('\n'));
const mixedYaml = fc.array(fc.oneof({ weight: 5, arbitrary: yamlLine }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), { maxLength: 12 }).map((ls) => ls.join('\n'));
const yaml = fc.oneof(validYaml, mixedYaml);
const opening = fc.oneof({ weight: 4, arbitrary: fc.constant('---\n') }, { weight: 1, arbitrary: fc.constantFrom('\uFEFF---\n', '---\r\n', '--- \n', '', 'x\n---\n') });
const closing = fc.oneof({ weight: 4, arbitrary: fc.constant('\n---\n') }, { weight: 1, arbitrary: fc.constantFrom('\n...\n', '\n---', '\n', '\r\n---\r\n') });
const body = fc.constantFrom('# Title\n', '', 'body\n---\nmore', '\n\n## Status\n');
const paths: (string | number)[][] = [['status'], ['title'], ['rules', 0, 'forbid-import'], ['rules', 0, 'files', 0], ['d', 'e', 1, 'g'], ['a', 5], []];

describe('front matter on generated input', () => {
  it('never throws, and every range lies inside the text', () => {
    checkProperty('front matter', [fc.tuple(opening, yaml, closing, body).map((p) => p.join(''))], (text) => {
      const fm = parseFrontMatter(text, new LineMap(text));
      if (!fm) return { 'front matter found': false, 'mapping read': false, 'error reported': false };
      assertRangeInside(text, fm.range, 'front matter range');
      for (const e of fm.errors) assertRangeInside(text, e.range, `error "${e.message}"`);
      for (const p of paths) assertRangeInside(text, fm.rangeAt(p), `rangeAt(${JSON.stringify(p)})`);
      for (const k of ['status', 'title', 'dup']) {
        const r = fm.keyRange(k);
        if (r) assertRangeInside(text, r, `keyRange(${k})`);
      }
      if (fm.bodyOffset < 0 || fm.bodyOffset > text.length) throw new Error(`bodyOffset ${fm.bodyOffset} outside the text`);
      return { 'front matter found': true, 'mapping read': fm.data !== undefined && Object.keys(fm.data).length > 0, 'error reported': fm.errors.length > 0 };
    }, { numRuns: 800, minimumFractions: { 'front matter found': 0.5, 'mapping read': 0.3, 'error reported': 0.1 } });
  });

  /** YAML nested `levels.length` deep: block mappings and sequences first, then flow collections. */
  function nestedYaml(levels: ('map' | 'seq' | 'flowSeq' | 'flowMap')[]): string {
    const flowAt = levels.findIndex((l) => l === 'flowSeq' || l === 'flowMap');
    const block = flowAt < 0 ? levels : levels.slice(0, flowAt);
    const flow = flowAt < 0 ? [] : levels.slice(flowAt).map((l) => (l === 'flowSeq' || l === 'seq' ? '[' : '{k: '));
    const lines = block.map((l, i) => `${' '.repeat(i)}${l === 'map' ? 'k:' : '-'}`);
    const leaf = flow.join('') + '1' + flow.map((o) => (o === '[' ? ']' : '}')).reverse().join('');
    return ['a:', ...lines.map((l) => ` ${l}`), `${' '.repeat(block.length + 1)}${leaf}`].join('\n');
  }

  it('reads nesting up to near the limit and refuses it beyond, whatever its shape', () => {
    const level = fc.constantFrom<'map' | 'seq' | 'flowSeq' | 'flowMap'>('map', 'seq', 'flowSeq', 'flowMap');
    const depth = fc.oneof(fc.integer({ min: 0, max: maxNestingDepth - 6 }), fc.integer({ min: maxNestingDepth + 2, max: 400 }));
    checkProperty('front matter nesting', [depth.chain((d) => fc.array(level, { minLength: d, maxLength: d }))], (levels) => {
      const text = `---\n${nestedYaml(levels)}\n---\n`;
      const fm = parseFrontMatter(text, new LineMap(text))!;
      const refused = fm.errors.some((e) => e.message.startsWith('front matter nests deeper than'));
      if (levels.length < maxNestingDepth - 5) {
        assert.deepEqual(fm.errors, [], `depth ${levels.length}`);
        assert.ok(fm.data && 'a' in fm.data);
      } else assert.ok(refused, `depth ${levels.length} is refused`);
      for (const e of fm.errors) assertRangeInside(text, e.range, e.message);
      return { 'within the limit': !refused, 'beyond it': refused };
    }, { numRuns: 200, minimumFractions: { 'within the limit': 0.3, 'beyond it': 0.3 } });
  });
});
