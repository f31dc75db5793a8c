import type { ImportFamily } from '../source/importRef.js';
import { dirname, joinPath, normalizePath } from '../workspace/workspace.js';
import { lookupTable } from '../base/lookupTable.js';

/**
 * Where an import may lead inside the workspace, as workspace-relative paths to test against a
 * layer's `to` globs. The first entry is the best guess (an existing file when one is found);
 * the unresolved path is kept too, so a violation is still caught when the target file is
 * missing or generated. Module resolution is approximated without reading configuration files
 * (tsconfig paths, sys.path, include dirs): it errs towards resolving, never towards crashing.
 */
export function importTargets(importer: string, specifier: string, family: ImportFamily, fileExists: (path: string) => boolean): string[] {
  const dir = dirname(importer);
  switch (family) {
    case 'javascript':
      return javascriptTargets(dir, specifier, fileExists);
    case 'python':
      return pythonTargets(importer, specifier, fileExists);
    case 'c':
      return cTargets(dir, specifier, fileExists);
    case 'jvm':
    case 'csharp':
      return dottedTargets(specifier, family === 'jvm' ? ['.java', '.kt', '.scala', '.groovy'] : ['.cs'], fileExists);
    case 'rust':
      return rustTargets(importer, specifier);
    case 'go':
      return unique([normalizePath(specifier)]);
  }
}

const scriptExtensions = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.vue', '.svelte', '.json'];
/** ESM TypeScript imports name the emitted file (`./x.js` for `x.ts`). */
const emittedToSource = lookupTable<string[]>({ '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] });

function javascriptTargets(dir: string, specifier: string, fileExists: (path: string) => boolean): string[] {
  const spec = specifier.replace(/[?#].*$/, '');
  if (isRelative(spec)) {
    const base = joinPath(dir, spec);
    if (base === undefined) return [];
    return unique([resolveScript(base, fileExists), base]);
  }
  // A root-relative path (`src/db/client`, `/src/db`) or a common `@/` / `~/` alias for `src/`.
  const rooted = normalizePath(spec);
  const candidates = [rooted];
  const alias = /^[@~]\//.exec(spec);
  if (alias) candidates.push(normalizePath(`src/${spec.slice(2)}`), normalizePath(spec.slice(2)));
  const resolved = candidates.map((c) => (c ? resolveScript(c, fileExists) : undefined));
  return unique([...resolved, ...candidates]);
}

function resolveScript(base: string, fileExists: (path: string) => boolean): string | undefined {
  if (fileExists(base)) return base;
  const ext = /\.[cm]?jsx?$/.exec(base)?.[0];
  if (ext) {
    for (const alt of emittedToSource[ext] ?? []) {
      const p = base.slice(0, -ext.length) + alt;
      if (fileExists(p)) return p;
    }
  }
  for (const e of scriptExtensions) if (fileExists(base + e)) return base + e;
  for (const e of scriptExtensions) if (fileExists(`${base}/index${e}`)) return `${base}/index${e}`;
  return undefined;
}

function pythonTargets(importer: string, specifier: string, fileExists: (path: string) => boolean): string[] {
  const dots = /^\.*/.exec(specifier)![0].length;
  const rest = specifier.slice(dots).replace(/\./g, '/');
  if (dots > 0) {
    // One dot is the importer's package; each further dot goes up one package.
    let base: string | undefined = dirname(importer);
    for (let i = 1; i < dots && base !== undefined; i++) base = base === '' ? undefined : dirname(base);
    if (base === undefined) return [];
    const p = rest ? joinPath(base, rest) : normalizePath(base);
    if (p === undefined) return [];
    return unique([resolvePython(p, fileExists), p]);
  }
  // Absolute imports resolve against a source root: the workspace root, `src/`, or a folder
  // above the importer (a project nested in a monorepo).
  const roots = ['', 'src'];
  for (let d = dirname(importer); d !== ''; d = dirname(d)) roots.push(d);
  for (const root of roots) {
    const p = joinPath(root, rest);
    const found = p === undefined ? undefined : resolvePython(p, fileExists);
    if (found) return unique([found, normalizePath(rest)]);
  }
  return unique([normalizePath(rest)]);
}

function resolvePython(base: string, fileExists: (path: string) => boolean): string | undefined {
  for (const p of [`${base}.py`, `${base}/__init__.py`, `${base}.pyi`, `${base}/__init__.pyi`]) if (fileExists(p)) return p;
  return undefined;
}

/** `#include "x.h"` is looked up next to the including file first, then from the root. */
function cTargets(dir: string, specifier: string, fileExists: (path: string) => boolean): string[] {
  const local = joinPath(dir, specifier);
  const rooted = normalizePath(specifier);
  if (local !== undefined && fileExists(local)) return [local];
  if (rooted !== undefined && fileExists(rooted)) return [rooted];
  return unique([local, rooted]);
}

/** Java/Kotlin/C# names (`com.acme.db.Repo`) as paths, for `to` globs like `**\/com/acme/db/**`. */
function dottedTargets(specifier: string, extensions: string[], fileExists: (path: string) => boolean): string[] {
  const p = normalizePath(specifier.replace(/\.\*$/, '').replace(/\./g, '/'));
  if (p === undefined) return [];
  const found = extensions.map((e) => p + e).find(fileExists);
  return unique([found, p]);
}

/** `crate::db::client` from `app/src/ui/x.rs` → `app/src/db/client`; `super::`/`self::` from the module's folder. */
function rustTargets(importer: string, specifier: string): string[] {
  const segments = specifier.split('::');
  let base: string;
  if (segments[0] === 'crate') {
    const src = /^(?:(.*)\/)?src(?:\/|$)/.exec(importer);
    base = src ? (src[1] ? `${src[1]}/src` : 'src') : dirname(importer);
    segments.shift();
  } else if (segments[0] === 'self' || segments[0] === 'super') {
    base = dirname(importer);
    while (segments[0] === 'self' || segments[0] === 'super') {
      if (segments.shift() === 'super') base = dirname(base);
    }
  } else return unique([normalizePath(segments.join('/'))]);
  const p = joinPath(base, segments.join('/'));
  return p === undefined ? [] : unique([p, `${p}.rs`]);
}

function isRelative(spec: string): boolean {
  return spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../');
}

function unique(paths: (string | undefined)[]): string[] {
  return [...new Set(paths.filter((p): p is string => p !== undefined && p !== ''))];
}
