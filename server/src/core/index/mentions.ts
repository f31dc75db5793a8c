import { runSteps } from '../base/steps.js';
import { LineMap, type Range } from '../base/range.js';
import { closesFence, fenceOpenedBy } from '../documents/codeFence.js';
import { splitFrontMatter } from '../documents/frontMatter.js';
import { scanMarkdownLinks } from '../documents/markdownLinks.js';
import { isManifest, manifestDependencies } from '../rules/manifests/manifestDependencies.js';
import { basename, dirname, joinPath, normalizePath } from '../workspace/workspace.js';
import type { RationaleDocument } from '../documents/document.js';
import type { Mentioning } from './governance.js';
import type { WorkspaceIndex } from './workspaceIndex.js';

/**
 * Mentions: a goal, project or decision that names code in its text is linked to that code, more
 * weakly than by an annotation. Precision comes first, because a wrong link misleads more than a
 * missing one: only backticked spans and Markdown links count (never prose, never code fences),
 * and only names that resolve to exactly one file or folder of the repository, or to a dependency
 * a manifest declares. Computed on demand (hover, This File, explain, references), never by `check`.
 */
export interface MentionSpan {
  /** What the document names: a file, a folder, or a declared dependency. */
  kind: 'file' | 'folder' | 'dependency';
  /** The file or folder path, or the dependency's name. */
  target: string;
  /** For dependencies: the manifests declaring it, which the mention links to. */
  manifests?: readonly string[];
  /** Where the document names it, and the text as written. */
  range: Range;
  text: string;
}

/** What names may resolve to, built once per file list. */
export interface MentionTargets {
  files: ReadonlySet<string>;
  folders: ReadonlySet<string>;
  /** Code files by base name (`client.ts`) and by stem (`OrderRepository`), documents excluded. */
  byName: ReadonlyMap<string, readonly string[]>;
  /** Declared dependency names (and aliases) → the manifests declaring them. */
  dependencies: ReadonlyMap<string, readonly string[]>;
}

/**
 * A name without extension (`OrderRepository`) names a file only when it could not be an ordinary
 * word: it has humps or separators (`OrderRepository`, `order_repo`) or is long. `main`, `config`
 * and `server` are words first, whatever files the repository happens to hold.
 */
function distinctiveStem(name: string): boolean {
  return /[a-z0-9][A-Z]|[_-]/.test(name) || name.length >= 12;
}

export function mentionTargets(files: readonly string[], documentPaths: ReadonlySet<string>, read: (path: string) => string | undefined): MentionTargets {
  return runSteps(mentionTargetsSteps(files, documentPaths, read));
}

/** `mentionTargets` a thousand files at a time: over 100,000 files it takes most of a second. */
export function* mentionTargetsSteps(files: readonly string[], documentPaths: ReadonlySet<string>, read: (path: string) => string | undefined): Generator<void, MentionTargets> {
  const folders = new Set<string>();
  const byName = new Map<string, string[]>();
  const dependencies = new Map<string, string[]>();
  const addName = (name: string, path: string) => {
    const list = byName.get(name);
    if (!list) byName.set(name, [path]);
    else if (!list.includes(path)) list.push(path);
  };
  let done = 0;
  for (const f of files) {
    if (++done % 1000 === 0) yield;
    for (let d = dirname(f); d !== '' && !folders.has(d); d = dirname(d)) folders.add(d);
    const name = basename(f);
    // A worktree's `.git` file is git's machinery, never the code a document is about.
    if (documentPaths.has(f) || name === '.git') continue;
    addName(name, f);
    const dot = name.indexOf('.', 1);
    if (dot > 0) addName(name.slice(0, dot), f);
    if (isManifest(f)) {
      const text = read(f);
      for (const dep of (text === undefined ? undefined : manifestDependencies(f, text))?.dependencies ?? []) {
        for (const n of [dep.name, ...dep.aliases]) {
          const list = dependencies.get(n);
          if (!list) dependencies.set(n, [f]);
          else if (!list.includes(f)) list.push(f);
        }
      }
    }
  }
  return { files: new Set(files), folders, byName, dependencies };
}

/** The code a document's body names. Never throws; text it cannot resolve is simply no mention. */
export function findMentions(docPath: string, text: string, targets: MentionTargets, documentPaths: ReadonlySet<string>): MentionSpan[] {
  const lines = new LineMap(text);
  const bodyStart = splitFrontMatter(text)?.bodyOffset ?? 0;
  const out: MentionSpan[] = [];
  const push = (start: number, end: number, resolved: Omit<MentionSpan, 'range' | 'text'> | undefined) => {
    if (!resolved || resolved.target === docPath || documentPaths.has(resolved.target)) return;
    out.push({ ...resolved, range: lines.rangeOf(start, end), text: text.slice(start, end) });
  };
  const links = scanMarkdownLinks(text, bodyStart);
  // [`src/db/`](src/db/) names the folder once: a code span inside a link is the link's text.
  const inLink = (start: number) => links.some((l) => l.start <= start && start < l.end);
  for (const span of codeSpans(text, bodyStart)) if (!inLink(span.start)) push(span.start, span.end, resolveCodeSpan(span.content, targets));
  for (const link of links) push(link.start, link.end, resolveLink(docPath, link.url, targets));
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Inline code spans outside fenced blocks and HTML comments (one line each, as decisions write them). */
function codeSpans(text: string, from: number): { start: number; end: number; content: string }[] {
  const out: { start: number; end: number; content: string }[] = [];
  let fence: string | undefined;
  let inComment = false;
  let pos = from;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol);
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if ((fence = fenceOpenedBy(line)) === undefined) {
      if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) inComment = true;
      else if (!/^( {4}|\t)/.test(line)) {
        for (const span of inlineCodeSpans(line)) out.push({ start: pos + span.start, end: pos + span.end, content: span.content });
      }
    }
    pos = eol + 1;
  }
  return out;
}

/**
 * Code spans of one line, as CommonMark pairs them: a run of backticks closes at the next run of the
 * same length; an unmatched run is literal text. Linear in the line (one pass over its runs), so a
 * hostile line of backticks costs no more than any other.
 */
function inlineCodeSpans(line: string): { start: number; end: number; content: string }[] {
  const runs: { at: number; length: number }[] = [];
  for (let i = line.indexOf('`'); i >= 0; i = line.indexOf('`', i)) {
    let j = i;
    while (line.charCodeAt(j) === 96) j++;
    runs.push({ at: i, length: j - i });
    i = j;
  }
  // For each run, the index of the next run of the same length (or -1).
  const nextSame = new Array<number>(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    nextSame[r] = lastOfLength.get(runs[r].length) ?? -1;
    lastOfLength.set(runs[r].length, r);
  }
  const out: { start: number; end: number; content: string }[] = [];
  for (let r = 0; r < runs.length; r++) {
    const close = nextSame[r];
    if (close < 0) continue;
    const open = runs[r];
    const end = runs[close].at + open.length;
    const content = line.slice(open.at + open.length, runs[close].at).trim();
    if (content !== '') out.push({ start: open.at, end, content });
    r = close;
  }
  return out;
}

/** A backticked name: a repository path, a file's unique base name, or a declared dependency. */
function resolveCodeSpan(content: string, targets: MentionTargets): Omit<MentionSpan, 'range' | 'text'> | undefined {
  // `src/a.ts:12` names the file; globs, calls, options and sentences are not names.
  const name = content.replace(/:\d+(?::\d+)?$/, '');
  if (name === '' || /[\s*?{}()[\]<>=,;'"|$!]/.test(name)) return undefined;
  const bare = name.replace(/^\.?\//, '');
  // One segment is a path only when it looks like one (`package.json`, `test/`): `test` or `product`
  // alone is as often a word, a function or a module as the folder of that name.
  const pathLike = bare.includes('/') || (bare.includes('.') && bare !== '.git');
  const path = pathLike ? resolvePath(bare, targets) : undefined;
  if (path) return path;
  if (!name.includes('/')) {
    const named = targets.byName.get(name);
    if (named?.length === 1 && (name.includes('.') || distinctiveStem(name))) return { kind: 'file', target: named[0] };
  }
  const manifests = targets.dependencies.get(name);
  if (manifests) return { kind: 'dependency', target: name, manifests };
  return undefined;
}

/** A Markdown link to a file or folder of the repository (relative to the document, or to the root with a leading `/`). */
function resolveLink(docPath: string, url: string, targets: MentionTargets): Omit<MentionSpan, 'range' | 'text'> | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#')) return undefined;
  let rel = url.replace(/[#?].*$/, '');
  try {
    rel = decodeURI(rel);
  } catch {
    // A malformed escape is a name nobody can resolve: no mention.
    return undefined;
  }
  const normalized = rel.startsWith('/') ? normalizePath(rel) : joinPath(dirname(docPath), rel);
  return normalized ? resolvePath(normalized, targets) : undefined;
}

function resolvePath(path: string, targets: MentionTargets): Omit<MentionSpan, 'range' | 'text'> | undefined {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return undefined;
  if (!path.endsWith('/') && targets.files.has(trimmed)) return { kind: 'file', target: trimmed };
  if (targets.folders.has(trimmed)) return { kind: 'folder', target: trimmed };
  return undefined;
}

/** Whether a mention links the document to the file at `path`. */
export function mentionCovers(mention: MentionSpan, path: string): boolean {
  if (mention.kind === 'file') return mention.target === path;
  if (mention.kind === 'folder') return path.startsWith(`${mention.target}/`);
  return mention.manifests?.includes(path) ?? false;
}

/** Every document's mentions, as `MentionIndex.build` leaves them. */
export interface MentionsBuilt {
  readonly byDocument: ReadonlyMap<string, MentionSpan[]>;
}

/** Every document's mentions, computed once per index snapshot and read through. */
export class MentionIndex {
  private readonly byDocument: ReadonlyMap<string, MentionSpan[]>;
  private readonly documents: ReadonlyMap<string, RationaleDocument>;

  /** `built`: what `build` gave for this very index, when a host built it ahead in steps. */
  constructor(index: WorkspaceIndex, read: (path: string) => string | undefined, cache = new MentionCache(), built?: MentionsBuilt) {
    this.byDocument = (built ?? runSteps(MentionIndex.build(index, read, cache))).byDocument;
    this.documents = index.documents;
  }

  /** The index in steps (a document or a thousand files each), for a host that builds it ahead of the first hover. */
  static *build(index: WorkspaceIndex, read: (path: string) => string | undefined, cache: MentionCache): Generator<void, MentionsBuilt> {
    const byDocument = new Map<string, MentionSpan[]>();
    const documentPaths = new Set(index.documents.keys());
    const targets = yield* cache.targetsSteps(index.files, documentPaths, read);
    for (const doc of index.documents.values()) {
      const mentions = cache.mentions(doc, targets, () => {
        const text = read(doc.path);
        return text === undefined ? undefined : findMentions(doc.path, text, targets, documentPaths);
      });
      if (mentions) byDocument.set(doc.path, mentions);
      yield;
    }
    return { byDocument };
  }

  /** The code a document names, in text order. */
  mentionsIn(docPath: string): readonly MentionSpan[] {
    return this.byDocument.get(docPath) ?? [];
  }

  /** The documents naming the file at `path`, each with its first mention of it. */
  mentioning(path: string): Mentioning[] {
    const out: Mentioning[] = [];
    for (const [docPath, mentions] of this.byDocument) {
      const mention = mentions.find((m) => mentionCovers(m, path));
      const document = this.documents.get(docPath);
      if (mention && document) out.push({ document, mention });
    }
    return out;
  }
}

/**
 * What one snapshot's mentions can share with the next: an edit to a code file leaves the file list,
 * the manifests and every document as they were, so neither targets nor any document's mentions are
 * recomputed. Targets are reused while the file list, the documents and the manifests' texts are
 * equal; a document's mentions while its parsed document (replaced on every change) and the targets are.
 */
export class MentionCache {
  private last: { files: readonly string[]; documentPaths: ReadonlySet<string>; manifestTexts: string; targets: MentionTargets } | undefined;
  /** The manifests among a file list, found once per list (a list is kept while no file is created or deleted). */
  private manifests: { files: readonly string[]; paths: string[] } | undefined;
  private readonly byDocument = new WeakMap<RationaleDocument, { targets: MentionTargets; mentions: MentionSpan[] | undefined }>();

  targets(files: readonly string[], documentPaths: ReadonlySet<string>, read: (path: string) => string | undefined): MentionTargets {
    return runSteps(this.targetsSteps(files, documentPaths, read));
  }

  /**
   * The targets, built again only when the file list, the set of documents or a manifest's text
   * changed. The list is compared by identity: an index keeps the same array while no file is
   * created or deleted, and joining 100,000 paths into a key on every snapshot cost a hover tens
   * of milliseconds.
   */
  *targetsSteps(files: readonly string[], documentPaths: ReadonlySet<string>, read: (path: string) => string | undefined): Generator<void, MentionTargets> {
    if (this.manifests?.files !== files) this.manifests = { files, paths: files.filter(isManifest) };
    const manifestTexts = this.manifests.paths.map((f) => `${f}\0${read(f) ?? ''}`).join('\0\0');
    const last = this.last;
    if (last && last.files === files && last.manifestTexts === manifestTexts && sameSet(last.documentPaths, documentPaths)) return last.targets;
    const targets = yield* mentionTargetsSteps(files, documentPaths, read);
    this.last = { files, documentPaths, manifestTexts, targets };
    return targets;
  }

  mentions(doc: RationaleDocument, targets: MentionTargets, compute: () => MentionSpan[] | undefined): MentionSpan[] | undefined {
    const hit = this.byDocument.get(doc);
    if (hit && hit.targets === targets) return hit.mentions;
    const mentions = compute();
    this.byDocument.set(doc, { targets, mentions });
    return mentions;
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
