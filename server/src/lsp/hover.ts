import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import type { Sessions } from './sessions.js';

/**
 * The answer to a hover sent before any folder's goals, projects and decisions are read (the first
 * seconds in a large repository): partial, and saying so, rather than a wait for the document pass.
 */
export const indexingHover: Hover = {
  contents: { kind: MarkupKind.Markdown, value: '*Rationale is reading the goals, projects and decisions of this workspace; hover again in a moment.*' },
};

/** Hover over an id (anywhere) shows that document; over code, everything governing the line. */
export function onHover(sessions: Sessions, params: HoverParams): Hover | null {
  const at = sessions.locate(params.textDocument.uri);
  const hover = at?.session.features.hover(at.path, params.position);
  if (!hover) return null;
  // Answered from the documents while code files are still being scanned: say what may be missing.
  const value = at!.session.partial ? `${hover.markdown}\n\n---\n\n*Rationale is still indexing the code: citations elsewhere may be missing.*` : hover.markdown;
  return { range: hover.range, contents: { kind: MarkupKind.Markdown, value } };
}
