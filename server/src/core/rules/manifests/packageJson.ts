import { LineMap } from '../../base/range.js';
import type { DeclaredDependency } from './declaredDependency.js';

const dependencyFields = new Set(['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']);

interface Container {
  kind: 'object' | 'array';
  /** The key this container is the value of, when its parent is an object. */
  key: string | undefined;
}

/**
 * Dependency names from package.json with the range of each key. A small tolerant scanner instead
 * of JSON.parse, because JSON.parse gives no positions and a half-edited file should still be checked.
 */
export function packageJsonDependencies(text: string): DeclaredDependency[] {
  const out: DeclaredDependency[] = [];
  let lines: LineMap | undefined;
  const stack: Container[] = [];
  let expectKey = false;
  let key: string | undefined;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '{' || c === '[') {
      const top = stack[stack.length - 1];
      stack.push({ kind: c === '{' ? 'object' : 'array', key: top?.kind === 'object' ? key : undefined });
      key = undefined;
      expectKey = c === '{';
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
      i++;
    } else if (c === ',') {
      expectKey = stack[stack.length - 1]?.kind === 'object';
      i++;
    } else if (c === ':') {
      expectKey = false;
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      const end = Math.min(j, n);
      if (expectKey) {
        key = decodeJsonString(text.slice(i, end + 1));
        const top = stack[stack.length - 1];
        if (stack.length === 2 && stack[0].kind === 'object' && top.kind === 'object' && top.key !== undefined && dependencyFields.has(top.key) && key) {
          lines ??= new LineMap(text);
          out.push({ name: key, aliases: [], range: lines.rangeOf(i + 1, end) });
        }
        expectKey = false;
      }
      i = end + 1;
    } else i++;
  }
  return out;
}

function decodeJsonString(quoted: string): string {
  try {
    const v: unknown = JSON.parse(quoted);
    return typeof v === 'string' ? v : quoted.slice(1, -1);
  } catch {
    // An invalid escape in a half-edited file: the text between the quotes is the best reading.
    return quoted.slice(1, -1);
  }
}
