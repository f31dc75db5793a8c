import { SymbolKind, type DefinitionParams, type DocumentLink, type DocumentLinkParams, type Location, type ReferenceParams, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { statusInForce, statusInForceText } from '../core/index/statusInForce.js';
import { findReferences } from '../core/features/findReferences.js';
import { idAtPosition } from '../core/features/idAtPosition.js';
import { resolveLink } from '../core/index/workspaceIndex.js';
import type { Sessions } from './sessions.js';

/** From an id (annotation, link, mention) to the document it names. */
export function onDefinition(sessions: Sessions, params: DefinitionParams): Location | null {
  const at = sessions.locate(params.textDocument.uri);
  if (!at) return null;
  const text = at.session.textOf(at.path);
  if (text === undefined) return null;
  const hit = idAtPosition(at.session.index, at.path, text, params.position);
  if (!hit?.document || hit.source === 'title') return null;
  return { uri: at.session.uriOf(hit.document.path), range: hit.document.titleRange };
}

/** From a document (anywhere in it) or an id, to every annotation and link that cites it. */
export function onReferences(sessions: Sessions, params: ReferenceParams): Location[] {
  const at = sessions.locate(params.textDocument.uri);
  if (!at) return [];
  const { session, path } = at;
  const text = session.textOf(path);
  if (text === undefined) return [];
  const index = session.index;
  const hit = idAtPosition(index, path, text, params.position);
  const target = hit?.document ?? index.documents.get(path);
  if (!target) return [];
  const refs = findReferences(index, target).map((r) => ({ uri: session.uriOf(r.path), range: r.range }));
  if (params.context.includeDeclaration) refs.unshift({ uri: session.uriOf(target.path), range: target.titleRange });
  return refs;
}

const symbolKinds = { goal: SymbolKind.Event, project: SymbolKind.Package, decision: SymbolKind.Interface } as const;

/** Goals, projects and decisions by id or title words. */
export function onWorkspaceSymbol(sessions: Sessions, params: WorkspaceSymbolParams): SymbolInformation[] {
  const words = params.query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: SymbolInformation[] = [];
  for (const session of sessions.all()) {
    for (const d of session.index.documents.values()) {
      const hay = `${d.id} ${d.title}`.toLowerCase();
      if (!words.every((w) => hay.includes(w))) continue;
      out.push({ name: `${d.id}: ${d.title}`, kind: symbolKinds[d.kind], containerName: statusInForceText(statusInForce(session.index, d)), location: { uri: session.uriOf(d.path), range: d.titleRange } });
      if (out.length >= 500) return out;
    }
  }
  return out;
}

/** Front-matter ids and relative paths in documents become links to their targets. */
export function onDocumentLinks(sessions: Sessions, params: DocumentLinkParams): DocumentLink[] {
  const at = sessions.locate(params.textDocument.uri);
  if (!at) return [];
  const { session, path } = at;
  const index = session.index;
  const doc = index.documents.get(path);
  if (!doc) return [];
  const out: DocumentLink[] = [];
  for (const link of doc.links) {
    if (link.type === 'markdown') continue; // VS Code's Markdown support already links these
    const kind = link.type === 'project' ? 'project' : link.type === 'goal' ? 'goal' : 'decision';
    const target = resolveLink(index, link, kind);
    if (target) out.push({ range: link.range, target: session.uriOf(target.path), tooltip: `${target.id}: ${target.title}` });
  }
  return out;
}
