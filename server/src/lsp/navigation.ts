import { statusInForce, statusInForceText } from '../core/index/statusInForce.js';
import { SymbolKind, type DefinitionParams, type DocumentLink, type DocumentLinkParams, type Location, type ReferenceParams, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver/node';
import type { Sessions } from './sessions.js';

/** Most symbols a workspace-symbol answer lists: enough to pick from, cheap to send. */
const maxSymbols = 500;

/** From an id (annotation, link, mention) to the document it names. */
export function onDefinition(sessions: Sessions, params: DefinitionParams): Location | null {
  const at = sessions.locate(params.textDocument.uri);
  const target = at?.session.features.definition(at.path, params.position);
  return at && target ? { uri: at.session.uriOf(target.path), range: target.range } : null;
}

/** From a document (anywhere in it) or an id, to every annotation and link that cites it. */
export function onReferences(sessions: Sessions, params: ReferenceParams): Location[] {
  const at = sessions.locate(params.textDocument.uri);
  if (!at) return [];
  const out = at.session.features.references(at.path, params.position, { includeDeclaration: params.context.includeDeclaration }).map((r) => ({ uri: at.session.uriOf(r.path), range: r.range }));
  // In a multi-root workspace the other folders cite it too.
  const target = sessions.all().length > 1 ? at.session.features.referenceTarget(at.path, params.position) : undefined;
  if (!target) return out;
  const uri = at.session.uriOf(target.path);
  const seen = new Set(out.map(locationKey));
  for (const s of sessions.all()) {
    const path = s === at.session ? undefined : s.documentPathOf(uri);
    if (path === undefined) continue;
    for (const r of s.features.citationsOf(path)) {
      const loc = { uri: s.uriOf(r.path), range: r.range };
      if (seen.has(locationKey(loc))) continue;
      seen.add(locationKey(loc));
      out.push(loc);
    }
  }
  return out;
}

function locationKey(l: Location): string {
  return `${l.uri}#${l.range.start.line}:${l.range.start.character}`;
}

const symbolKinds = { goal: SymbolKind.Event, project: SymbolKind.Package, decision: SymbolKind.Interface } as const;

/** Goals, projects and decisions by id or title words, over every folder. */
export function onWorkspaceSymbol(sessions: Sessions, params: WorkspaceSymbolParams): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const seen = new Set<string>();
  for (const session of sessions.all()) {
    for (const d of session.features.symbols(params.query, maxSymbols - out.length)) {
      // Each folder of a multi-root workspace may list the others' documents too: one symbol per file.
      const uri = session.uriOf(d.path);
      if (seen.has(uri)) continue;
      seen.add(uri);
      out.push({ name: `${d.id}: ${d.title}`, kind: symbolKinds[d.kind], containerName: statusInForceText(statusInForce(session.index, d)), location: { uri, range: d.titleRange } });
    }
  }
  return out;
}

/** Front-matter ids and relative paths in documents become links to their targets. */
export function onDocumentLinks(sessions: Sessions, params: DocumentLinkParams): DocumentLink[] {
  const at = sessions.locate(params.textDocument.uri);
  if (!at) return [];
  return at.session.features.documentLinks(at.path).map((l) => ({ range: l.range, target: at.session.uriOf(l.target.path), tooltip: `${l.target.id}: ${l.target.title}` }));
}
