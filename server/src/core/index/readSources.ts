import { runSteps } from '../base/steps.js';
import type { Workspace } from '../workspace/workspace.js';
import { collectSourceDocuments, type SourceContents, type SourceDocuments } from './sourceDocuments.js';
import { documentIndexSteps } from './workspaceIndex.js';

/** A source as the host opened it: its configured name and its folder as a workspace of its own. */
export interface SourceWorkspace {
  name: string;
  workspace: Workspace;
}

/**
 * Reads each source with its own discovery and its own `.rationale.json`, documents only: code
 * files are listed, never read. A source's own problems (bad front matter, its configuration) stay
 * its own: they are its repository's to check, so none of them is reported here.
 */
export function readSourceContents(sources: readonly SourceWorkspace[]): SourceContents[] {
  return sources.map(({ name, workspace }) => {
    const index = runSteps(documentIndexSteps(workspace));
    return { name, documents: [...index.documents.values()] };
  });
}

/** The sources' documents, qualified and keyed for resolution. */
export function readSources(sources: readonly SourceWorkspace[], errors: readonly string[] = []): SourceDocuments {
  return collectSourceDocuments(readSourceContents(sources), errors);
}
