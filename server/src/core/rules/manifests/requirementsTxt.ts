import { LineMap } from '../../base/range.js';
import type { DeclaredDependency } from './declaredDependency.js';

/** A PEP 508 name at the start of a requirement (`requests[socks]>=2 ; python_version<"3.8"`). */
const requirementName = /^[ \t]*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;

export function requirementsTxtDependencies(text: string): DeclaredDependency[] {
  const out: DeclaredDependency[] = [];
  const lines = new LineMap(text);
  for (let line = 0; line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    // Options (-r, -e, --hash continuation lines) and URLs name no package directly.
    if (/^[ \t]*(?:-|#|$)/.test(lineText) || /^[ \t]*[\w.+-]+:\/\//.test(lineText)) continue;
    const m = requirementName.exec(lineText);
    if (!m) continue;
    const start = m[0].length - m[1].length;
    out.push({ name: m[1], aliases: [], range: { start: { line, character: start }, end: { line, character: start + m[1].length } } });
  }
  return out;
}

/** The PEP 508 name at the start of a requirement string, with its offset in that string. */
export function pep508Name(requirement: string): { name: string; offset: number } | undefined {
  const m = requirementName.exec(requirement);
  return m ? { name: m[1], offset: m[0].length - m[1].length } : undefined;
}
