/**
 * Hovers quote repository documents, which are untrusted: a decision could contain
 * `[click](command:workbench.action.terminal.sendSequence?…)`. The language client renders server
 * Markdown fully untrusted, which would also disable Rationale's own "Open" and "Show in tree"
 * links; so hovers are re-wrapped with exactly Rationale's link commands enabled and HTML off.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { clientCommands } from '../../server/src/protocol';

/** The only commands a hover link may run. Both only open or reveal something, never write. */
export const hoverLinkCommands: readonly string[] = [clientCommands.openDocument, clientCommands.revealInTree];

export function trustedMarkdown(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value, false);
  md.isTrusted = { enabledCommands: [...hoverLinkCommands] };
  md.supportHtml = false;
  return md;
}

type HoverContent = vscode.MarkdownString | vscode.MarkedString;

function rewrap(content: HoverContent): vscode.MarkdownString {
  if (typeof content === 'string') return trustedMarkdown(content);
  // `{ language, value }` (deprecated MarkedString): a code block, which appendCodeblock escapes.
  if ('language' in content && typeof content.language === 'string') return new vscode.MarkdownString().appendCodeblock(content.value, content.language);
  // A MarkdownString: whatever trust the converter gave it is replaced, never widened.
  return trustedMarkdown(content.value);
}

/** Returns a copy of the hover whose Markdown parts enable only `hoverLinkCommands`. */
export function trustHover(hover: vscode.Hover): vscode.Hover {
  return new vscode.Hover(hover.contents.map(rewrap), hover.range);
}

export const trustedHoverMiddleware: Pick<Middleware, 'provideHover'> = {
  async provideHover(document, position, token, next) {
    const hover = await next(document, position, token);
    return hover ? trustHover(hover) : hover;
  },
};
