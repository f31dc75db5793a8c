import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { idAtPosition } from '../core/features/idAtPosition.js';
import { documentHover, exceptionsHover, governingHover } from '../core/features/hoverMarkdown.js';
import { scanAnnotations } from '../core/source/scanAnnotations.js';
import { escapeMarkdown } from '../core/features/markdownEscape.js';
import { governing } from '../core/index/governance.js';
import type { Sessions } from './sessions.js';

/** Hover over an id (anywhere) shows that document; over code, everything governing the line. */
export function onHover(sessions: Sessions, params: HoverParams): Hover | null {
  const at = sessions.locate(params.textDocument.uri);
  if (!at) return null;
  const { session, path } = at;
  const text = session.textOf(path);
  if (text === undefined) return null;
  const index = session.index;
  const target = { uriOf: (p: string) => session.uriOf(p) };
  const hit = idAtPosition(index, path, text, params.position);
  if (hit) {
    if (!hit.document) {
      return { range: hit.range, contents: { kind: 'markdown', value: `**${escapeMarkdown(hit.text)}**: no goal, project or decision has this id.` } };
    }
    if (hit.source !== 'title') return { range: hit.range, contents: { kind: 'markdown', value: documentHover(index, hit.document, target) } };
  }
  if (index.documents.has(path)) return null;
  const line = params.position.line;
  const parts = [
    exceptionsHover(scanAnnotations(path, text, { idPrefixes: Object.values(index.config.idPrefixes) }).suppressions, line),
    governingHover(index, governing(index, path, text, line), target),
  ].filter((p): p is string => p !== undefined);
  return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : null;
}
