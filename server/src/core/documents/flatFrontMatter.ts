import type { LineMap, Range } from '../base/range.js';
import { splitFrontMatter, type FrontMatter } from './frontMatter.js';

/** A key the YAML parser reads as this very string. */
const plainKey = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * A value the YAML 1.2 core schema reads as this very string: it starts with a letter (so it is no
 * number, and no indicator), holds no `:` or `#` (no nested mapping, no comment), no quote, bracket or
 * brace, and ends with no space. `true`, `false` and `null` in any case are turned down separately.
 * A date (`2026-01-01`) is a string in the core schema too.
 */
const plainValue = /^(?:[A-Za-z](?:[A-Za-z0-9 ._/()+-]*[A-Za-z0-9._/()+-])?|\d{4}-\d\d-\d\d)$/;
const notString = /^(?:true|false|null)$/i;

/**
 * Front matter that is only `key: plain string` lines (and blank lines), read without the YAML
 * parser, with the same data and ranges. Undefined when there is no front matter or it holds
 * anything else (lists, quotes, comments, numbers, a repeated key …): the caller parses it then.
 */
export function flatFrontMatter(text: string, lines: LineMap): FrontMatter | undefined {
  const split = splitFrontMatter(text);
  if (!split) return undefined;
  const { yamlStart, yamlEnd, bodyOffset } = split;
  const data: Record<string, unknown> = {};
  const keys = new Map<string, { key: Range; value: Range }>();
  let lineStart = yamlStart;
  while (lineStart < yamlEnd) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 || nl >= yamlEnd ? yamlEnd : nl;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (line.trim() !== '') {
      const m = /^([^:]+): +(.*)$/.exec(line);
      if (!m || !plainKey.test(m[1]) || !plainValue.test(m[2]) || notString.test(m[2]) || keys.has(m[1])) return undefined;
      const valueStart = lineStart + line.length - m[2].length;
      data[m[1]] = m[2];
      keys.set(m[1], { key: lines.rangeOf(lineStart, lineStart + m[1].length), value: lines.rangeOf(valueStart, valueStart + m[2].length) });
    }
    lineStart = lineEnd + 1;
  }
  const src = text.slice(yamlStart, yamlEnd);
  const whole = lines.rangeOf(yamlStart, yamlStart + src.trimEnd().length);
  return {
    data,
    range: whole,
    bodyOffset,
    errors: [],
    // A scalar has no children: any deeper path stops at the value, as the YAML reader's does.
    rangeAt: (path) => (path.length > 0 && keys.get(String(path[0]))?.value) || whole,
    keyRange: (key) => keys.get(key)?.key,
  };
}
