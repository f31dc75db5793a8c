import type { ImportRef } from './importRef.js';
import { syntaxOfImportReader } from './commentSyntax.js';
import { maskLimit, maskSource } from './maskSource.js';
import { RefCollector } from './refCollector.js';

const syntax = syntaxOfImportReader('csharp');

/**
 * `using X.Y;`, `using static X.Y;`, `using A = X.Y;`, `global using X;`. The trailing `;` right
 * after the name keeps out `using (var x = …)` statements and `using var x = …;` declarations.
 */
const usingDirective = /(?:^|[;{])[ \t]*(?:global[ \t]+)?using[ \t]+(?:static[ \t]+)?(?:@?\w+[ \t]*=[ \t]*)?((?:global[ \t]*::[ \t]*)?@?\w+(?:[ \t]*\.[ \t]*@?\w+)*)[ \t]*;/dgm;

export function extractCSharpImports(text: string): ImportRef[] {
  const limit = maskLimit(text, { words: ['using'], verify: /using/y }, 2000);
  if (limit < 0) return [];
  const masked = maskSource(text, syntax, limit);
  const refs = new RefCollector(text);
  for (const m of masked.matchAll(usingDirective)) {
    const [start, end] = m.indices![1];
    refs.add(start, end, m[1].replace(/[ \t@]/g, '').replace(/^global::/, ''));
  }
  return refs.refs();
}
