import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileAnnotations } from '../../../server/src/core/source/codeReference.js';
import { scanAnnotations } from '../../../server/src/core/source/scanAnnotations.js';
import type { Range } from '../../../server/src/core/base/range.js';
import { extractMarkers, md } from '../../helpers/markers.js';

/** A reference as `"<id> <kind>"`, kind being `decision`, `project`, `goal`, or `mention` for bare ids. */
type ExpectedReference = string;
interface ExpectedSuppression {
  ids: string[];
  reason?: string;
  targetLine: number;
}

/**
 * Scans marked fixture text and compares everything found, in text order, with `expected`. Each
 * `⟦…⟧` marks, in the order the markers close, the range of the corresponding item: the id text
 * of a reference, the whole directive of a suppression.
 */
function check(fileName: string, marked: string, expected: (ExpectedReference | ExpectedSuppression)[], idPrefixes?: readonly string[]): FileAnnotations {
  const { text, ranges } = extractMarkers(marked);
  const found = scanAnnotations(fileName, text, idPrefixes ? { idPrefixes } : {});
  for (const r of found.references) assert.equal(r.path, fileName);
  for (const s of found.suppressions) assert.equal(s.path, fileName);
  const actual: { at: Range; item: ExpectedReference | ExpectedSuppression }[] = [
    ...found.references.map((r) => ({ at: r.range, item: `${r.id} ${r.strength === 'mention' ? 'mention' : r.kind}` })),
    ...found.suppressions.map((s) => ({ at: s.range, item: { ids: s.ids, reason: s.reason, targetLine: s.targetLine } })),
    // Markers yield ranges in the order they close, so nested items (a tag inside a directive) come first.
  ].sort((a, b) => a.at.end.line - b.at.end.line || a.at.end.character - b.at.end.character || b.at.start.character - a.at.start.character);
  const normalise = (e: ExpectedReference | ExpectedSuppression) => (typeof e === 'string' ? e : { ids: e.ids, reason: e.reason, targetLine: e.targetLine });
  assert.deepEqual(actual.map((a) => a.item), expected.map(normalise), `items found in ${fileName}`);
  assert.equal(ranges.length, expected.length, 'fixture marks one range per expected item');
  actual.forEach((a, i) => assert.deepEqual(a.at, ranges[i], `range of ${JSON.stringify(a.item)}`));
  for (const r of found.references) assert.equal(r.strength === 'mention', r.kind === undefined, 'only mentions lack a kind');
  return found;
}

describe('line comments per language family', () => {
  const families: Record<string, string[]> = {
    '//': ['a.ts', 'a.tsx', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.vue', 'a.svelte', 'a.go', 'a.java', 'a.kt', 'a.scala', 'a.rs', 'a.cs', 'a.fs', 'a.c', 'a.h', 'a.cpp', 'a.hpp', 'a.m', 'a.swift', 'a.php', 'a.dart', 'a.zig', 'a.proto', 'a.groovy', 'Jenkinsfile', 'a.tf', 'a.scss', 'a.less', 'tsconfig.json', 'go.mod'],
    '#': ['a.py', 'a.rb', 'a.sh', 'a.bash', 'a.zsh', 'a.ps1', 'a.pl', 'a.r', 'a.R', 'a.yaml', 'a.yml', 'a.toml', 'a.ini', 'a.tf', 'a.hcl', 'a.php', 'Dockerfile', 'Dockerfile.dev', 'Makefile', 'CMakeLists.txt', 'a.cmake', '.gitignore', '.dockerignore', '.env', 'a.ex', 'a.exs', 'a.nim', 'a.jl', 'a.graphql', 'BUILD.bazel', 'Gemfile', 'Vagrantfile', 'requirements.txt'],
    '--': ['a.sql', 'a.hs', 'a.elm', 'a.lua'],
    ';': ['a.clj', 'a.lisp', 'a.scm', 'a.el', 'a.ini'],
    '%': ['a.erl', 'a.tex', 'a.m'],
    "'": ['a.vb'],
    'REM': ['a.bat'],
  };
  for (const [marker, files] of Object.entries(families)) {
    it(`finds annotations after ${marker} in ${files.length} kinds of file`, () => {
      for (const file of files) {
        check(file, `x = 1\n${marker} @decision ⟦ADR-0007⟧\n`, ['ADR-0007 decision']);
      }
    });
  }

  it('does not treat another language\'s markers as comments', () => {
    check('a.py', 'x = 1 // @decision ADR-0007\n', []);
    check('a.c', '#include <stdio.h> @adr 7\n#define X 1 // @adr ⟦8⟧\n', ['8 decision']);
    check('a.sql', 'select 1; # @adr 7\n', []);
    check('a.html', '<p>// @adr 7</p>\n', []);
    check('a.css', 'a { color: red } // @adr 7\n', []);
  });

  it('falls back to //, #, /* */ and <!-- --> for unknown file types', () => {
    check('notes.unknownext', md`
      // @adr ⟦1⟧
      # @adr ⟦2⟧
      /* @adr ⟦3⟧ */
      <!-- @adr ⟦4⟧ -->
      @adr 5 outside any comment
    `, ['1 decision', '2 decision', '3 decision', '4 decision']);
  });

  it('treats a shebang as a comment', () => {
    check('tool', '#!/usr/bin/env node @adr ⟦7⟧\nconsole.log(1)\n', ['7 decision']);
    check('cli.js', '#!/usr/bin/env node # @adr ⟦7⟧\n', ['7 decision']);
  });

  it('handles CRLF line endings', () => {
    check('a.ts', 'let a = 1; // @adr ⟦7⟧\r\n/* @adr ⟦8⟧\r\n@adr ⟦9⟧ */\r\nlet b = 2; // ⟦ADR-3⟧\r\n', ['7 decision', '8 decision', '9 decision', 'ADR-3 mention']);
  });
});

describe('block comments', () => {
  it('finds annotations in one-line block comments of each family', () => {
    check('a.ts', 'f(/* @adr ⟦1⟧ */ x); /* @adr ⟦2⟧ */', ['1 decision', '2 decision']);
    check('a.css', '.a { /* @adr ⟦1⟧ */ color: red; }', ['1 decision']);
    check('a.sql', 'select /* @adr ⟦1⟧ */ 1;', ['1 decision']);
    check('a.tf', 'resource "x" "y" { /* @adr ⟦1⟧ */ }', ['1 decision']);
    check('a.html', '<div><!-- @decision ⟦ADR-0007⟧--></div>', ['ADR-0007 decision']);
    check('README.md', '# Title\n\n<!-- @decision ⟦ADR-0007⟧ -->\n', ['ADR-0007 decision']);
    check('a.vue', '<template><!-- @adr ⟦1⟧ --></template>\n<script>\n// @adr ⟦2⟧\n</script>', ['1 decision', '2 decision']);
    check('a.hs', 'f x = {- @adr ⟦1⟧ -} x', ['1 decision']);
    check('a.fs', 'let x = (* @adr ⟦1⟧ *) 1', ['1 decision']);
    check('a.ml', 'let x = (* @adr ⟦1⟧ *) 1 // @adr 2', ['1 decision']);
    check('a.lua', 'local x = 1 --[[ @adr ⟦1⟧ ]] print(x)', ['1 decision']);
    check('a.ps1', '<# @adr ⟦1⟧ #> Write-Host x', ['1 decision']);
    check('a.jl', '#= @adr ⟦1⟧ =# x = 1', ['1 decision']);
    check('a.nim', '#[ @adr ⟦1⟧ ]# echo 1', ['1 decision']);
    check('a.lisp', '#| @adr ⟦1⟧ |# (defun f ())', ['1 decision']);
  });

  it('tracks block comments across lines, and code after the closer is code again', () => {
    check('a.java', md`
      /**
       * Stores orders.
       * @decision ⟦ADR-0007⟧
       * See also ⟦ADR-0009⟧ for the cache.
       */
      class Orders { String s = "@adr 3"; } // @adr ⟦4⟧
    `, ['ADR-0007 decision', 'ADR-0009 mention', '4 decision']);
    check('a.html', '<!--\n  @decision ⟦ADR-1⟧\n-->\n<p>@adr 2</p>', ['ADR-1 decision']);
    check('a.lua', '--[[\n@adr ⟦1⟧\n]] x = "@adr 2"', ['1 decision']);
  });

  it('counts nested block comments where the language nests them', () => {
    check('a.rs', '/* outer /* inner */ still comment @adr ⟦1⟧ */ fn f() {} /* @adr ⟦2⟧ */', ['1 decision', '2 decision']);
    check('a.hs', '{- a {- b -} @adr ⟦1⟧ -} x = "@adr 3"', ['1 decision']);
  });

  it('does not nest where the language does not', () => {
    check('a.c', '/* a /* b */ int x; // @adr ⟦1⟧', ['1 decision']);
  });

  it('reads Python docstrings and Ruby =begin blocks as comments', () => {
    check('a.py', md`
      def f():
          """Charges the card.

          @decision ⟦ADR-0007⟧
          """
          s = """ @adr 8 in a string """
    `, ['ADR-0007 decision']);
    check('a.rb', '=begin\n@adr ⟦1⟧\n=end\nputs "@adr 2"', ['1 decision']);
  });

  it('survives an unclosed block comment', () => {
    check('a.ts', 'x(); /* @adr ⟦1⟧\n@adr ⟦2⟧', ['1 decision', '2 decision']);
  });
});

describe('string literals and code are not comments', () => {
  it('ignores markers and tags inside strings', () => {
    check('a.ts', `const u = "http://example.com/@adr/1"; const h = '#fff // @adr 2'; // @adr ⟦3⟧`, ['3 decision']);
    check('a.py', `url = "http://example.com // @adr 1"  # @adr ⟦2⟧\ncolor = '#fff @adr 3'  # ⟦ADR-4⟧`, ['2 decision', 'ADR-4 mention']);
    check('a.go', 'var s = `line one // @adr 1\nline two /* @adr 2 */` // @adr ⟦3⟧', ['3 decision']);
    check('a.ts', 'const t = `\n// @adr 1\n${x}`; // @adr ⟦2⟧', ['2 decision']);
    check('a.sql', `select '-- @adr 1', 'it''s -- @adr 2' -- @adr ⟦3⟧`, ['3 decision']);
    check('a.sh', `echo "# @adr 1" '# @adr 2' # @adr ⟦3⟧`, ['3 decision']);
    check('a.java', 'String s = """\n  // @adr 1\n  """; // @adr ⟦2⟧', ['2 decision']);
    check('a.ts', 'const s = "say \\"// @adr 1\\""; // @adr ⟦2⟧', ['2 decision']);
  });

  it('knows the literals only a language lexer tells apart (regexes, raw and verbatim strings, interpolation)', () => {
    // A JavaScript regex literal is not a comment, and a quote inside one opens no string.
    check('a.ts', 'const re = /[//] @adr 1/;\nconst q = /\'/, s = \'// @adr 2\'; // @adr ⟦3⟧', ['3 decision']);
    // A Rust raw string holds quotes without escapes.
    check('a.rs', 'let s = r#"a " // @adr 1"#; // @adr ⟦2⟧', ['2 decision']);
    // A C# verbatim string ends at its first lone quote, whatever backslashes precede it.
    check('a.cs', 'var p = @"C:\\"; var q = "// @adr 1"; // @adr ⟦2⟧', ['2 decision']);
    // Code inside a template literal's `${…}` is code again, comments included.
    check('a.ts', 'const t = `// @adr 1 ${x /* @adr ⟦2⟧ */} // @adr 3`; // @adr ⟦4⟧', ['2 decision', '4 decision']);
  });

  it('does not let an unclosed quote hide a comment', () => {
    check('a.yaml', `title: Don't panic # @adr ⟦1⟧`, ['1 decision']);
    check('a.rs', `fn f<'a>(x: &'a str) -> char { 'x' } // @adr ⟦1⟧`, ['1 decision']);
    check('a.hs', `foldl' f x -- @adr ⟦1⟧`, ['1 decision']);
  });

  it('knows where # is not a comment', () => {
    check('a.sh', 'echo $# ${#arr} a#b # @adr ⟦1⟧', ['1 decision']);
    check('a.php', '#[Route("/x @adr 1")]\nfunction f() {} # @adr ⟦2⟧', ['2 decision']);
    check('a.c', '#include "adr_7.h" // ⟦ADR-7⟧', ['ADR-7 mention']);
  });

  it('ignores tags and ids outside comments', () => {
    check('a.py', '@decision("ADR-0007")\ndef f(): pass\nADR_0007 = 1\n', []);
    check('a.ts', 'const adr7 = "@adr 7"; let x = ADR-7;', []);
    check('notes.md', 'See @decision ADR-0007 in prose.\n', []);
  });
});

describe('tags and ids', () => {
  it('reads each tag as its kind', () => {
    check('a.ts', md`
      // @decision ⟦ADR-0007⟧
      // @adr ⟦7⟧
      // @adr ⟦0007⟧
      // @rfc ⟦RFC-12⟧
      // @prd ⟦PRD-3⟧
      // @project ⟦PRD-4⟧
      // @brief ⟦PRD-5⟧
      // @goal ⟦GOAL-growth⟧
      // @okr ⟦GOAL-2⟧
      // @objective ⟦GOAL-retention⟧
    `, ['ADR-0007 decision', '7 decision', '0007 decision', 'RFC-12 decision', 'PRD-3 project', 'PRD-4 project', 'PRD-5 project', 'GOAL-growth goal', 'GOAL-2 goal', 'GOAL-retention goal']);
  });

  it('accepts log4brains ids, slugs and case or colon variants', () => {
    check('a.ts', md`
      // @adr ⟦20201016-use-log4brains⟧
      // @adr ⟦core/20201002-use-ddd⟧
      // @decision ⟦use-postgres⟧
      // @decision ⟦0007-use-postgres⟧
      // @ADR ⟦12⟧
      // @decision: ⟦DEC-42⟧
      // {@decision ⟦ADR-1⟧}
    `, ['20201016-use-log4brains decision', 'core/20201002-use-ddd decision', 'use-postgres decision', '0007-use-postgres decision', '12 decision', 'DEC-42 decision', 'ADR-1 decision']);
  });

  it('reads several ids separated by commas or spaces', () => {
    check('a.py', md`
      # @decision ⟦ADR-1⟧, ⟦ADR-2⟧
      # @adr ⟦1⟧ ⟦2⟧,⟦3⟧
      # @goal ⟦GOAL-growth⟧ ⟦GOAL-retention⟧
      # @decision ⟦use-postgres⟧, ⟦use-redis⟧
    `, ['ADR-1 decision', 'ADR-2 decision', '1 decision', '2 decision', '3 decision', 'GOAL-growth goal', 'GOAL-retention goal', 'use-postgres decision', 'use-redis decision']);
  });

  it('stops the id list at prose and trims trailing punctuation', () => {
    check('a.ts', md`
      // @adr ⟦7⟧ because we need it
      // @adr ⟦7⟧ well-known reasons
      // @decision ⟦ADR-0007⟧. Postgres it is.
      // (see @decision ⟦ADR-0007⟧)
      // @decision ⟦ADR-0007⟧: use Postgres
      // @adr ⟦7⟧, ⟦8⟧ and 9
      /* @adr ⟦9⟧*/
    `, ['7 decision', '7 decision', 'ADR-0007 decision', 'ADR-0007 decision', 'ADR-0007 decision', '7 decision', '8 decision', '9 decision']);
  });

  it('ignores tags without an id and look-alikes (a glued `@adr7` is only a bare mention)', () => {
    check('a.ts', md`
      // @adr
      // @adr because
      // @decision needed here
      // mail me@adr.example or @adrian
      // @adr(7) @decisions 7 @⟦adr7⟧
    `, ['adr7 mention']);
  });

  it('takes only unmistakable ids after tags other tools use too', () => {
    check('a.c', md`
      /** @brief Thread-safe queue. */
      /** @brief SHA256 digest of 64-bit words. */
      /** @project my-app */
      /** @brief ⟦PRD-3⟧ checkout */
      /** @project ⟦12⟧ */
    `, ['PRD-3 project', '12 project']);
    check('Mojo.java', '/**\n * @goal compile\n * @goal ⟦GOAL-growth⟧\n */', ['GOAL-growth goal']);
  });
});

describe('bare ids (mentions)', () => {
  it('finds prefixed ids in comments, case-insensitively for numbered ones', () => {
    check('a.ts', md`
      // Follows ⟦ADR-0007⟧ and ⟦adr 12⟧ and ⟦PRD_3⟧; serves ⟦GOAL-growth⟧.
      // Not ids: MADR-1, ADR-7x, goal-oriented, ADR-, GOAL-
    `, ['ADR-0007 mention', 'adr 12 mention', 'PRD_3 mention', 'GOAL-growth mention']);
  });

  it('does not repeat an id that a tag already claims', () => {
    check('a.ts', '// @decision ⟦ADR-0007⟧ @adr ⟦7⟧ @goal ⟦GOAL-growth⟧ also ⟦ADR-8⟧', ['ADR-0007 decision', '7 decision', 'GOAL-growth goal', 'ADR-8 mention']);
  });

  it('uses the workspace\'s own prefixes', () => {
    check('a.ts', '// ⟦DEC-4⟧ and ADR-5, @decision ⟦DEC-6⟧ ⟦DEC-7⟧', ['DEC-4 mention', 'DEC-6 decision', 'DEC-7 decision'], ['DEC']);
    check('a.ts', '// ADR-5 only', [], []);
  });

  it('skips mentions on absurdly long lines but still reads tags there', () => {
    const long = 'x'.repeat(12_000);
    check('a.js', `var a="${long}";/* ADR-1 @adr ⟦2⟧ */\n// ⟦ADR-3⟧`, ['2 decision', 'ADR-3 mention']);
  });
});

describe('rationale-disable-next-line', () => {
  it('records ids, reason and the next non-blank line', () => {
    check('a.ts', md`
      // ⟦rationale-disable-next-line ADR-0012 -- legacy importer, removed in Q3⟧

      import x from 'forbidden';
    `, [{ ids: ['ADR-0012'], reason: 'legacy importer, removed in Q3', targetLine: 2 }]);
  });

  it('accepts several ids and finding codes, and no ids at all', () => {
    check('a.py', md`
      # ⟦rationale-disable-next-line ADR-1, forbid-import -- vendored⟧
      import requests
      # ⟦rationale-disable-next-line -- generated file⟧
      x = 1
    `, [{ ids: ['ADR-1', 'forbid-import'], reason: 'vendored', targetLine: 1 }, { ids: [], reason: 'generated file', targetLine: 3 }]);
  });

  it('leaves the reason undefined when it is missing or empty', () => {
    check('a.ts', md`
      // ⟦rationale-disable-next-line ADR-1⟧
      a();
      // ⟦rationale-disable-next-line ADR-2 --⟧
      b();
    `, [{ ids: ['ADR-1'], reason: undefined, targetLine: 1 }, { ids: ['ADR-2'], reason: undefined, targetLine: 3 }]);
  });

  it('works in block and HTML comments, targeting the line after the comment', () => {
    check('a.html', '<!-- ⟦rationale-disable-next-line ADR-3 -- legacy markup⟧ -->\n<center>x</center>', [{ ids: ['ADR-3'], reason: 'legacy markup', targetLine: 1 }]);
    check('a.ts', '/*\n * ⟦rationale-disable-next-line ADR-3 -- see ticket⟧\n */\n\nfoo();', [{ ids: ['ADR-3'], reason: 'see ticket', targetLine: 4 }]);
    check('a.sql', '-- ⟦rationale-disable-next-line ADR-3 -- report query⟧\nselect * from t;', [{ ids: ['ADR-3'], reason: 'report query', targetLine: 1 }]);
  });

  it('finds tags in the reason but no mention of the directive\'s ids', () => {
    check('a.ts', '// ⟦rationale-disable-next-line ADR-3 -- see @decision ⟦ADR-9⟧⟧\nx();', ['ADR-9 decision', { ids: ['ADR-3'], reason: 'see @decision ADR-9', targetLine: 1 }]);
  });

  it('ignores the directive outside comments and in longer words', () => {
    // The ids in such comments are still plain mentions.
    check('a.ts', 'const s = "rationale-disable-next-line ADR-1 -- x";\n// my-rationale-disable-next-line ⟦ADR-1⟧ -- x\n// rationale-disable-next-lines ⟦ADR-2⟧\n', ['ADR-1 mention', 'ADR-2 mention']);
  });
});

describe('cost', () => {
  it('returns nothing at once for text without tags, prefixes or directives', () => {
    const found = scanAnnotations('a.ts', '// just a comment\nconst x = 1;\n');
    assert.deepEqual(found, { references: [], suppressions: [] });
  });

  // Termination is what this asserts (a super-linear scanner would not finish); speed is for `npm run bench`.
  it('finishes on pathological input', () => {
    const inputs = [
      '"\'`'.repeat(100_000) + '// @adr 1',
      '/*'.repeat(100_000) + '@adr 1',
      "'a ".repeat(100_000) + '\n// @adr 1',
      '{- '.repeat(100_000),
      'x\\'.repeat(100_000) + '\n"""'.repeat(10_000),
      '// ADR-1 '.repeat(100_000),
    ];
    for (const [i, text] of inputs.entries()) {
      for (const file of ['a.ts', 'a.hs', 'a.py', 'a.rs']) {
        const found = scanAnnotations(file, text);
        assert.ok(Array.isArray(found.references), `input ${i} in ${file}`);
      }
    }
  });
});

describe('examples in backticks', () => {
  it('are not citations: a comment that documents the syntax cites nothing', () => {
    check('a.ts', '/** Inserts `// @decision ADR-0007` above the line. */\n', []);
    check('a.ts', '// write `rationale-disable-next-line ADR-3 -- why` to record an exception\n', []);
    check('a.ts', '// `ADR-0007`, ``@adr 7 `and` more``\n', []);
  });

  it('leave the rest of the comment alone, and an unclosed backtick is plain text', () => {
    check('a.ts', '// see `x` @decision ⟦ADR-0007⟧\n', ['ADR-0007 decision']);
    check('a.ts', '// it`s @adr ⟦7⟧\n', ['7 decision']);
    check('a.ts', '// ``one` @adr ⟦8⟧\n', ['8 decision']);
  });
});
