import { LineMap } from '../../base/range.js';
import type { DeclaredDependency } from './declaredDependency.js';

const singleRequire = /^[ \t]*require[ \t]+("?)([^\s"]+)\1[ \t]+\S/d;
const blockStart = /^[ \t]*require[ \t]*\([ \t]*(?:\/\/.*)?$/;
const blockLine = /^[ \t]*("?)([^\s"()]+)\1[ \t]+\S/d;

/** Module paths from go.mod `require` directives, single-line and block form. */
export function goModDependencies(text: string): DeclaredDependency[] {
  const out: DeclaredDependency[] = [];
  const lines = new LineMap(text);
  let inBlock = false;
  for (let line = 0; line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    let m: RegExpExecArray | null = null;
    if (inBlock) {
      if (/^[ \t]*\)/.test(lineText)) {
        inBlock = false;
        continue;
      }
      m = blockLine.exec(lineText);
    } else if (blockStart.test(lineText)) {
      inBlock = true;
      continue;
    } else m = singleRequire.exec(lineText);
    if (!m || m[2].startsWith('//')) continue;
    const [start] = m.indices![2];
    out.push({ name: m[2], aliases: [], range: { start: { line, character: start }, end: { line, character: start + m[2].length } } });
  }
  return out;
}
