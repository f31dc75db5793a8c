import type { FileAnnotations } from './annotations/codeReference.js';
import type { RationaleDocument } from './document.js';
import type { Finding } from './finding.js';

/**
 * What a check remembers between runs, so a warm `rationale check` neither reads nor parses files
 * that did not change. Entries are keyed by the file's stamp (the workspace's cheap change
 * detector, e.g. size and modification time) and by a key of everything else the result depends
 * on: the parse settings for documents, the compiled rules for code files. A different key
 * empties that section, so stale results are never served. Pure data: the CLI persists it.
 */
export interface CheckCache {
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
  private readonly old: CheckCacheData;
  private readonly next: CheckCacheData;
  hits = 0;
  misses = 0;
  private remembered = 0;

  constructor(data?: CheckCacheData) {
    this.old = data ?? { documents: {}, files: {} };
    this.next = { parseKey: this.old.parseKey, checkKey: this.old.checkKey, documents: {}, files: {} };
  }

  document(path: string, stamp: string, parseKey: string): RationaleDocument | undefined {
    const e = this.old.parseKey === parseKey ? own(this.old.documents, path) : undefined;
    if (e?.stamp === stamp && typeof e.doc?.path === 'string' && Array.isArray(e.doc.links) && Array.isArray(e.doc.rules) && Array.isArray(e.doc.problems)) {
      this.hits++;
      put(this.next.documents, path, e);
      return e.doc;
    }
    this.misses++;
    return undefined;
  }

  rememberDocument(path: string, stamp: string, parseKey: string, doc: RationaleDocument): void {
    if (this.next.parseKey !== parseKey) {
      this.next.parseKey = parseKey;
      this.next.documents = {};
    }
    put(this.next.documents, path, { stamp, doc });
    this.remembered++;
  }

  codeFile(path: string, stamp: string, checkKey: string): CachedCodeFile | undefined {
    const e = this.old.checkKey === checkKey ? own(this.old.files, path) : undefined;
    if (e?.stamp === stamp && Array.isArray(e.entry?.ruleFindings) && (e.entry.annotations === undefined || typeof e.entry.hash === 'string')) {
      this.hits++;
      put(this.next.files, path, e);
      return e.entry;
    }
    this.misses++;
    return undefined;
  }

  rememberCodeFile(path: string, stamp: string, checkKey: string, entry: CachedCodeFile): void {
    if (this.next.checkKey !== checkKey) {
      this.next.checkKey = checkKey;
      this.next.files = {};
    }
    put(this.next.files, path, { stamp, entry });
    this.remembered++;
  }

  /** Whether this run's entries differ from the loaded ones, i.e. whether saving is worth it. */
  changed(): boolean {
    if (this.remembered > 0 || this.old.parseKey !== this.next.parseKey || this.old.checkKey !== this.next.checkKey) return true;
    // Only hits: the same entries unless some old ones were not looked up (deleted files).
    return Object.keys(this.old.documents).length !== Object.keys(this.next.documents).length || Object.keys(this.old.files).length !== Object.keys(this.next.files).length;
  }

  /** What to persist: the entries of this run. */
  toData(): CheckCacheData {
    return this.next;
  }
}

// Paths come from the repository: a file named `__proto__` must be a key, not a prototype.
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
