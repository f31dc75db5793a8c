import type { ImportRef } from './importRef.js';
import { syntaxOfImportReader } from './commentSyntax.js';
import { maskLimit, maskSource } from './maskSource.js';
import { RefCollector } from './refCollector.js';

const syntax = syntaxOfImportReader('python');

/** `import a.b`, `import a as x, b` at the start of a statement. */
const importStatement = /(?:^|;)[ \t]*import[ \t]+([^\n\r;]{1,2000})/dgm;
/** `from a.b import c`, `from ..db import x`, `from . import (a, b)`. */
const fromStatement = /(?:^|;)[ \t]*from[ \t]+(\.+[ \t]*(?:[\w.]+)?|[\w.]+)[ \t]+import\b[ \t]*(\([^)]{0,5000}\)|[^\n\r;]{0,2000})/dgm;
/** `importlib.import_module('a.b')`: the common dynamic form with a fixed name. */
const importModuleCall = /(?<![\w.])(?:importlib\.)?import_module\(\s*(['"])([^'"\n\r]{1,500})\1/dg;
const dottedName = /[A-Za-z_][\w]*(?:[ \t]*\.[ \t]*[A-Za-z_]\w*)*/y;

export function extractPythonImports(text: string): ImportRef[] {
  const limit = maskLimit(text, { words: ['import'], verify: /import/y }, 7500);
  if (limit < 0) return [];
  const masked = maskSource(text, syntax, limit);
  const refs = new RefCollector(text);
  for (const m of masked.matchAll(importStatement)) {
    const [start] = m.indices![1];
    eachName(start, m[1], (s, e) => refs.add(s, e, text.slice(s, e).replace(/[ \t]/g, '')));
  }
  for (const m of masked.matchAll(fromStatement)) {
    const [modStart, modEnd] = m.indices![1];
    const module = text.slice(modStart, modEnd).replace(/[ \t]/g, '');
    if (/^\.+$/.test(module)) {
      // `from .. import db`: the names are (usually) modules of that package, so each is an import.
      const [namesStart] = m.indices![2];
      const names = m[2].startsWith('(') ? m[2].slice(1, -1) : m[2];
      const offset = namesStart + (m[2].startsWith('(') ? 1 : 0);
      let any = false;
      eachName(offset, names, (s, e) => {
        any = true;
        refs.add(s, e, module + text.slice(s, e).replace(/[ \t]/g, ''));
      });
      if (!any) refs.add(modStart, modEnd, module);
    } else refs.add(modStart, modEnd, module);
  }
  for (const m of masked.matchAll(importModuleCall)) {
    const [start, end] = m.indices![2];
    const name = text.slice(start, end);
    if (/^\.*[\w.]+$/.test(name)) refs.add(start, end, name);
  }
  return refs.refs();
}

/** Calls `add` with the offsets of each dotted name in a comma list, skipping `as alias` and `*`. */
function eachName(offset: number, list: string, add: (start: number, end: number) => void): void {
  let pos = 0;
  for (const item of list.split(',')) {
    const lead = item.length - item.trimStart().length;
    dottedName.lastIndex = pos + lead;
    const m = dottedName.exec(list);
    if (m && m.index === pos + lead) add(offset + m.index, offset + m.index + m[0].length);
    pos += item.length + 1;
  }
}
