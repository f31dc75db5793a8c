import type { ImportRef } from './importRef.js';
import { syntaxOfImportReader } from './commentSyntax.js';
import { maskLimit, maskSource } from './maskSource.js';
import { RefCollector } from './refCollector.js';

const syntax = syntaxOfImportReader('go');

/** `import "fmt"`, `import f "fmt"`, `import _ "x"`, `import . "x"`. */
const singleImport = /(?<![\w.])import[ \t]+(?:[\w.]+[ \t]+)?(["`])([^"`\n\r]*)\1/dg;
/** `import ( … )`: one path per line, each optionally aliased. */
const groupedImport = /(?<![\w.])import[ \t\r\n]*\(([^)]{0,20000})\)/dg;
const quotedPath = /(["`])([^"`\n\r]*)\1/dg;

export function extractGoImports(text: string): ImportRef[] {
  const limit = maskLimit(text, { words: ['import'], verify: /import/y }, 20_100);
  if (limit < 0) return [];
  const masked = maskSource(text, syntax, limit);
  const refs = new RefCollector(text);
  for (const m of masked.matchAll(singleImport)) {
    const [start, end] = m.indices![2];
    refs.add(start, end);
  }
  for (const m of masked.matchAll(groupedImport)) {
    const [blockStart] = m.indices![1];
    for (const q of m[1].matchAll(quotedPath)) {
      const [s, e] = q.indices![2];
      refs.add(blockStart + s, blockStart + e);
    }
  }
  return refs.refs();
}
