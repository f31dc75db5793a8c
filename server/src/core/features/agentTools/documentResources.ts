import { docKinds, type DocKind, type RationaleDocument } from '../../documents/document.js';
import { resolveId, type WorkspaceIndex } from '../../index/workspaceIndex.js';
import type { Workspace } from '../../workspace/workspace.js';
import { oneLine } from './documentBrief.js';

/** A goal, project or decision as something an agent can read by address: `rationale://decision/ADR-0007`. */
export interface DocumentResource {
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: 'text/markdown';
}

const scheme = 'rationale://';

export function documentUri(d: Pick<RationaleDocument, 'kind' | 'id'>): string {
  return `${scheme}${d.kind}/${encodeURIComponent(d.id)}`;
}

/** Every document of the workspace (not its sources', whose text lives in other folders), in path order. */
export function documentResources(index: WorkspaceIndex): DocumentResource[] {
  return [...index.documents.values()].map((d) => ({
    uri: documentUri(d),
    name: d.id,
    title: `${d.id}: ${oneLine(d.title)}`,
    description: `${d.kind} · ${d.path}${d.summary ? ` · ${oneLine(d.summary).slice(0, 160)}` : ''}`,
    mimeType: 'text/markdown',
  }));
}

/** The document an address names and its text, or undefined when it names none (or its file is gone). */
export function readDocumentResource(index: WorkspaceIndex, workspace: Workspace, uri: string): { document: RationaleDocument; text: string } | undefined {
  const m = /^rationale:\/\/([a-z]+)\/(.+)$/.exec(uri);
  if (!m || !docKinds.includes(m[1] as DocKind)) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(m[2]);
  } catch {
    return undefined; // a malformed escape names no document: the caller answers "not found"
  }
  const document = resolveId(index, id, m[1] as DocKind);
  if (!document || document.kind !== m[1] || !index.documents.has(document.path)) return undefined;
  const text = workspace.readText(document.path);
  return text === undefined ? undefined : { document, text };
}
