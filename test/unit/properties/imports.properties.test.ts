import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractCIncludes } from '../../../server/src/core/source/cIncludes.js';
import { extractCSharpImports } from '../../../server/src/core/source/csharpImports.js';
import { extractImports } from '../../../server/src/core/source/extractImports.js';
import { extractGoImports } from '../../../server/src/core/source/goImports.js';
import { maxSpecifierLength, type ImportRef } from '../../../server/src/core/source/importRef.js';
import { extractComponentImports, extractJavaScriptImports } from '../../../server/src/core/source/javascriptImports.js';
import { extractJvmImports } from '../../../server/src/core/source/jvmImports.js';
import { extractPythonImports } from '../../../server/src/core/source/pythonImports.js';
import { extractRustImports } from '../../../server/src/core/source/rustImports.js';
import { assertRangeInside } from '../../helpers/assertRangeInside.js';
import { checkProperty } from '../../helpers/checkProperty.js';

/**
 * Each language's extractor, called directly (extractImports would turn a crash into "no
 * imports"), with the import statements it reads and a file name that routes to it.
 */
const languages: { file: string; extract: (text: string) => ImportRef[]; statements: string[] }[] = [
  { file: 'a.ts', extract: extractJavaScriptImports, statements: ["import x from 'mod';", 'import "side";', 'const a = require("lib");', "export * from './rel';", "await import('dyn')", 'import type { T } from "t";', "import {\n a,\n b } from '@scope/pkg/sub';"] },
  { file: 'a.vue', extract: extractComponentImports, statements: ["<script>\nimport x from 'y'\n</script>", '<script setup lang="ts">', '</script>', "import z from 'z'"] },
  { file: 'a.py', extract: extractPythonImports, statements: ['import os.path', 'from . import x', 'from ..pkg.mod import (a,\n b)', 'import a as b, c', 'from x import *', '    import lazy'] },
  { file: 'a.go', extract: extractGoImports, statements: ['import "fmt"', 'import (\n\t"os"\n\tm "math"\n)', 'import _ "embed"', 'package main'] },
  { file: 'a.java', extract: (t) => extractJvmImports(t, false), statements: ['import java.util.List;', 'import static a.b.C.d;', 'import a.b.*;', 'package x.y;'] },
  { file: 'a.kt', extract: (t) => extractJvmImports(t, true), statements: ['import kotlin.math.max', 'import a.b.C as D', '/* /* nested */ */'] },
  { file: 'a.rs', extract: extractRustImports, statements: ['use std::io;', 'use crate::{a, b::{c, d}};', 'extern crate serde;', 'mod x;', 'pub use super::y as z;', 'use ::abs::path;'] },
  { file: 'a.cs', extract: extractCSharpImports, statements: ['using System.Text;', 'using static X.Y;', 'using A = B.C;', 'global using D;', 'using (var x = y) {}'] },
  { file: 'a.c', extract: extractCIncludes, statements: ['#include <stdio.h>', '#include "local.h"', '#  include <sys/types.h>', '#include MACRO', '#import <Foundation/Foundation.h>'] },
];
const noise = fc.constantFrom('', ' ', '\n', '//', '/*', '*/', '#', '"', "'", '`', ';', '{', '}', '(', ')', 'x', '\\', '"""', '\r\n');

const source = fc.constantFrom(...languages).chain((lang) =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...lang.statements).map((st) => `${st}\n`) }, { weight: 2, arbitrary: noise }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), { maxLength: 14 })
    .map((parts) => ({ lang, text: parts.join('') })),
);

describe('imports on generated source of every language', () => {
  it('never throw, and every import lies inside the text', () => {
    checkProperty('imports', [source], ({ lang, text }) => {
      const imports = lang.extract(text);
      for (const i of imports) {
        assertRangeInside(text, i.range, `import ${JSON.stringify(i.specifier)}`);
        assert.ok(i.specifier.length > 0 && i.specifier.length <= maxSpecifierLength, `specifier ${JSON.stringify(i.specifier)}`);
      }
      // The dispatcher routes the file to the same extractor.
      assert.deepEqual(extractImports(lang.file, text), imports);
      return { 'an import': imports.length > 0 };
    }, { numRuns: 800, minimumFractions: { 'an import': 0.3 } });
  });
});
