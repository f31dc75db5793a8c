import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RationaleDocument } from '../../../server/src/core/documents/document.js';
import { buildIndex, resolveId, type WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace.js';

/** test/fixtures/layouts, from out/test/unit/layouts. */
const layoutsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/layouts');

/** A layout fixture as a workspace. Tests only read it: nothing is written under test/fixtures. */
export function layoutWorkspace(name: string): NodeWorkspace {
  return new NodeWorkspace(path.join(layoutsDir, name));
}

/** Indexes a layout fixture as it is, with zero configuration. */
export function indexLayout(name: string): WorkspaceIndex {
  return buildIndex(layoutWorkspace(name));
}

/** The paths of the documents of a kind, sorted. */
export function pathsOf(index: WorkspaceIndex, kind: RationaleDocument['kind']): string[] {
  return [...index.documents.values()].filter((d) => d.kind === kind).map((d) => d.path).sort();
}

/** The document an id resolves to; fails the test when none does. */
export function documentById(index: WorkspaceIndex, id: string): RationaleDocument {
  const doc = resolveId(index, id);
  if (!doc) throw new Error(`no document answers to ${id}; ids: ${[...index.documents.values()].map((d) => d.id).join(', ')}`);
  return doc;
}
