import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver/node';
import type { IdCompletion } from '../core/features/completions.js';
import { escapeMarkdown } from '../core/features/markdownEscape.js';
import type { Sessions } from './sessions.js';

const kindIcon = { decision: CompletionItemKind.Reference, project: CompletionItemKind.Module, goal: CompletionItemKind.Constant, requirement: CompletionItemKind.EnumMember } as const;

/**
 * One row per id: the id, then its title right after it (so the row says what the id is without
 * opening the details pane), and the status at the row's end.
 */
function toCompletionItem(c: IdCompletion): CompletionItem {
  return {
    label: c.id,
    labelDetails: { detail: ` ${c.title}`, description: c.status ?? '' },
    detail: c.title,
    kind: kindIcon[c.kind],
    sortText: c.sortText,
    // A source's document is listed qualified (`strategy:GOAL-3`) and inserted bare when that resolves.
    filterText: c.insert && c.insert !== c.id ? `${c.id} ${c.insert} ${c.title}` : `${c.id} ${c.title}`,
    documentation: { kind: MarkupKind.Markdown, value: `**${escapeMarkdown(c.id)}** ${escapeMarkdown(c.title)}${c.status ? ` · \`${escapeMarkdown(c.status)}\`` : ''}` },
    textEdit: { range: c.replace, newText: c.insert ?? c.id },
  };
}

/** Ids after `@decision ` and friends, and in front-matter link fields; titles are filterable too. */
export function onCompletion(sessions: Sessions, params: CompletionParams): CompletionItem[] | null {
  const at = sessions.locate(params.textDocument.uri);
  return at?.session.features.completions(at.path, params.position)?.map(toCompletionItem) ?? null;
}
