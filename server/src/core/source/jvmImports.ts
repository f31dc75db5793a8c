import type { ImportRef } from './importRef.js';
import { syntaxOfImportReader } from './commentSyntax.js';
import { maskLimit, maskSource } from './maskSource.js';
import { RefCollector } from './refCollector.js';

const javaSyntax = syntaxOfImportReader('java');
// Kotlin and Scala block comments nest.
const kotlinSyntax = syntaxOfImportReader('kotlin');

/** `import a.b.C;`, `import static a.b.C.m;`, `import a.b.*`, Kotlin's `import a.b.C as D` (no semicolon). */
const importStatement = /(?:^|;)[ \t]*import[ \t]+(?:static[ \t]+)?([\w$]+(?:[ \t]*\.[ \t]*(?:[\w$]+|\*))*)/dgm;

export function extractJvmImports(text: string, nestedComments: boolean): ImportRef[] {
  const limit = maskLimit(text, { words: ['import'], verify: /import/y }, 2000);
  if (limit < 0) return [];
  const masked = maskSource(text, nestedComments ? kotlinSyntax : javaSyntax, limit);
  const refs = new RefCollector(text);
  for (const m of masked.matchAll(importStatement)) {
    const [start, end] = m.indices![1];
    refs.add(start, end, m[1].replace(/[ \t]/g, ''));
  }
  return refs.refs();
}
