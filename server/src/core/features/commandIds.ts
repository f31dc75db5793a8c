/**
 * Commands the server's hovers and code actions ask the client to run; the client registers them
 * and enables exactly the hover ones in hover Markdown. They live in this plain module, not in
 * protocol.ts, because protocol.ts imports the LSP libraries and the core must stay free of them:
 * the core (hover Markdown) imports this file, and protocol.ts re-exports it for the client.
 */
export const clientCommands = {
  openDocument: 'rationale.openDocument',
  revealInTree: 'rationale.revealInTree',
  createDocumentForId: 'rationale.createDocumentForId',
} as const;

export type ClientCommand = (typeof clientCommands)[keyof typeof clientCommands];
