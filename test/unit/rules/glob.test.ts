import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from '../../helpers/checkProperty.js';
import picomatch from 'picomatch';
import { RE2JS } from 're2js';
import { globBase, globMatcher, globToRe2, matchesAny } from '../../../server/src/core/base/glob.js';

/** Asserts which of the paths the glob matches. */
function check(glob: string, matching: string[], notMatching: string[]): void {
  for (const p of matching) assert.equal(globMatcher(glob)(p), true, `${glob} should match ${p}`);
  for (const p of notMatching) assert.equal(globMatcher(glob)(p), false, `${glob} should not match ${p}`);
}

describe('glob', () => {
  it('matches workspace-relative paths, dotfiles included', () => {
    check('src/**', ['src', 'src/a.ts', 'src/.env', 'src/a/b/c.ts'], ['lib/a.ts', 'srcx/a.ts']);
    check('**/*.test.ts', ['a.test.ts', 'src/x/a.test.ts', '.hidden/a.test.ts'], ['a.ts']);
    check('*.md', ['README.md'], ['docs/README.md']);
    check('src/{ui,api}/**', ['src/ui/a', 'src/api/b/c'], ['src/db/a']);
    check('./src/*.ts', ['src/a.ts'], ['src/a/b.ts']);
  });

  it('treats a plain path as the file or everything in that folder', () => {
    check('src/legacy', ['src/legacy', 'src/legacy/a.ts', 'src/legacy/x/y.ts'], ['src/legacy2/a.ts', 'src/leg']);
    check('src/legacy/', ['src/legacy/a.ts'], ['src/legacy2/a.ts']);
  });

  it('matches any of a list; an empty list or empty glob matches nothing', () => {
    assert.equal(matchesAny('a/b.ts', ['x/**', 'a/*.ts']), true);
    assert.equal(matchesAny('a/b.ts', []), false);
    assert.equal(matchesAny('a/b.ts', ['']), false);
  });

  it('gives the literal base folder of a glob', () => {
    assert.equal(globBase('src/db/**'), 'src/db');
    assert.equal(globBase('**/*.ts'), '');
    assert.equal(globBase('./lib/*.js'), 'lib');
  });

  it('matches pathological globs without catastrophic backtracking', () => {
    const evil = '*a*a*a*a*a*a*a*a*a*a*b';
    assert.equal(globMatcher(evil)('a'.repeat(200)), false);
    assert.equal(globMatcher(evil)(`${'a'.repeat(12)}b`), true);
    assert.equal(globMatcher('**/**/**/**/**/x')('a/'.repeat(100) + 'y'), false);
    assert.equal(globMatcher('**/**/**/**/**/x')('a/b/x'), true);
    const segments = '*a*/*a*/*a*/*a*/*a*/*a*/*a*/*a*/x';
    assert.equal(globMatcher(segments)(`${'a'.repeat(200)}/`.repeat(9)), false);
    assert.equal(globMatcher(segments)('a/'.repeat(8) + 'x'), true);
  });

  it('matches two-wildcard globs the same on very long paths', () => {
    const deep = `src/${'d/'.repeat(800)}x.ts`;
    assert.equal(globMatcher('src/**/*.ts')(deep), true);
    assert.equal(globMatcher('src/**/*.js')(deep), false);
  });

  it('translates globs to RE2 with the same meaning as picomatch', () => {
    // `[!a]` is left out: picomatch reads it as the class {!, a}; the RE2 translation negates, like POSIX globs.
    const segment = fc.constantFrom('a', 'b', '.c', '*', '**', '?', '*a', 'a*', '[ab]', '[^a]', '[a-b]', '{a,b}', '{a,b*}', 'x.ts');
    // Consecutive globstars are left out too: picomatch's handling of `a/**/**` differs in corner cases.
    const glob = fc
      .array(segment, { minLength: 1, maxLength: 4 })
      .map((s) => s.join('/'))
      .filter((g) => !g.includes('**/**'));
    const path = fc.array(fc.constantFrom('a', 'b', '.c', 'ab', 'ba', 'x.ts', 'c', 'aa'), { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));
    assertProperty('globs agree with picomatch',
      fc.property(glob, path, (g, p) => {
        const re = RE2JS.compile(`^(?:${globToRe2(g)})$`);
        assert.equal(re.testExact(p), picomatch(g, { dot: true, noextglob: true })(p), `${g} vs ${p}`);
      }),
      { numRuns: 3000 },
    );
  });
});
