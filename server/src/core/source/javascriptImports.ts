import type { ImportRef } from './importRef.js';
import { syntaxOfImportReader } from './commentSyntax.js';
import { maskLimit, maskSource } from './maskSource.js';
import { RefCollector } from './refCollector.js';

const syntax = syntaxOfImportReader('javascript');

// Run on masked text, so `import` and `from` are code and the quotes delimit real strings.
// Repetitions are bounded so a file full of `import` words without a `from` stays linear.
/** `import x from 'm'`, `import {a} from 'm'`, `import type T from 'm'`, `export * from 'm'`, `export {a} from 'm'`. */
const fromClause = /(?<![\w$.])(?:import|export)(?![\w$])[^;'"`()]{0,2000}?(?<![\w$])from\s*(['"])([^'"\n\r]*)\1/dg;
/** `import 'm'` (side effects only). */
const bareImport = /(?<![\w$.])import\s*(['"])([^'"\n\r]*)\1/dg;
/** `require('m')`, `import('m')`, and TypeScript's `import x = require('m')`. */
const callImport = /(?<![\w$.])(?:import|require)\s*\(\s*(['"`])([^'"`\n\r]*)\1/dg;

/** Every import contains one of these as code; masking stops a little after the last one. */
const anchor = { words: ['from', 'import', 'require'], verify: /(?<![\w$])(?:from\s*['"]|import\s*['"(]|require\s*\()/y };

export function extractJavaScriptImports(text: string): ImportRef[] {
  const limit = maskLimit(text, anchor, 1000);
  if (limit < 0) return [];
  const masked = maskSource(text, syntax, limit);
  const refs = new RefCollector(text);
  for (const re of [fromClause, bareImport, callImport]) {
    re.lastIndex = 0;
    for (const m of masked.matchAll(re)) {
      const [start, end] = m.indices![2];
      const specifier = text.slice(start, end);
      if (specifier.includes('${')) continue; // a computed template: no fixed module
      refs.add(start, end, specifier);
    }
  }
  return refs.refs();
}

/** Vue and Svelte components: only `<script>` blocks hold imports; the markup is masked out first. */
export function extractComponentImports(text: string): ImportRef[] {
  if (!text.includes('import') && !text.includes('require')) return [];
  const parts: string[] = [];
  let last = 0;
  const open = /<script\b[^>]{0,2000}>/gi;
  const close = /<\/script\s*>/gi;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const bodyStart = m.index + m[0].length;
    close.lastIndex = bodyStart;
    const bodyEnd = close.exec(text)?.index ?? text.length;
    parts.push(blank(text.slice(last, bodyStart)), text.slice(bodyStart, bodyEnd));
    last = bodyEnd;
    open.lastIndex = bodyEnd;
  }
  parts.push(blank(text.slice(last)));
  const scriptsOnly = parts.join('');
  // Specifiers are read back from the original text, which has the same offsets.
  return extractJavaScriptImports(scriptsOnly);
}

function blank(s: string): string {
  return s.replace(/[^\r\n]/g, ' ');
}
