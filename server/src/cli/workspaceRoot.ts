import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { conventionalFolders } from '../core/features/newDocument.js';

/** Files whose presence marks a workspace root, strongest first. */
const rootMarkers: readonly (readonly string[])[] = [
  ['.rationale.json', '.git'],
  ['.adr-dir', '.log4brains.yml', '.log4brains.yaml'],
];

/**
 * The workspace root above `start` (a folder): the nearest folder with `.rationale.json` or `.git`,
 * else with `.adr-dir` or `.log4brains.yml`, else the nearest one holding a conventional document
 * folder (`docs/adr`, `docs/decisions`, `goals`…; multi-segment ones first, so `docs/` itself is not
 * mistaken for the root of `docs/adr`). Undefined when nothing marks one. The weak, folder-based
 * guess never picks the file-system root, the home folder or the temporary folder: a stray `adr/`
 * there says nothing about the workspace below.
 */
export function findWorkspaceRoot(start: string): string | undefined {
  const ancestors: string[] = [];
  for (let dir = nodePath.resolve(start); ; ) {
    ancestors.push(dir);
    const parent = nodePath.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const markers of rootMarkers) {
    for (const dir of ancestors) if (markers.some((m) => exists(nodePath.join(dir, m)))) return dir;
  }
  const unlikely = new Set([nodePath.parse(ancestors[0]).root, os.homedir(), os.tmpdir()].map((p) => nodePath.resolve(p)));
  const candidates = ancestors.filter((dir) => !unlikely.has(dir));
  const folders = Object.values(conventionalFolders).flat();
  const nested = folders.filter((f) => f.includes('/'));
  const single = folders.filter((f) => !f.includes('/'));
  for (const group of [nested, single]) {
    for (const dir of candidates) if (group.some((f) => isDirectory(nodePath.join(dir, f)))) return dir;
  }
  return undefined;
}

function exists(p: string): boolean {
  try {
    fs.statSync(p);
    return true;
  } catch {
    // Missing or unreachable: not a marker of a workspace root.
    return false;
  }
}

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    // Missing or unreachable: not a folder we can use.
    return false;
  }
}

/** A path for people to read: relative to the working directory when inside it, else absolute. */
export function displayPath(cwd: string, abs: string): string {
  const rel = nodePath.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !nodePath.isAbsolute(rel) ? rel : abs;
}

/** The workspace-relative `/` path of an absolute path, or undefined when it is outside the root. */
export function workspaceRelative(root: string, abs: string): string | undefined {
  const rel = nodePath.relative(root, abs);
  if (rel === '') return '';
  if (rel.startsWith('..') || nodePath.isAbsolute(rel)) return undefined;
  return rel.split(nodePath.sep).join('/');
}
