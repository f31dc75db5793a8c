import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from '../../helpers/checkProperty.js';
import { compileSafeRegex, maxPatternLength, requiredLiteral } from '../../../server/src/core/base/safeRegex.js';
import { parseMarkers } from './fixtureMarkers.js';

/** Compiles `pattern` and asserts its matches in the fixture are exactly the `⟦…⟧` spans. */
function check(pattern: string, fixture: string): void {
  const { text, marked } = parseMarkers(fixture);
  const compiled = compileSafeRegex(pattern);
  assert.ok(compiled.ok, compiled.ok ? '' : compiled.error);
  const matches = compiled.regex.findAll(text);
  assert.deepEqual(matches.map((m) => m.text), marked);
  const spans = [...fixture.matchAll(/⟦/g)].map((m, i) => m.index - 2 * i);
  assert.deepEqual(matches.map((m) => m.start), spans);
  assert.equal(compiled.regex.test(text), marked.length > 0);
}

function rejection(pattern: string): string {
  const compiled = compileSafeRegex(pattern);
  assert.equal(compiled.ok, false, `${pattern} should be rejected`);
  return compiled.ok ? '' : compiled.error;
}

describe('compileSafeRegex', () => {
  it('finds all matches with UTF-16 offsets', () => {
    check('\\bconsole\\.log\\(', '⟦console.log(⟧1); myconsole.log(2); 😀 ⟦console.log(⟧3)');
    check('é+', 'a⟦éé⟧😀⟦é⟧');
    check('(?i)todo', '⟦TODO⟧ and ⟦todo⟧');
  });

  it('anchors ^ and $ at lines', () => {
    check('^x$', '⟦x⟧\nxx\n⟦x⟧');
  });

  it('rejects backreferences, lookarounds, atomic groups and possessive quantifiers with a reason', () => {
    assert.match(rejection('(a)\\1'), /backreferences .* not supported: RE2 syntax/);
    assert.match(rejection('(?<n>a)\\k<n>'), /backreferences/);
    assert.match(rejection('foo(?=bar)'), /lookahead/);
    assert.match(rejection('foo(?!bar)'), /lookahead/);
    assert.match(rejection('(?<=a)b'), /lookbehind/);
    assert.match(rejection('(?<!a)b'), /lookbehind/);
    assert.match(rejection('(?>a)'), /atomic/);
    assert.match(rejection('a++'), /possessive/);
  });

  it('does not mistake escaped or bracketed text for unsupported syntax', () => {
    check('\\\\1', 'a⟦\\1⟧');
    check('[(?=]x', '⟦(x⟧ ⟦=x⟧');
  });

  it('rejects syntax errors, empty and overlong patterns', () => {
    assert.match(rejection('['), /invalid RE2 pattern: missing closing \]/);
    assert.match(rejection(''), /empty/);
    assert.match(rejection('a'.repeat(maxPatternLength + 1)), /limit is 2000/);
    assert.match(rejection('((a{100}){100}){100}'), /too complex|invalid/);
  });

  it('runs a catastrophic-backtracking pattern in linear time', () => {
    const compiled = compileSafeRegex('(a+)+$');
    assert.ok(compiled.ok);
    const text = `${'a'.repeat(100_000)}b`;
    assert.equal(compiled.regex.test(text), false);
    assert.deepEqual(compiled.regex.findAll(text), []);
    const nested = compileSafeRegex('^(\\w+\\s?)*$');
    assert.ok(nested.ok);
    assert.equal(nested.regex.test(`${'word '.repeat(20_000)}!`), false);
  });

  it('stops at the match limit and does not loop on empty matches', () => {
    const compiled = compileSafeRegex('x*');
    assert.ok(compiled.ok);
    assert.equal(compiled.regex.findAll('abc').length, 4);
    assert.deepEqual(compiled.regex.findAll('xxb').map((m) => [m.start, m.end]), [[0, 2], [2, 2], [3, 3]]);
    const single = compileSafeRegex('x');
    assert.ok(single.ok);
    assert.equal(single.regex.findAll('x'.repeat(50), 3).length, 3);
  });

  it('finds the literal every match must contain, conservatively', () => {
    assert.equal(requiredLiteral('\\bconsole\\.log\\('), 'console.log(');
    assert.equal(requiredLiteral('SPDX-License-Identifier'), 'SPDX-License-Identifier');
    assert.equal(requiredLiteral('colou?r'), 'colo');
    assert.equal(requiredLiteral('ab+cde'), 'cde');
    assert.equal(requiredLiteral('x{0,3}yz'), 'yz');
    assert.equal(requiredLiteral('(foo)?barbaz'), 'barbaz');
    assert.equal(requiredLiteral('foo|bar'), undefined);
    assert.equal(requiredLiteral('(?i)console'), undefined);
    assert.equal(requiredLiteral('[a-z]+'), undefined);
  });

  it('only ever proposes a literal that every match contains', () => {
    const token = fc.constantFrom('a', 'b', 'ab', '\\.', '.', '?', '*', '+', '{0,2}', '{2}', '(', ')', '|', '[ab]', '^', '$', '\\b', '\\s');
    const text = fc.array(fc.constantFrom('a', 'b', '.', ' ', '\n', 'ab'), { maxLength: 30 }).map((a) => a.join(''));
    assertProperty('required literals',
      fc.property(fc.array(token, { minLength: 1, maxLength: 8 }).map((t) => t.join('')), text, (pattern, t) => {
        const compiled = compileSafeRegex(pattern);
        const literal = requiredLiteral(pattern);
        if (!compiled.ok || literal === undefined) return;
        for (const m of compiled.regex.findAll(t)) assert.ok(m.text.includes(literal), `${pattern} matched ${JSON.stringify(m.text)} without ${literal}`);
      }),
      { numRuns: 5000 },
    );
  });
});
