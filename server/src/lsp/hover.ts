import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import type { Sessions } from './sessions.js';

/** Hover over an id (anywhere) shows that document; over code, everything governing the line. */
export function onHover(sessions: Sessions, params: HoverParams): Hover | null {
  const at = sessions.locate(params.textDocument.uri);
  const hover = at?.session.features.hover(at.path, params.position);
  return hover ? { range: hover.range, contents: { kind: MarkupKind.Markdown, value: hover.markdown } } : null;
}
