import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineMap } from '../../../server/src/core/base/range.js';
import { scanAnnotations } from '../../../server/src/core/source/scanAnnotations.js';
import { assertRangeInside } from '../../helpers/assertRangeInside.js';
import { checkProperty } from '../../helpers/checkProperty.js';

/** Each language with its line comment and block comment markers (either may be missing). */
const languages: { file: string; line?: string; block?: [string, string]; string: string }[] = [
  { file: 'a.ts', line: '//', block: ['/*', '*/'], string: '"' },
  { file: 'a.py', line: '#', block: ['"""', '"""'], string: "'" },
  { file: 'a.rs', line: '//', block: ['/*', '*/'], string: '"' },
  { file: 'a.go', line: '//', block: ['/*', '*/'], string: '`' },
  { file: 'a.java', line: '//', block: ['/*', '*/'], string: '"' },
  { file: 'a.cs', line: '//', block: ['/*', '*/'], string: '"' },
  { file: 'a.c', line: '//', block: ['/*', '*/'], string: '"' },
  { file: 'a.hs', line: '--', block: ['{-', '-}'], string: '"' },
  { file: 'a.sql', line: '--', block: ['/*', '*/'], string: "'" },
  { file: 'a.lua', line: '--', block: ['--[[', ']]'], string: '"' },
  { file: 'a.rb', line: '#', block: ['=begin\n', '\n=end'], string: '"' },
  { file: 'a.sh', line: '#', string: '"' },
  { file: 'a.yaml', line: '#', string: '"' },
  { file: 'a.html', block: ['<!--', '-->'], string: '"' },
  { file: 'a.vb', line: "'", string: '"' },
  { file: 'Makefile', line: '#', string: '"' },
];

const annotation = fc.constantFrom('@decision ADR-7', '@adr 7, ADR-0012', '@goal GOAL-growth', '@brief PRD-3', '@decision: core/20201002-use-ddd', 'see ADR-0007', '@decision');
const directive = fc.constantFrom('rationale-disable-next-line ADR-7 -- vendored', 'rationale-disable-next-line -- generated', 'rationale-disable-next-line ADR-1, forbid-import');
const noise = fc.constantFrom('', ' ', '\t', 'x', '\\', ',', '.', ':', '"', "'", '`', '*/', '/*', '-->', '\r');

/** A source file of one language: code, line comments and block comments holding annotations. */
const source = fc.constantFrom(...languages).chain((lang) => {
  const comment = fc.oneof(annotation, directive);
  const line = fc.oneof(
    { weight: 3, arbitrary: lang.line ? fc.tuple(noise, comment, noise).map(([a, c, b]) => `${a}${lang.line} ${c}${b}`) : comment.map((c) => `${lang.block![0]} ${c} ${lang.block![1]}`) },
    { weight: 1, arbitrary: lang.block ? fc.tuple(comment, comment).map(([a, b]) => `${lang.block![0]} ${a}\n ${b} ${lang.block![1]}`) : fc.constant('') },
    { weight: 1, arbitrary: comment.map((c) => `x = ${lang.string}${c}${lang.string}`) }, // inside a string: no annotation
    { weight: 2, arbitrary: fc.oneof(noise, fc.string({ maxLength: 12 })) },
  );
  return fc.array(line, { maxLength: 10 }).map((ls) => ({ file: lang.file, text: ls.join('\n') }));
});

describe('annotations on generated source of every language', () => {
  it('never throw, and every range lies inside the text and holds what it claims', () => {
    checkProperty('annotations', [source], ({ file, text }) => {
      const found = scanAnnotations(file, text);
      const lines = new LineMap(text);
      for (const ref of found.references) {
        assertRangeInside(text, ref.range, `reference ${ref.id}`);
        assert.equal(text.slice(lines.offsetAt(ref.range.start), lines.offsetAt(ref.range.end)), ref.id, 'the range covers the id');
      }
      for (const s of found.suppressions) {
        assertRangeInside(text, s.range, 'exception');
        assert.ok(s.targetLine > s.range.start.line, 'an exception targets a later line');
      }
      return { 'an annotation': found.references.some((r) => r.strength === 'annotation'), 'an exception': found.suppressions.length > 0 };
    }, { numRuns: 800, minimumFractions: { 'an annotation': 0.3, 'an exception': 0.15 } });
  });
});
