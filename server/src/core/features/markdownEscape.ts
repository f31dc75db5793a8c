/**
 * Escapes text from repository documents before it goes into hover Markdown. Documents are
 * untrusted: without this a title like `[x](command:workbench.action.terminal.sendSequence…)` would
 * become a link. The client also renders hovers with only Rationale's own commands enabled.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#!|<>~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
