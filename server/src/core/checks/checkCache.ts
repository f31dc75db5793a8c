import type { FileAnnotations } from '../source/codeReference.js';
import type { RationaleDocument } from '../documents/document.js';
import type { Finding } from '../base/finding.js';
import { isCachedCodeFile, isCachedDocument } from './cacheEntryShape.js';
import type { FileRequirements } from '../requirements/fileRequirements.js';

/**
 * What a check remembers between runs, so a warm `rationale check` neither reads nor parses files
 * that did not change. Entries are keyed by the file's stamp (the workspace's cheap change
 * detector, e.g. size and modification time) and by a key of everything else the result depends
 * on: the parse settings for documents, the compiled rules for code files. A different key
 * empties that section, so stale results are never served. Pure data: the CLI persists it.
 */
export interface CheckCache {
  /** How many entries the last run left: none means this run reads everything. */
  readonly loaded: number;
  document(path: string, stamp: string, parseKey: string): RationaleDocument | undefined;
  rememberDocument(path: string, stamp: string, parseKey: string, doc: RationaleDocument): void;
  codeFile(path: string, stamp: string, checkKey: string): CachedCodeFile | undefined;
  rememberCodeFile(path: string, stamp: string, checkKey: string, entry: CachedCodeFile): void;
}

/** A code file's contribution to a check: its annotations and the rule findings in it. */
export interface CachedCodeFile {
  /** Present when the file has annotations or exceptions, with the content hash the index keeps for them. */
  annotations?: FileAnnotations;
  hash?: string;
  ruleFindings: Finding[];
  /** Whether a rule or an annotation made the check look at this file (for the summary's count). */
  checked: boolean;
  /** Requirement items and coverage tags, when the file has any. */
  requirements?: FileRequirements;
}

/** The plain form: entries as objects, as tests build and inspect them. */
export interface CheckCacheData {
  parseKey?: string;
  checkKey?: string;
  documents: Record<string, { stamp: string; doc: RationaleDocument }>;
  files: Record<string, { stamp: string; entry: CachedCodeFile }>;
}

/**
 * An entry as a cache file holds it: the stamp, and the entry in its stored form, decoded only when
 * a run replays it (most of a large tree's entries are replayed, but memory holds the compact form
 * until then, and an entry of a deleted file is never decoded at all).
 */
export interface StoredEntry {
  stamp: string;
  stored: unknown;
}

/** What a cache file held: both sections under their keys, with the decoder of their stored forms. */
export interface StoredCache {
  parseKey?: string;
  checkKey?: string;
  documents: ReadonlyMap<string, StoredEntry>;
  files: ReadonlyMap<string, StoredEntry>;
  /** Each returns undefined for a stored form it cannot read: a miss. */
  decodeDocument: (path: string, stored: unknown) => RationaleDocument | undefined;
  decodeCodeFile: (path: string, stored: unknown) => CachedCodeFile | undefined;
}

/** One entry of this run, for writing. */
export interface CacheEntry<T> {
  path: string;
  stamp: string;
  value: T;
}

/**
 * A cache loaded from a file (or plain data, or empty). Only entries looked up or remembered in
 * this run are written back, so files deleted since the last run drop out on their own.
 */
export class MemoryCheckCache implements CheckCache {
  private readonly documents: CacheSection<RationaleDocument>;
  private readonly files: CacheSection<CachedCodeFile>;

  constructor(data?: CheckCacheData | StoredCache) {
    const stored = data && 'decodeCodeFile' in data ? data : fromPlain(data ?? { documents: {}, files: {} });
    // Entries come from a file on disk: anything of the wrong shape is a miss, never a crash.
    this.documents = new CacheSection(stored.parseKey, stored.documents, (p, x) => checked(stored.decodeDocument(p, x), isCachedDocument));
    this.files = new CacheSection(stored.checkKey, stored.files, (p, x) => checked(stored.decodeCodeFile(p, x), isCachedCodeFile));
  }

  get loaded(): number {
    return this.documents.loaded + this.files.loaded;
  }

  document(path: string, stamp: string, parseKey: string): RationaleDocument | undefined {
    return this.documents.get(path, stamp, parseKey);
  }

  rememberDocument(path: string, stamp: string, parseKey: string, doc: RationaleDocument): void {
    this.documents.put(path, stamp, parseKey, doc);
  }

  codeFile(path: string, stamp: string, checkKey: string): CachedCodeFile | undefined {
    return this.files.get(path, stamp, checkKey);
  }

  rememberCodeFile(path: string, stamp: string, checkKey: string, entry: CachedCodeFile): void {
    this.files.put(path, stamp, checkKey, entry);
  }

  /** Whether this run's entries differ from the loaded ones, i.e. whether saving is worth it. */
  changed(): boolean {
    return this.documents.changed() || this.files.changed();
  }

  /** The keys this run's entries were made under. */
  keys(): { parseKey?: string; checkKey?: string } {
    return { parseKey: this.documents.nextKey, checkKey: this.files.nextKey };
  }

  documentEntries(): Iterable<CacheEntry<RationaleDocument>> {
    return this.documents.entries();
  }

  codeFileEntries(): Iterable<CacheEntry<CachedCodeFile>> {
    return this.files.entries();
  }

  /** This run's entries in the plain form. */
  toData(): CheckCacheData {
    const documents: CheckCacheData['documents'] = {};
    const files: CheckCacheData['files'] = {};
    for (const e of this.documentEntries()) put(documents, e.path, { stamp: e.stamp, doc: e.value });
    for (const e of this.codeFileEntries()) put(files, e.path, { stamp: e.stamp, entry: e.value });
    return { ...this.keys(), documents, files };
  }
}

function fromPlain(data: CheckCacheData): StoredCache {
  const entries = (record: Record<string, unknown> | undefined, field: 'doc' | 'entry') => {
    const out = new Map<string, StoredEntry>();
    for (const [path, e] of Object.entries(record ?? {})) {
      const stamp = (e as { stamp?: unknown } | null)?.stamp;
      if (typeof stamp === 'string') out.set(path, { stamp, stored: (e as Record<string, unknown>)[field] });
    }
    return out;
  };
  return {
    parseKey: data.parseKey,
    checkKey: data.checkKey,
    documents: entries(data.documents, 'doc'),
    files: entries(data.files, 'entry'),
    decodeDocument: (_p, x) => x as RationaleDocument,
    decodeCodeFile: (_p, x) => x as CachedCodeFile,
  };
}

function checked<T>(value: unknown, valid: (x: unknown) => x is T): T | undefined {
  return valid(value) ? value : undefined;
}

/** One kind of entry under one key: a different key empties it, so stale results are never served. */
class CacheSection<T> {
  private readonly next = new Map<string, { stamp: string; value: T }>();
  nextKey: string | undefined;
  private remembered = 0;

  constructor(
    private readonly key: string | undefined,
    private readonly old: ReadonlyMap<string, StoredEntry>,
    private readonly decode: (path: string, stored: unknown) => T | undefined,
  ) {
    this.nextKey = key;
  }

  get(path: string, stamp: string, key: string): T | undefined {
    const e = this.key === key ? this.old.get(path) : undefined;
    if (e?.stamp !== stamp) return undefined;
    const value = this.decode(path, e.stored);
    if (value === undefined) return undefined;
    this.next.set(path, { stamp, value });
    return value;
  }

  put(path: string, stamp: string, key: string, value: T): void {
    if (this.nextKey !== key) {
      this.nextKey = key;
      this.next.clear();
    }
    this.next.set(path, { stamp, value });
    this.remembered++;
  }

  get loaded(): number {
    return this.old.size;
  }

  changed(): boolean {
    // Only hits: the same entries unless some old ones were not looked up (deleted files).
    return this.remembered > 0 || this.nextKey !== this.key || this.old.size !== this.next.size;
  }

  *entries(): Iterable<CacheEntry<T>> {
    for (const [path, e] of this.next) yield { path, stamp: e.stamp, value: e.value };
  }
}

// Paths come from the repository: a file named `__proto__` must be a key, not a prototype.
function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
