import type { RationaleDocument } from '../documents/document.js';
import type { CachedCodeFile, StoredEntry } from './checkCache.js';
import { MemoryCheckCache } from './checkCache.js';
import { decodeCodeFile, encodeCodeFile } from './compactCodeFile.js';

/**
 * The check cache as a file of JSON lines, written and read one record at a time, so neither side
 * ever holds the whole file's text or one tree of objects for all of it:
 *
 *   {"rationaleCheckCache":2,"tool":…,"root":…,"parseKey":…,"checkKey":…}   the header
 *   ["s",index,"text"]        a shared string, defined before the first record that uses it
 *   ["d",path,stamp,document] a document's parse
 *   ["f",path,stamp,entry]    a code file's entry, in the compact form of compactCodeFile.ts
 *
 * A line that does not parse, or a record that does not decode, is only that entry's miss; a
 * header of another format, tool or root voids the whole file.
 */
export const cacheRecordFormat = 2;

/** Who wrote the cache: a file written by another build or for another root is not used. */
export interface CacheOwner {
  tool: string;
  root: string;
}

interface CacheHeader extends CacheOwner {
  rationaleCheckCache: number;
  parseKey?: string;
  checkKey?: string;
}

/** The file's lines (without their line breaks), header first. */
export function* cacheRecordLines(cache: MemoryCheckCache, owner: CacheOwner): Generator<string> {
  const header: CacheHeader = { rationaleCheckCache: cacheRecordFormat, tool: owner.tool, root: owner.root, ...cache.keys() };
  yield JSON.stringify(header);
  for (const e of cache.documentEntries()) yield JSON.stringify(['d', e.path, e.stamp, e.value]);
  const table = new Map<string, number>();
  const fresh: string[] = [];
  const intern = (s: string): number => {
    let i = table.get(s);
    if (i === undefined) {
      i = table.size;
      table.set(s, i);
      fresh.push(s);
    }
    return i;
  };
  for (const e of cache.codeFileEntries()) {
    const record = JSON.stringify(['f', e.path, e.stamp, encodeCodeFile(e.path, e.value, intern)]);
    for (const s of fresh) yield JSON.stringify(['s', table.get(s), s]);
    fresh.length = 0;
    yield record;
  }
}

/**
 * Why a header line voids the file, or undefined when it is this build's for this root. Another
 * build's cache is `expected` (every upgrade or rebuild leaves one): only the others are worth a log line.
 */
function headerProblem(header: unknown, owner: CacheOwner): { problem: string; expected?: boolean } | undefined {
  const h = header as Partial<CacheHeader> | null;
  if (typeof h !== 'object' || h === null || Array.isArray(h) || typeof h.rationaleCheckCache !== 'number') return { problem: 'it has no valid header (a cache of an older format, or a damaged file)' };
  if (h.rationaleCheckCache !== cacheRecordFormat) return { problem: `it is of format ${h.rationaleCheckCache}, not ${cacheRecordFormat}` };
  if (h.tool !== owner.tool) return { problem: 'it was written by another build of Rationale', expected: true };
  if (h.root !== owner.root) return { problem: 'it belongs to another folder' };
  return undefined;
}

/** Strings defined past this index are refused: a damaged index must not grow the table without end. */
const maxStrings = 1 << 24;

/**
 * Reads a cache file line by line. Records are kept in their stored form and decoded when a run
 * replays them; the shared strings are the only other thing held.
 */
export class CacheRecordReader {
  /** Why the file is not used, once its header was read; undefined while it is usable. */
  problem: string | undefined;
  /** Whether that is the normal case of a cache left by another build. */
  problemExpected = false;
  /** Lines that were damaged, too long or of an unknown kind, each costing one entry at most. */
  skipped = 0;
  private header: CacheHeader | undefined;
  private readonly documents = new Map<string, StoredEntry>();
  private readonly files = new Map<string, StoredEntry>();
  private readonly strings: (string | undefined)[] = [];

  constructor(private readonly owner: CacheOwner) {}

  /** Takes the next line (undefined: a line too long to read); returns false once the rest is not worth reading. */
  add(line: string | undefined): boolean {
    if (this.problem !== undefined) return false;
    if (!this.header) return this.readHeader(line);
    const r = line === undefined ? undefined : parseLine(line);
    if (!Array.isArray(r) || !this.addRecord(r)) this.skipped++;
    return true;
  }

  /** The cache the file held; empty when its header voided it. */
  cache(): MemoryCheckCache {
    if (!this.header) return new MemoryCheckCache();
    const strings = this.strings;
    return new MemoryCheckCache({
      parseKey: this.header.parseKey,
      checkKey: this.header.checkKey,
      documents: this.documents,
      files: this.files,
      decodeDocument: (_path, stored) => stored as RationaleDocument,
      decodeCodeFile: (path, stored): CachedCodeFile | undefined => decodeCodeFile(path, stored, strings),
    });
  }

  private readHeader(line: string | undefined): boolean {
    const header = line === undefined ? undefined : parseLine(line);
    const problem = headerProblem(header, this.owner);
    this.problem = problem?.problem;
    this.problemExpected = problem?.expected ?? false;
    if (!problem) this.header = header as CacheHeader;
    return this.problem === undefined;
  }

  private addRecord(r: unknown[]): boolean {
    const [kind, a, b, c] = r;
    if (kind === 's' && r.length === 3 && Number.isInteger(a) && (a as number) >= 0 && (a as number) < maxStrings && typeof b === 'string') {
      this.strings[a as number] = b;
      return true;
    }
    if ((kind !== 'd' && kind !== 'f') || r.length !== 4 || typeof a !== 'string' || typeof b !== 'string') return false;
    (kind === 'd' ? this.documents : this.files).set(a, { stamp: b, stored: c });
    return true;
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    // A damaged line (a hand edit, a disk error): undefined, and the caller skips that one record.
    return undefined;
  }
}
