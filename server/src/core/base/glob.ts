import picomatch from 'picomatch';
import { RE2JS } from 're2js';

/**
 * Glob matching for workspace-relative `/` paths. Globs come from documents (applies-to, rule
 * scopes, forbidden module names), so they are untrusted: picomatch compiles to backtracking
 * JavaScript regexes, and a glob like `*a*a*a*a*a*b` takes seconds on a 40-character path. The
 * backtracking work grows like (path length)^(number of wildcard runs), so globs with at most two
 * runs (`src/**`, `*.test.ts`, `docs/*.md`: nearly all real ones) use picomatch on paths of ordinary
 * length, and everything else is translated to RE2 syntax and runs on the linear-time engine
 * (about four times slower per match, never catastrophic).
 */

export type PathMatcher = (path: string) => boolean;

// `s`: a file name may contain a newline, and `.` must match it there too, or such a file would
// fall outside every glob and skip every rule.
const options: picomatch.PicomatchOptions = { dot: true, noextglob: true, flags: 's' };
const cache = new Map<string, PathMatcher>();
/** Globs are few in practice; the bound only protects against a pathological stream of distinct ones. */
const maxCached = 5000;

/** A cached matcher for one glob. Invalid globs match nothing instead of throwing. */
export function globMatcher(glob: string): PathMatcher {
  let m = cache.get(glob);
  if (!m) {
    m = compileGlob(glob);
    if (cache.size >= maxCached) cache.clear();
    cache.set(glob, m);
  }
  return m;
}

export function matchesAny(path: string, globs: readonly string[]): boolean {
  for (const g of globs) if (globMatcher(g)(path)) return true;
  return false;
}

/** One matcher for a list of globs (empty list: matches nothing). */
export function anyGlobMatcher(globs: readonly string[]): PathMatcher {
  const ms = globs.map(globMatcher);
  if (ms.length === 0) return () => false;
  if (ms.length === 1) return ms[0];
  return (path) => {
    for (const m of ms) if (m(path)) return true;
    return false;
  };
}

export function isGlob(pattern: string): boolean {
  try {
    return picomatch.scan(pattern).isGlob;
  } catch {
    // Unscannable: treat it as a literal path, which is what it then matches.
    return false;
  }
}

/** The literal folder a glob starts with (`src/db` for `src/db/**`), '' when it starts with a wildcard. */
export function globBase(glob: string): string {
  const g = normalizeGlob(glob);
  try {
    return picomatch.scan(g).base;
  } catch {
    // Unscannable: no literal base, so callers look everywhere rather than nowhere.
    return '';
  }
}

/** Leading `./` and `/` are how people write "from the workspace root"; both mean the same here. */
export function normalizeGlob(glob: string): string {
  let g = glob.trim();
  while (g.startsWith('./')) g = g.slice(2);
  while (g.startsWith('/')) g = g.slice(1);
  return g;
}

function compileGlob(raw: string): PathMatcher {
  const glob = normalizeGlob(raw);
  if (glob === '') return () => false;
  if (!isGlob(glob)) {
    // A plain path names a file or, as people expect, everything in that folder.
    const folder = glob.endsWith('/') ? glob : `${glob}/`;
    const exact = glob.endsWith('/') ? glob.slice(0, -1) : glob;
    return (path) => path === exact || path.startsWith(folder);
  }
  const g = glob.endsWith('/') ? `${glob}**` : glob;
  const runs = g.match(/\*+/g)?.length ?? 0;
  if (runs >= 3 || g.length > 500) return compileLinearGlob(g);
  let fast: PathMatcher;
  try {
    fast = picomatch(g, options);
  } catch {
    // An invalid glob matches nothing; `applies-to-matches-nothing` tells the author.
    return () => false;
  }
  if (runs <= 1) return fast;
  // Two runs cost (path length)²: fine on real paths, not on a crafted 4,000-character one.
  let linear: PathMatcher | undefined;
  return (path) => (path.length <= maxQuadraticPath ? fast(path) : (linear ??= compileLinearGlob(g))(path));
}

const maxQuadraticPath = 1024;

function compileLinearGlob(glob: string): PathMatcher {
  const source = globToRe2(glob);
  if (source === undefined) return () => false;
  try {
    const re = RE2JS.compile(`^(?:${source})$`, RE2JS.DOTALL);
    return (path) => re.testExact(path);
  } catch {
    // An invalid glob matches nothing; `applies-to-matches-nothing` tells the author.
    return () => false;
  }
}

/** Translates glob syntax (`**`, `*`, `?`, `[…]`, `{a,b}`) to an RE2 pattern with picomatch's meaning. */
export function globToRe2(glob: string): string | undefined {
  let out = '';
  let i = 0;
  const n = glob.length;
  while (i < n) {
    const c = glob[i];
    if (c === '\\' && i + 1 < n) {
      out += RE2JS.quote(glob[i + 1]);
      i += 2;
    } else if (c === '*') {
      let j = i;
      while (glob[j] === '*') j++;
      const wholeSegment = j - i >= 2 && (i === 0 || glob[i - 1] === '/') && (j === n || glob[j] === '/');
      if (wholeSegment) {
        if (j === n) {
          // `a/**` also matches `a` itself (but, as in picomatch, `a*/**` does not match `ab`);
          // `**` alone matches everything.
          const previous = glob.slice(glob.lastIndexOf('/', i - 2) + 1, i - 1);
          if (out.endsWith('/') && !previous.endsWith('*')) out = `${out.slice(0, -1)}(?:/.*)?`;
          else out += '.*';
          i = j;
        } else {
          out += '(?:.*/)?';
          i = j + 1;
        }
      } else {
        out += '[^/]*';
        i = j;
      }
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        i++;
        continue;
      }
      let body = glob.slice(i + 1, close);
      let negate = false;
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true;
        body = body.slice(1);
      }
      const escaped = body.replace(/[\\\]\[]/g, (ch) => `\\${ch}`).replace(/^-|-$/g, '\\-');
      out += negate ? `[^/${escaped}]` : `[${escaped}]`;
      i = close + 1;
    } else if (c === '{') {
      const close = matchingBrace(glob, i);
      const parts = close < 0 ? [] : splitTopLevel(glob.slice(i + 1, close));
      if (parts.length < 2) {
        out += '\\{';
        i++;
        continue;
      }
      const alternatives: string[] = [];
      for (const p of parts) {
        const sub = globToRe2(p);
        if (sub === undefined) return undefined;
        alternatives.push(sub);
      }
      out += `(?:${alternatives.join('|')})`;
      i = close + 1;
    } else {
      // RE2JS.quote escapes `/` too; keep it bare so the globstar handling above can see it.
      out += c === '/' ? '/' : RE2JS.quote(c);
      i++;
    }
  }
  return out;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}') depth--;
    else if (s[i] === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}
