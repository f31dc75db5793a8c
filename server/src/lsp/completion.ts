import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver/node';
import { completeIds } from '../core/features/completions.js';
import { escapeMarkdown } from '../core/features/markdownEscape.js';
import type { Sessions } from './sessions.js';

const kindIcon = { decision: CompletionItemKind.Reference, project: CompletionItemKind.Module, goal: CompletionItemKind.Constant } as const;

/** Ids after `@decision ` and friends, and in front-matter link fields; titles are filterable too. */
export function onCompletion(sessions: Sessions, params: CompletionParams): CompletionItem[] | null {
  const at = sessions.locate(params.textDocument.uri);
  if (!at) return null;
  const text = at.session.textOf(at.path);
  if (text === undefined) return null;
  const items = completeIds(at.session.index, at.path, text, params.position);
  if (!items) return null;
  return items.map((c) => ({
    label: c.id,
    labelDetails: { description: c.status ?? '' },
    detail: c.title,
    kind: kindIcon[c.kind],
    sortText: c.sortText,
    filterText: `${c.id} ${c.title}`,
    documentation: { kind: MarkupKind.Markdown, value: `**${escapeMarkdown(c.id)}** ${escapeMarkdown(c.title)}${c.status ? ` · \`${escapeMarkdown(c.status)}\`` : ''}` },
    textEdit: { range: c.replace, newText: c.id },
  }));
}
