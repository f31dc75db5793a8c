import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from '../../helpers/checkProperty.js';
import { extractImports, hasImportExtractor, importFamilyOf } from '../../../server/src/core/source/extractImports.js';
import { extensionsWithImportReader, fallbackCommentSyntax, knownCommentSyntax } from '../../../server/src/core/source/commentSyntax.js';
import { parseMarkers, showRange } from '../rules/fixtureMarkers.js';

/**
 * Extracts imports from `fixture` (as file `path`) and asserts they are exactly the `⟦…⟧` spans,
 * in order. The specifier is the marked text unless `specifiers` says otherwise (Python's
 * `from . import a` is `.a`, Rust's `a::{b}` is `a::b`).
 */
function check(path: string, fixture: string, specifiers?: string[]): void {
  const { text, ranges, marked } = parseMarkers(fixture);
  const actual = extractImports(path, text).map((r) => `${r.specifier} @ ${showRange(r.range)}`);
  const expected = ranges.map((r, i) => `${specifiers?.[i] ?? marked[i]} @ ${showRange(r)}`);
  assert.deepEqual(actual, expected);
}

describe('extractImports: TypeScript and JavaScript', () => {
  it('reads static, type-only, side-effect and re-export forms', () => {
    check(
      'src/a.ts',
      `import x from '⟦m1⟧';
import '⟦m2⟧';
import type { T } from "⟦m3⟧";
import x2, * as ns from '⟦m4⟧';
import {
  from,
  b as c,
} from '⟦m5⟧';
export * from '⟦./m6⟧';
export { a, b as d } from '⟦../m7⟧';
export * as all from '⟦m8⟧';
export type { U } from '⟦m9⟧';
`,
    );
  });

  it('reads require, dynamic import and import-equals', () => {
    check(
      'src/a.cjs',
      `const a = require('⟦m1⟧');
const b = await import("⟦m2⟧");
const c = import(\`⟦m3⟧\`);
import e = require('⟦m4⟧');
const lazy = () => import('⟦./m5⟧').then((m) => m.default);`,
    );
  });

  it('ignores imports in comments, strings, templates and regex literals', () => {
    check(
      'src/a.tsx',
      `// import q from 'no1'
/* import 'no2'
   require('no3') */
const s = "import r from 'no4'";
const t = 'require("no5")';
const u = \`import x from 'no6' \${import('⟦m1⟧')} import 'no7'\`;
const re = /import 'no8'/g;
const n = \`\${{ a: \`\${import('⟦m1b⟧')} import 'no11'\` }} import 'no12'\`; import '⟦m1c⟧';
const d = a / b; import '⟦m2⟧';
const computed = import(\`./locale/\${lang}\`);
obj.require('no9'); obj.import('no10');
const importer = 1; const required = 2;`,
    );
  });

  it('reads only the script blocks of Vue and Svelte components', () => {
    check(
      'src/C.vue',
      `<template><p>import x from 'no' — don't</p></template>
<script setup lang="ts">
import a from '⟦m1⟧'
</script>
<style>/* import 'no2' */</style>
<script>export { b } from '⟦m2⟧'</script>`,
    );
    check('src/C.svelte', `<script>import { onMount } from '⟦svelte⟧';</script>\n<h1>require('no')</h1>`);
  });
});

describe('extractImports: Python', () => {
  it('reads import and from-import statements, relative ones with their dots', () => {
    check(
      'app/a.py',
      `import ⟦os⟧
import ⟦a.b⟧ as c, ⟦d⟧
from ⟦x.y⟧ import z
from ⟦..db⟧ import q
from ⟦.mod⟧ import *
if TYPE_CHECKING:
    import ⟦m1⟧; import ⟦m2⟧
mod = importlib.import_module("⟦plugins.core⟧")`,
    );
  });

  it('turns `from . import a, b` into one import per name', () => {
    check('app/a.py', 'from . import (⟦a⟧,\n    ⟦b⟧ as c)\nfrom .. import ⟦db⟧', ['.a', '.b', '..db']);
  });

  it('ignores imports in docstrings, comments and strings', () => {
    check(
      'app/a.py',
      `"""Module doc.

import no1
from no2 import x
"""
# import no3
s = "import no4"
t = '''
from no5 import y'''
def f():
    r'''import no6'''
    import ⟦real⟧`,
    );
  });
});

describe('extractImports: Go', () => {
  it('reads single and grouped imports with aliases', () => {
    check(
      'cmd/main.go',
      `package main

import "⟦fmt⟧"
import f "⟦os⟧"
import (
	"⟦github.com/pkg/errors⟧"
	log "⟦github.com/sirupsen/logrus⟧" // "no1"
	_ "⟦embed⟧"
	. "⟦math⟧"
	// "no2"
)

var s = "import \\"no3\\""
var r = \`import "no4"\``,
    );
  });
});

describe('extractImports: Java and Kotlin', () => {
  it('reads Java imports, static and wildcard ones', () => {
    check(
      'src/main/java/A.java',
      `package p;
import ⟦a.b.C⟧;
import static ⟦org.junit.Assert.assertEquals⟧;
import ⟦a.b.*⟧;
// import no.Q;
/* import no.R; */
class A { String s = "import no.S;"; }`,
    );
  });

  it('reads Kotlin imports without semicolons, with aliases, despite nested comments', () => {
    check(
      'src/A.kt',
      `package p
import ⟦a.b.C⟧
import ⟦a.b.D⟧ as E
/* outer /* nested */ import no.A */
import ⟦c.*⟧
val s = """
import no.B
"""`,
    );
  });
});

describe('extractImports: Rust', () => {
  it('reads use paths, flattening use trees', () => {
    check(
      'src/lib.rs',
      `use ⟦std::io⟧;
use a::{⟦b⟧, c::{⟦d⟧, ⟦self⟧}, ⟦e⟧ as f};
pub(crate) use ⟦g::*⟧;
extern crate ⟦h⟧;
use ⟦crate::db::client⟧;`,
      ['std::io', 'a::b', 'a::c::d', 'a::c', 'a::e', 'g', 'h', 'crate::db::client'],
    );
  });

  it('ignores comments, strings and raw strings, and is not confused by lifetimes', () => {
    check(
      'src/lib.rs',
      `// use no1;
/// use no2::x;
/* outer /* nested use no3; */ still comment */
fn f<'a>(x: &'a str) -> char { let s = "use no4;"; let r = r#"use "no5";"#; '"' }
use ⟦z::y⟧;`,
    );
  });
});

describe('extractImports: C#', () => {
  it('reads using directives, static, aliased and global ones', () => {
    check(
      'src/A.cs',
      `using ⟦System⟧;
using static ⟦System.Math⟧;
using A = ⟦X.Y⟧;
global using ⟦Z.W⟧;
namespace N { using ⟦Q.R⟧; }`,
    );
  });

  it('ignores using statements and declarations, comments and verbatim strings', () => {
    check(
      'src/A.cs',
      `using (var x = new Foo()) { }
using var y = Bar();
// using No.A;
var s = @"
using No.B;
";
using ⟦Yes⟧;`,
    );
  });
});

describe('extractImports: C and C++', () => {
  it('reads angle and quoted includes', () => {
    check(
      'src/a.cpp',
      `#include <⟦vector⟧>
#include "⟦db/client.h⟧"
  #  include <⟦sys/types.h⟧>
#import "⟦Foundation.h⟧"`,
    );
  });

  it('ignores includes in comments and strings', () => {
    check(
      'src/a.c',
      `// #include "no1.h"
/*
#include <no2.h>
*/
const char *s = "#include <no3.h>";
#include "⟦yes.h⟧"`,
    );
  });
});

describe('extractImports: dispatch', () => {
  it('maps extensions to families and ignores other files', () => {
    assert.equal(importFamilyOf('a/b.mts'), 'javascript');
    assert.equal(importFamilyOf('a/b.d.ts'), 'javascript');
    assert.equal(importFamilyOf('a/b.PY'), 'python');
    assert.equal(importFamilyOf('a/b.kt'), 'jvm');
    assert.equal(importFamilyOf('a/b.hpp'), 'c');
    assert.equal(importFamilyOf('a/b.md'), undefined);
    assert.equal(importFamilyOf('a/.ts'), undefined);
    assert.equal(hasImportExtractor('Makefile'), false);
    assert.deepEqual(extractImports('README.md', "import x from 'y'"), []);
  });

  it('reads imports only in files whose comments the language table knows too', () => {
    const withImports = extensionsWithImportReader();
    assert.ok(withImports.length >= 30, withImports.join(' '));
    for (const ext of withImports) {
      const syntax = knownCommentSyntax(`a.${ext}`);
      assert.ok(syntax && syntax !== fallbackCommentSyntax, `.${ext} reads imports but has no comment syntax`);
      assert.ok(hasImportExtractor(`a.${ext}`), `.${ext} has a reader but no extractor`);
    }
    // The masker and the annotation scanner agree on the comment markers of every import language.
    const families = new Map(withImports.map((ext) => [ext, importFamilyOf(`a.${ext}`)]));
    for (const [ext, family] of families) {
      const lineMarkers = knownCommentSyntax(`a.${ext}`)!.line.map((l) => l.text);
      assert.ok(lineMarkers.includes(family === 'python' ? '#' : '//'), `.${ext}: ${lineMarkers.join(' ')}`);
    }
  });

  it('keeps ranges right on CRLF files, after astral characters and after a byte-order mark', () => {
    check('a.ts', "// 😀 emoji\r\nimport x from '⟦m⟧';\r\n");
    check('a.py', '\uFEFF# "quoted"\nimport ⟦os⟧');
    check('a.ts', '\uFEFF/* c */ import x from "⟦m⟧"; const s = \'\uD800\';');
  });

  it('extracts every import from a large file', () => {
    const chunk = "import a from 'a';\n// comment with 'quote\nconst s = \"x\";\n";
    const text = chunk.repeat(20_000);
    const refs = extractImports('big.ts', text);
    assert.equal(refs.length, 20_000);
  });

  it('never throws and returns ranges inside the text, for any input and file type', () => {
    const paths = ['a.ts', 'a.vue', 'a.py', 'a.go', 'a.java', 'a.kt', 'a.rs', 'a.cs', 'a.cpp', 'a.txt'];
    const alphabet = ['import ', 'from ', 'export ', 'require(', 'use ', 'using ', '#include ', '::', '{', '}', '(', ')', '"', "'", '`', '${', '/', '*', '#', '\\', '\n', ' ', ';', ',', '.', 'a', 'r#"', '@"', '"""', '<script>', '</script>', '<', '>', 'as ', 'static '];
    const source = fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }).map((a) => a.join('')));
    assertProperty('imports of any file type',
      fc.property(fc.constantFrom(...paths), source, (path, text) => {
        const lineCount = text.split('\n').length;
        for (const ref of extractImports(path, text)) {
          assert.ok(ref.specifier.length > 0);
          assert.ok(ref.range.start.line < lineCount && ref.range.end.line < lineCount);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
