/**
 * Escapes text from repository documents before it goes into hover Markdown. Documents are
 * untrusted: without this a title like `[x](command:workbench.action.terminal.sendSequence…)` would
 * become a link. The client also renders hovers with only Rationale's own commands enabled.
 *
 * Every line break (`\r\n`, `\n` and a lone `\r`, which Markdown also treats as one) becomes a
 * space: a break followed by indentation would otherwise start a code block inside the hover.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#!|<>~&]/g, (c) => `\\${c}`).replace(/\r\n?|\n/g, ' ');
}

/**
 * The query of a `command:` link: the JSON arguments, percent-encoded. `encodeURIComponent` leaves
 * `(`, `)`, `'`, `!` and `*` as they are, and a `)` would end the Markdown link early (an id like
 * `ADR-(1)`), so those are encoded too. VS Code decodes the query before parsing the JSON.
 */
export function commandLinkArguments(args: readonly unknown[]): string {
  return encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
