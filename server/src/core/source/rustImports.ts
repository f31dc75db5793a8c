import type { ImportRef } from './importRef.js';
import { syntaxOfImportReader } from './commentSyntax.js';
import { maskLimit, maskSource } from './maskSource.js';
import { RefCollector } from './refCollector.js';

const syntax = syntaxOfImportReader('rust');

/** `use a::b;`, `pub(crate) use a::{b, c::d as e};` (the tree up to the `;`). */
const useDeclaration = /(?<![\w:$#])use[ \t\r\n]+([^;]{1,5000});/dg;
/** `extern crate x;`, `extern crate x as y;`. */
const externCrate = /(?<![\w:$])extern[ \t\r\n]+crate[ \t\r\n]+(\w+)/dg;
const token = /[ \t\r\n]*(::|\{|\}|,|\*|(?:r#)?[A-Za-z_]\w*)/y;

export function extractRustImports(text: string): ImportRef[] {
  const limit = maskLimit(text, { words: ['use', 'extern'], verify: /(?<![\w:$#])(?:use|extern)[ \t\r\n]/y }, 5100);
  if (limit < 0) return [];
  const masked = maskSource(text, syntax, limit);
  const refs = new RefCollector(text);
  for (const m of masked.matchAll(useDeclaration)) {
    const [start] = m.indices![1];
    new UseTreeParser(masked, start, start + m[1].length, (spec, s, e) => refs.add(s, e, spec)).parse();
  }
  for (const m of masked.matchAll(externCrate)) {
    const [start, end] = m.indices![1];
    refs.add(start, end);
  }
  return refs.refs();
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Flattens a use tree into one specifier per leaf: `a::{b, c::{d, self}}` gives `a::b`, `a::c::d`
 * and `a::c`. Each range covers the leaf's path as written inside its innermost braces.
 */
class UseTreeParser {
  private readonly tokens: Token[] = [];
  private pos = 0;

  constructor(
    text: string,
    start: number,
    end: number,
    private readonly emit: (specifier: string, start: number, end: number) => void,
  ) {
    token.lastIndex = start;
    while (token.lastIndex < end) {
      const m = token.exec(text);
      if (!m) break;
      const tokenEnd = token.lastIndex;
      if (tokenEnd > end) break;
      this.tokens.push({ text: m[1], start: tokenEnd - m[1].length, end: tokenEnd });
    }
  }

  parse(): void {
    if (this.peek() === '::') this.pos++; // 2015-edition absolute path
    this.tree([], 0);
  }

  private peek(): string | undefined {
    return this.tokens[this.pos]?.text;
  }

  private tree(prefix: string[], depth: number): void {
    if (depth > 32) return;
    const first = this.tokens[this.pos];
    if (!first) return;
    if (first.text === '{') {
      this.pos++;
      this.list(prefix, depth);
      return;
    }
    if (first.text === '*') {
      this.pos++;
      if (prefix.length > 0) this.emit(prefix.join('::'), first.start, first.end);
      return;
    }
    if (!isIdent(first.text)) return;
    const path = [...prefix];
    let last = first;
    for (;;) {
      const t = this.tokens[this.pos];
      if (!t || !isIdent(t.text)) return;
      this.pos++;
      path.push(t.text.replace(/^r#/, ''));
      last = t;
      if (this.peek() !== '::') break;
      this.pos++;
      const after = this.peek();
      if (after === '{') {
        this.pos++;
        this.list(path, depth);
        return;
      }
      if (after === '*') {
        const star = this.tokens[this.pos++];
        this.emit(path.join('::'), first.start, star.end);
        return;
      }
    }
    if (this.peek() === 'as') this.pos += 2;
    if (path[path.length - 1] === 'self') path.pop();
    if (path.length > 0) this.emit(path.join('::'), first.start, last.end);
  }

  private list(prefix: string[], depth: number): void {
    while (this.pos < this.tokens.length) {
      const t = this.peek();
      if (t === '}') {
        this.pos++;
        return;
      }
      if (t === ',') {
        this.pos++;
        continue;
      }
      const before = this.pos;
      this.tree(prefix, depth + 1);
      if (this.pos === before) return; // unexpected token: stop rather than loop
    }
  }
}

function isIdent(t: string): boolean {
  return /^(?:r#)?[A-Za-z_]\w*$/.test(t);
}
