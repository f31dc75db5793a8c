/**
 * What the language server does on a keystroke: the editor's text of one file changes and the index
 * is updated by that diff. The workspace is the tree on disk under an overlay of open documents, with
 * the listing cached as the server caches it, so only `updateIndex` is timed.
 */
import { buildIndex, updateIndex, type WorkspaceIndex } from '../server/src/core/index/workspaceIndex.js';
import type { Workspace } from '../server/src/core/workspace/workspace.js';
import { NodeWorkspace } from '../server/src/node/nodeWorkspace.js';

/** The tree on disk with some files' text replaced, as open editors replace it. */
function overlaid(disk: NodeWorkspace, overlay: Map<string, string>): Workspace {
  return {
    listFiles: () => disk.listFiles(),
    readText: (p) => overlay.get(p) ?? disk.readText(p),
    exists: (p) => (overlay.has(p) ? 'file' : disk.exists(p)),
  };
}

export interface EditTimes {
  code: number[];
  decision: number[];
}

/**
 * Times `edits` keystrokes in code files and as many in decisions, each followed by its
 * `updateIndex`, after a warm-up of a few of each. Every edit changes the text (an added line in a
 * code file, a decision retitled under a new id, its old one becoming an alias), so nothing is skipped as unchanged.
 */
export function timeEdits(root: string, codePaths: readonly string[], decisionPaths: readonly string[], edits: number): EditTimes {
  const disk = new NodeWorkspace(root);
  const overlay = new Map<string, string>();
  const ws = overlaid(disk, overlay);
  let index: WorkspaceIndex = buildIndex(ws);
  const edit = (path: string, text: string): number => {
    overlay.set(path, text);
    const t = performance.now();
    index = updateIndex(index, ws, [path], []);
    return performance.now() - t;
  };
  const codeEdit = (i: number) => {
    const p = codePaths[(i * 37) % codePaths.length];
    return edit(p, `${disk.readText(p) ?? ''}// edit ${i} @decision ADR-${String(i % 50).padStart(4, '0')}\n`);
  };
  const decisionEdit = (i: number) => {
    const p = decisionPaths[(i * 13) % decisionPaths.length];
    const text = disk.readText(p) ?? '';
    return edit(p, text.replace('---\n# ', `id: EDIT-${i}\n---\n# Edit ${i}: `));
  };
  for (let i = 0; i < 20; i++) {
    codeEdit(i);
    decisionEdit(i);
  }
  const times: EditTimes = { code: [], decision: [] };
  for (let i = 0; i < edits; i++) {
    times.code.push(codeEdit(1000 + i));
    times.decision.push(decisionEdit(1000 + i));
  }
  if (!index.byKey.has(`edit-${1000 + edits - 1}`)) throw new Error('the last decision edit did not reach the index');
  return times;
}
