/** Find Decision: fuzzy search over ids, titles and text; opens the chosen decision. */
import type * as vscode from 'vscode';
import type { RationaleServer } from '../rationaleServer';
import { openDocument } from './openDocument';
import { pickDocument } from './pickDocument';

export async function findDecision(server: RationaleServer): Promise<vscode.TextEditor | undefined> {
  const doc = await pickDocument(server, {
    title: 'Rationale: Find Decision',
    placeholder: 'Type an id (ADR-7, 7), words of the title or of the text',
    kind: 'decision',
  });
  return doc ? openDocument(doc.uri) : undefined;
}
