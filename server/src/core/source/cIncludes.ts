import type { ImportRef } from './importRef.js';
import { syntaxOfImportReader } from './commentSyntax.js';
import { maskLimit, maskSource } from './maskSource.js';
import { RefCollector } from './refCollector.js';

const syntax = syntaxOfImportReader('c');

/** `#include <x>`, `#include "x"`, and Objective-C's `#import`. Specifier: the path between the delimiters. */
const includeDirective = /^[ \t]*#[ \t]*(?:include|include_next|import)[ \t]*(?:<([^>\n\r]*)>|"([^"\n\r]*)")/dgm;

export function extractCIncludes(text: string): ImportRef[] {
  const limit = maskLimit(text, { words: ['#'], verify: /#[ \t]*(?:include|import)/y }, 1000);
  if (limit < 0) return [];
  const masked = maskSource(text, syntax, limit);
  const refs = new RefCollector(text);
  for (const m of masked.matchAll(includeDirective)) {
    const [start, end] = m.indices![1] ?? m.indices![2];
    refs.add(start, end);
  }
  return refs.refs();
}

