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

/** The serialised form: plain JSON. */
export interface CheckCacheData {
  parseKey?: string;
  checkKey?: string;
  documents: Record<string, { stamp: string; doc: RationaleDocument }>;
  files: Record<string, { stamp: string; entry: CachedCodeFile }>;
}

/**
 * A cache loaded from data (or empty). Only entries looked up or remembered in this run are
 * written back, so files deleted since the last run drop out on their own.
 */
export class MemoryCheckCache implements CheckCache {
  private readonly documents: CacheSection<RationaleDocument>;
  private readonly files: CacheSection<CachedCodeFile>;

  constructor(data?: CheckCacheData) {
    const old = data ?? { documents: {}, files: {} };
    this.documents = new CacheSection(old.parseKey, mapValues(old.documents, (e) => ({ stamp: e?.stamp, value: e?.doc })), isCachedDocument);
    this.files = new CacheSection(old.checkKey, mapValues(old.files, (e) => ({ stamp: e?.stamp, value: e?.entry })), isCachedCodeFile);
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

  /** What to persist: the entries of this run. */
  toData(): CheckCacheData {
    const docs = this.documents.toData();
    const files = this.files.toData();
    return {
      parseKey: docs.key,
      checkKey: files.key,
      documents: mapValues(docs.entries, (e) => ({ stamp: e.stamp, doc: e.value })),
      files: mapValues(files.entries, (e) => ({ stamp: e.stamp, entry: e.value })),
    };
  }
}

interface Stamped<T> {
  stamp: string;
  value: T;
}

/** One kind of entry under one key: a different key empties it, so stale results are never served. */
class CacheSection<T> {
  private readonly next: Record<string, Stamped<T>> = {};
  private nextKey: string | undefined;
  private remembered = 0;

  constructor(
    private readonly key: string | undefined,
    private readonly old: Record<string, { stamp?: unknown; value?: unknown }>,
    /** Entries come from a file on disk: anything of the wrong shape is a miss, never a crash. */
    private readonly valid: (value: unknown) => value is T,
  ) {
    this.nextKey = key;
  }

  get(path: string, stamp: string, key: string): T | undefined {
    const e = this.key === key ? own(this.old, path) : undefined;
    if (e?.stamp !== stamp || !this.valid(e.value)) return undefined;
    put(this.next, path, { stamp, value: e.value });
    return e.value;
  }

  put(path: string, stamp: string, key: string, value: T): void {
    if (this.nextKey !== key) {
      this.nextKey = key;
      for (const p of Object.keys(this.next)) delete this.next[p];
    }
    put(this.next, path, { stamp, value });
    this.remembered++;
  }

  get loaded(): number {
    return Object.keys(this.old).length;
  }

  changed(): boolean {
    // Only hits: the same entries unless some old ones were not looked up (deleted files).
    return this.remembered > 0 || this.nextKey !== this.key || Object.keys(this.old).length !== Object.keys(this.next).length;
  }

  toData(): { key: string | undefined; entries: Record<string, Stamped<T>> } {
    return { key: this.nextKey, entries: this.next };
  }
}

function mapValues<A, B>(record: Record<string, A> | undefined, f: (a: A) => B): Record<string, B> {
  const out: Record<string, B> = {};
  for (const k of Object.keys(record ?? {})) put(out, k, f(record![k]));
  return out;
}

// Paths come from the repository: a file named `__proto__` must be a key, not a prototype.
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
