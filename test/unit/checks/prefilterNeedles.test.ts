import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanPrefilter } from '../../../server/src/core/checks/prefilterNeedles.js';
import { literalNeedle, nameNeedle } from '../../../server/src/core/base/searchNeedle.js';
import { check } from '../rules/checkRules.js';

/** The compiled rules of one decision, from its `rules:` YAML. */
function rulesOf(yaml: string) {
  return check({ decisions: [{ id: 'ADR-1', rules: yaml }], files: {} }).rules;
}

describe('scanPrefilter', () => {
  it('needles forbidden imports by their first name and patterns by their required literal', () => {
    const p = scanPrefilter(rulesOf("- forbid-import: ['moment/locale', 'node:fs']\n- forbid-pattern: 'eval\\('"), ['ADR'])!;
    assert.ok(p.needles.includes(nameNeedle('moment')!));
    assert.ok(p.needles.includes(nameNeedle('node')!));
    assert.ok(p.needles.includes(literalNeedle('eval(')!));
    assert.equal(p.mustScan('src/a.ts'), false);
  });

  it('has every file a rule without needles governs read: globs, relative targets, no literal, require-pattern, manifests, layers', () => {
    const cases: [string, string, string][] = [
      ["- forbid-import: ['lodash*']", 'src/a.ts', 'src/a.txt'],
      ["- forbid-import: ['./local']", 'src/a.ts', 'src/a.txt'],
      ["- forbid-pattern: '(?i)secret'\n  files: ['src/**']", 'src/a.txt', 'lib/a.txt'],
      ["- require-pattern: 'Copyright'\n  files: ['src/**']", 'src/a.txt', 'lib/a.txt'],
      ['- forbid-dependency: [left-pad]', 'package.json', 'src/a.ts'],
      ["- forbid-layer: { from: 'src/ui/**', to: 'src/db/**' }", 'src/ui/a.ts', 'src/db/a.ts'],
    ];
    for (const [yaml, governed, other] of cases) {
      const p = scanPrefilter(rulesOf(yaml), ['ADR'])!;
      assert.equal(p.mustScan(governed), true, `${yaml} governs ${governed}`);
      assert.equal(p.mustScan(other), false, `${yaml} does not govern ${other}`);
    }
  });

  it('reads Markdown files, which may define requirement items, whatever they hold', () => {
    assert.equal(scanPrefilter(rulesOf('[]'), [])!.mustScan('notes/spec.md'), true);
  });

  it('gives up on id prefixes outside ASCII, whose case folding a byte search does not share', () => {
    assert.equal(scanPrefilter(rulesOf('[]'), ['ÉTUDE']), undefined);
  });
});

describe('needles', () => {
  it('escape every ASCII sign and refuse what a line-by-line byte search cannot see', () => {
    assert.equal(literalNeedle('a.b(c'), 'a\\x2eb\\x28c');
    for (const bad of ['', 'a\nb', 'x\uFFFDy', '\uD800']) assert.equal(literalNeedle(bad), undefined, JSON.stringify(bad));
    assert.equal(literalNeedle('café', { ignoreCase: true }), undefined);
    assert.equal(nameNeedle('a b'), undefined);
  });
});
