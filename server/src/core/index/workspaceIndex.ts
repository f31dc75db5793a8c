import { runSteps } from '../base/steps.js';
import type { FileAnnotations } from '../source/codeReference.js';
import type { CheckCache } from '../checks/checkCache.js';
import { scanAnnotations } from '../source/scanAnnotations.js';
import { configFileName, parseConfig, type RationaleConfig } from '../workspace/config.js';
import { declaredFolders, discoverDocuments, type DeclaredFolder, type DiscoveredDocument } from '../workspace/discovery.js';
import type { DocKind, RationaleDocument } from '../documents/document.js';
import { idKey, qualifyBareNumber } from '../documents/ids.js';
import { parseDocument } from '../documents/parseDocument.js';
import { lightParseDocument } from '../documents/lightParse.js';
import { parseKep } from '../documents/parseKep.js';
import { kepFilesBeside } from '../workspace/kepFolder.js';
import { contentHash } from '../base/contentHash.js';
import { PersistentSortedMap } from '../base/persistentSortedMap.js';
import { basename } from '../workspace/workspace.js';
import type { Workspace } from '../workspace/workspace.js';
import { readFileRequirements, type FileRequirements } from '../requirements/fileRequirements.js';
import { resolveInSources, type SourceDocuments } from './sourceDocuments.js';
import { filesAfterEdit, listFiles } from './fileList.js';
import { IdTable } from './idTable.js';
import { IndexDraft } from './indexDraft.js';
import { indexDivergence } from './indexDivergence.js';

/**
 * An immutable snapshot of what a workspace says: its documents, the ids they answer to, and the
 * code that references them. Updates produce a new snapshot and reuse everything unchanged, so
 * readers (hover, diagnostics, the tree) never see a half-built index. Its tables are persistent
 * maps iterated in path order: an update replaces the entries of the files it touched and shares
 * the rest, so an edit costs in proportion to the edit, and a snapshot a reader holds never changes.
 */
export interface WorkspaceIndex {
  readonly config: RationaleConfig;
  readonly configErrors: readonly string[];
  readonly declared: readonly DeclaredFolder[];
  /** Every file the workspace lists, after the configuration's `ignore` globs. */
  readonly files: readonly string[];
  readonly fileSet: ReadonlySet<string>;
  /** Documents by path. */
  readonly documents: PersistentSortedMap<RationaleDocument>;
  /** Documents by `idKey` of their id and aliases; more than one entry is a duplicate. */
  readonly byKey: PersistentSortedMap<readonly RationaleDocument[]>;
  /** The tables `byKey` is read from, kept so that an update patches them. */
  readonly idTable: IdTable;
  /** Annotations of non-document files that have any. */
  readonly annotations: PersistentSortedMap<FileAnnotations>;
  /** Content hash per scanned file, to skip unchanged files on update. */
  readonly hashes: PersistentSortedMap<string>;
  /** Requirement items and coverage tags of every file (documents included) that has any. */
  readonly requirements: PersistentSortedMap<FileRequirements>;
  /** Documents of other folders (`.rationale.json` `sources`), read-only; attached by `withSources`. */
  readonly sources?: SourceDocuments;
}

export interface IndexProgress {
  (done: number, total: number, phase: 'discover' | 'parse' | 'scan'): void;
}

/** Files whose change can alter discovery itself, so they force rediscovery. */
export function isDiscoveryFile(path: string): boolean {
  const name = basename(path);
  return path === configFileName || name === '.adr-dir' || name === '.log4brains.yml' || name === '.log4brains.yaml';
}

export function buildIndex(workspace: Workspace, onProgress?: IndexProgress): WorkspaceIndex {
  return runSteps(rebuildSteps(workspace, { onProgress }));
}

/**
 * An index of the documents alone, in steps: code files are listed but not read, and it has no
 * annotations. It yields after every `chunk` files so a caller can pause; `indexAndCheck` uses it
 * to compile rules first, then reads every code file exactly once.
 */
export function documentIndexSteps(workspace: Workspace, onProgress?: IndexProgress, cache?: CheckCache, chunk = Infinity, lightDocuments?: LightDocuments): Generator<undefined, WorkspaceIndex> {
  return rebuildSteps(workspace, { onProgress, chunk, documentsOnly: true, cache, lightDocuments });
}

/** The full snapshot: a document index plus the annotations found in code files. */
export function withAnnotations(index: WorkspaceIndex, annotations: ReadonlyMap<string, FileAnnotations>, hashes: ReadonlyMap<string, string>, requirements: ReadonlyMap<string, FileRequirements> = new Map()): WorkspaceIndex {
  return finish(index, { documents: new Map(index.documents), annotations: new Map(annotations), hashes: new Map([...index.hashes, ...hashes]), requirements: new Map(requirements) });
}

/** The maps a snapshot is assembled from, filled file by file. */
interface IndexParts {
  documents: Map<string, RationaleDocument>;
  annotations: Map<string, FileAnnotations>;
  hashes: Map<string, string>;
  /** Requirement items and tags of code files; documents carry their own (`RationaleDocument.requirements`). */
  requirements: Map<string, FileRequirements>;
}

/** Where `indexFile` writes a file's entries: the maps of a rebuild, or the draft of an update. */
interface IndexSink {
  documents: { set(path: string, doc: RationaleDocument): unknown };
  annotations: { set(path: string, found: FileAnnotations): unknown };
  hashes: { set(path: string, hash: string): unknown };
  requirements: { set(path: string, found: FileRequirements): unknown };
}

/** What a snapshot knows besides its files' contents: configuration, declared folders, the file list. */
type IndexFrame = Pick<WorkspaceIndex, 'config' | 'configErrors' | 'declared' | 'files' | 'fileSet' | 'sources'>;

export interface UpdateOptions {
  /**
   * Rebuild from scratch after the update and throw, with what differs, when the two disagree. For
   * tests and for chasing a suspected bug; the host decides (`RATIONALE_PARANOID=1`), the core never reads it.
   */
  paranoid?: boolean;
}

/**
 * Applies a diff: `changed` files are re-read (created or modified), `deleted` are dropped. Only
 * their entries are replaced: the file list, the documents' order and the id table are patched, and
 * everything else is shared with the previous snapshot, which stays as it was.
 */
export function updateIndex(previous: WorkspaceIndex, workspace: Workspace, changed: readonly string[], deleted: readonly string[], options: UpdateOptions = {}): WorkspaceIndex {
  const next = applyDiff(previous, workspace, changed, deleted);
  if (options.paranoid) assertEqualsRebuild(next, workspace, changed, deleted);
  return next;
}

function applyDiff(previous: WorkspaceIndex, workspace: Workspace, changed: readonly string[], deleted: readonly string[]): WorkspaceIndex {
  const touched = new Set([...changed, ...deleted]);
  if ([...touched].some(isDiscoveryFile)) {
    return runSteps(rebuildSteps(workspace, { previous, touched }));
  }
  const fileList = filesAfterEdit(previous, workspace, previous.config);
  const { fileSet } = fileList;
  const draft = new IndexDraft(previous);
  for (const p of deleted) draft.drop(p);
  for (const p of changed) if (!fileSet.has(p)) draft.drop(p);
  const changedExisting = [...new Set([...changed, ...kepFilesBeside(touched)])].filter((p) => fileSet.has(p));
  const discovered = discoverDocuments(changedExisting, previous.declared, (p) => workspace.readText(p));
  const discoveredByPath = new Map(discovered.map((d) => [d.path, d]));
  for (const p of changedExisting) {
    const text = workspace.readText(p);
    draft.drop(p);
    if (text === undefined) continue;
    indexFile(p, text, { discovered: discoveredByPath.get(p), config: previous.config, into: draft });
  }
  return draft.finish(fileList);
}

/** Paranoid mode: the update must equal a rebuild from scratch (with the same sources attached). */
function assertEqualsRebuild(incremental: WorkspaceIndex, workspace: Workspace, changed: readonly string[], deleted: readonly string[]): void {
  const own = buildIndex(workspace);
  const rebuilt = incremental.sources ? withSources(own, incremental.sources) : own;
  const divergence = indexDivergence(incremental, rebuilt);
  if (divergence === undefined) return;
  const diff = `changed ${JSON.stringify(changed)}, deleted ${JSON.stringify(deleted)}`;
  throw new Error(`Rationale (paranoid mode): the index updated by a diff (${diff}) differs from one rebuilt from scratch:\n${divergence}`);
}

interface RebuildOptions {
  /** The snapshot being replaced: unchanged files' parses are reused from it. */
  previous?: WorkspaceIndex;
  /** Files known to have changed since `previous`, which are read again. */
  touched?: ReadonlySet<string>;
  onProgress?: IndexProgress;
  /** Yield after every `chunk` files (default: never). */
  chunk?: number;
  /** Parse documents only; list code files without reading them. */
  documentsOnly?: boolean;
  cache?: CheckCache;
  lightDocuments?: LightDocuments;
}

/**
 * Documents that may be parsed light (see `lightParseDocument`): those whose own findings nobody
 * will read. Their light parses never enter the cache, whose entries must serve any later run.
 */
export type LightDocuments = (path: string) => boolean;

/**
 * Rebuilds in steps: yields after every `chunk` files so callers decide whether to pause. A plain
 * one-way generator (it yields nothing and is sent nothing): the async check pauses between chunks
 * with `yield*`, the synchronous builders run it to the end.
 */
function* rebuildSteps(workspace: Workspace, options: RebuildOptions): Generator<undefined, WorkspaceIndex> {
  const { previous, touched, onProgress, chunk = Infinity, documentsOnly = false, cache, lightDocuments } = options;
  const { config, errors } = parseConfig(workspace.exists(configFileName) === 'file' ? workspace.readText(configFileName) : undefined);
  const fileList = listFiles(workspace, config);
  const { files } = fileList;
  onProgress?.(0, files.length, 'discover');
  const read = (p: string) => workspace.readText(p);
  const declaredResult = declaredFolders(files, config, read);
  const discovered = discoverDocuments(files, declaredResult.folders, read);
  const byPath = new Map(discovered.map((d) => [d.path, d]));
  const parts: IndexParts = { documents: new Map(), annotations: new Map(), hashes: new Map(), requirements: new Map() };
  const { documents, hashes } = parts;
  const configChanged = previous !== undefined && JSON.stringify(previous.config) !== JSON.stringify(config);
  // The parser's versions: documents cached before the zero-configuration layouts (`layouts-1`) or
  // before they carried their requirement items (`requirements-1`) must be re-read.
  const parseKey = JSON.stringify([config.idPrefixes, config.statusMap, 'layouts-1', 'requirements-1']);
  let done = 0;
  for (const path of files) {
    done++;
    if (onProgress && done % 500 === 0) onProgress(done, files.length, 'scan');
    if (done % chunk === 0) yield;
    if (documentsOnly && !byPath.has(path)) continue;
    const discoveredDoc = byPath.get(path);
    // Stamp first, read second: a file changed in between is stamped old and re-read next time.
    const stamp = cache && discoveredDoc ? cachedDocumentStamp(workspace, path, discoveredDoc) : undefined;
    if (stamp !== undefined) {
      const hit = cache!.document(path, stamp, parseKey);
      if (hit) {
        documents.set(path, hit);
        hashes.set(path, hit.hash);
        continue;
      }
    }
    const text = workspace.readText(path);
    if (text === undefined) continue;
    // Reuse earlier parses of unchanged files: rediscovery after a config change is then cheap.
    const reuse = previous && !configChanged && !touched?.has(path) ? previous : undefined;
    const light = discoveredDoc !== undefined && lightDocuments?.(path) === true;
    const parsedLight = indexFile(path, text, { discovered: discoveredDoc, config, into: parts, reuse, light });
    const doc = documents.get(path);
    if (stamp !== undefined && doc && !parsedLight) cache!.rememberDocument(path, stamp, parseKey, doc);
  }
  onProgress?.(files.length, files.length, 'scan');
  // The host reads sources and attaches them (`withSources`); a rebuild keeps the ones it had.
  return finish({ config, configErrors: [...errors, ...declaredResult.errors, ...(previous?.sources?.errors ?? [])], declared: declaredResult.folders, ...fileList, sources: previous?.sources }, parts);
}

/** The file's stamp plus how discovery classified it, which the parse depends on too. */
function cachedDocumentStamp(workspace: Workspace, path: string, discovered: Classification): string | undefined {
  const stamp = workspace.stamp?.(path);
  const summary = discovered.summary === undefined ? '' : `|${contentHash(discovered.summary)}`;
  return stamp === undefined ? undefined : `${stamp}|${discovered.kind}|${discovered.package ?? ''}|${discovered.layout ?? ''}${summary}`;
}

/** How discovery classified a document: everything its parse depends on besides its text. */
type Classification = Omit<DiscoveredDocument, 'path'>;

/** Parses a discovered document the way its layout is written. */
function parseDiscovered(path: string, text: string, discovered: Classification, config: RationaleConfig): RationaleDocument {
  const ctx = { kind: discovered.kind, package: discovered.package, idPrefixes: config.idPrefixes, statusMap: config.statusMap };
  if (discovered.layout === 'kep') return parseKep(path, text, ctx, discovered.summary);
  return parseDocument(path, text, discovered.layout === 'rfc' ? { ...ctx, idPrefix: 'RFC' } : ctx);
}

/** The light parse of a discovered document, or undefined when it needs the full one (KEPs always do). */
function lightParseDiscovered(path: string, text: string, discovered: Classification, config: RationaleConfig): RationaleDocument | undefined {
  if (discovered.layout === 'kep') return undefined;
  const ctx = { kind: discovered.kind, package: discovered.package, idPrefixes: config.idPrefixes, statusMap: config.statusMap };
  return lightParseDocument(path, text, discovered.layout === 'rfc' ? { ...ctx, idPrefix: 'RFC' } : ctx);
}

interface IndexFileOptions {
  /** How discovery classified the file; undefined for code files. */
  discovered: Classification | undefined;
  config: RationaleConfig;
  into: IndexSink;
  /** A snapshot whose parse of the file may be reused when the content is unchanged. */
  reuse?: WorkspaceIndex;
  /** Try the light parse first (see `LightDocuments`). */
  light?: boolean;
}

/**
 * Parses a document, or scans a code file for annotations, into the parts of a snapshot. True
 * when the document was parsed light.
 */
function indexFile(path: string, text: string, options: IndexFileOptions): boolean {
  const { discovered, config, reuse } = options;
  const { documents, annotations, hashes, requirements } = options.into;
  const hash = contentHash(text);
  hashes.set(path, hash);
  if (discovered) {
    const old = reuse?.documents.get(path);
    // The layout needs no comparison: it follows from the path and the text (and from the declared
    // folders, whose change rules out reuse). A KEP's summary comes from its README.md, not its text.
    const sameSummary = discovered.summary === undefined || old?.summary === discovered.summary;
    if (old && old.hash === hash && old.kind === discovered.kind && old.package === discovered.package && sameSummary) {
      documents.set(path, old);
      return false;
    }
    const light = options.light ? lightParseDiscovered(path, text, discovered, config) : undefined;
    documents.set(path, withRequirements(light ?? parseDiscovered(path, text, discovered, config), text));
    return light !== undefined;
  }
  const fileRequirements = readFileRequirements(path, text);
  if (fileRequirements) requirements.set(path, fileRequirements);
  const old = reuse && reuse.hashes.get(path) === hash ? reuse.annotations.get(path) : undefined;
  const found = old ?? scanAnnotations(path, text, { idPrefixes: Object.values(config.idPrefixes) });
  if (found.references.length > 0 || found.suppressions.length > 0) annotations.set(path, found);
  return false;
}

function finish(frame: IndexFrame, parts: IndexParts): WorkspaceIndex {
  const { config, configErrors, declared, files, fileSet, sources } = frame;
  const { documents, annotations, hashes } = parts;
  const requirements = new Map(parts.requirements);
  for (const d of documents.values()) if (d.requirements) requirements.set(d.path, d.requirements);
  const idTable = IdTable.of(documents.values());
  return {
    config,
    configErrors,
    declared,
    files,
    fileSet,
    documents: PersistentSortedMap.of(documents),
    byKey: idTable.byKey,
    idTable,
    annotations: PersistentSortedMap.of(annotations),
    hashes: PersistentSortedMap.of(hashes),
    requirements: PersistentSortedMap.of(requirements),
    ...(sources ? { sources } : {}),
  };
}

/**
 * The index with its sources' documents attached. Their problems (a folder that is missing …) join
 * the configuration's, so `check` reports them as `invalid-config` and the other commands warn.
 */
export function withSources(index: WorkspaceIndex, sources: SourceDocuments): WorkspaceIndex {
  const configErrors = [...index.configErrors.filter((e) => !index.sources?.errors.includes(e)), ...sources.errors];
  return { ...index, configErrors, sources };
}

/** The workspace's own documents, then its sources'. Checks walk `index.documents` only. */
export function allDocuments(index: WorkspaceIndex): RationaleDocument[] {
  return [...index.documents.values(), ...(index.sources?.documents.values() ?? [])];
}

/** A parsed document with the requirement items and tags of its text, when it has any. */
function withRequirements(doc: RationaleDocument, text: string): RationaleDocument {
  const requirements = readFileRequirements(doc.path, text);
  return requirements ? { ...doc, requirements } : doc;
}

/** Resolves an id as written (`ADR-7`, `7` after `@adr`, a slug, a package id) to a document. */
export function resolveId(index: WorkspaceIndex, id: string, kind?: DocKind): RationaleDocument | undefined {
  const key = idKey(qualifyBareNumber(id, kind, index.config.idPrefixes));
  const hits = index.byKey.get(key);
  if (!hits || hits.length === 0) return index.sources ? resolveInSources(index.sources, id, kind, index.config.idPrefixes).document : undefined;
  return (kind && hits.find((d) => d.kind === kind)) || hits[0];
}

/** Source documents a bare id names in more than one source, when the id resolves to nothing. */
export function ambiguousInSources(index: WorkspaceIndex, id: string, kind?: DocKind): readonly RationaleDocument[] | undefined {
  if (!index.sources || resolveId(index, id, kind)) return undefined;
  return resolveInSources(index.sources, id, kind, index.config.idPrefixes).ambiguous;
}

export function documentsOfKind(index: WorkspaceIndex, kind: DocKind): RationaleDocument[] {
  return [...index.documents.values()].filter((d) => d.kind === kind);
}

/** The target document of a link, by id or by path. */
export function resolveLink(index: WorkspaceIndex, link: { target: string; targetIsPath: boolean }, kind?: DocKind): RationaleDocument | undefined {
  if (link.targetIsPath) return index.documents.get(link.target) ?? index.sources?.documents.get(link.target);
  return resolveId(index, link.target, kind);
}
