import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import type { MemoryCheckCache } from '../core/checks/checkCache.js';
import { CacheRecordReader, cacheRecordLines, type CacheOwner } from '../core/checks/checkCacheRecords.js';
import { readLinesOfRegularFile } from './readLinesOfRegularFile.js';
import { runSteps } from '../core/base/steps.js';

/**
 * Where `rationale check` keeps its cache between runs: one JSON Lines file per workspace root, outside
 * the repository (the user's cache folder), so a check never adds files to the tree it checks.
 */
export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RATIONALE_CACHE_DIR) return nodePath.resolve(env.RATIONALE_CACHE_DIR);
  const base = env.XDG_CACHE_HOME ? nodePath.resolve(env.XDG_CACHE_HOME) : nodePath.join(os.homedir(), '.cache');
  return nodePath.join(base, 'rationale');
}

/**
 * The largest cache file worth reading: far above what a huge monorepo writes (an entry is tens of
 * bytes for most files). Lines are read one at a time, so this bounds the time a load can take,
 * not its memory.
 */
const maxCacheBytes = 1024 * 1024 * 1024;

/** The longest record: a document's parse, bounded by the largest file the workspace reads. */
const maxLineBytes = 64 * 1024 * 1024;

/** Lines are written in batches of about this size. */
const writeBatchBytes = 1 << 20;

export class CheckCacheStore {
  readonly file: string;
  /** Where an earlier format kept its cache (one JSON document); removed once a cache is saved. */
  private readonly legacyFile: string;
  /**
   * Why the last load did not use the file although there was one (a damaged header, another
   * format), for the log; undefined when it was used, or when there was none.
   */
  loadProblem: string | undefined;

  constructor(
    private readonly root: string,
    private readonly toolVersion: string,
    folder = defaultCacheFolder(),
  ) {
    const id = createHash('sha256').update(nodePath.resolve(root)).digest('hex').slice(0, 16);
    this.file = nodePath.join(folder, `check-${id}.jsonl`);
    this.legacyFile = nodePath.join(folder, `check-${id}.json`);
  }

  private get owner(): CacheOwner {
    return { tool: this.toolVersion, root: nodePath.resolve(this.root) };
  }

  /**
   * The cache of the last run, or an empty one, read line by line: memory holds the records kept,
   * never the file's text. A missing, unreadable or foreign file is not an error: the check just
   * runs cold and writes a fresh cache; a damaged line costs its own entry only.
   */
  load(): MemoryCheckCache {
    const reader = new CacheRecordReader(this.owner);
    // Only a regular file of bounded size: a FIFO would block the check forever, and a symlink to
    // /dev/zero would read without end.
    const failed = readLinesOfRegularFile(this.file, { maxBytes: maxCacheBytes, maxLineBytes }, (line) => reader.add(line));
    this.loadProblem = failed && !failed.vanished ? `the check cache ${this.file} was not read: ${failed.problem}; the check runs without it` : undefined;
    if (reader.problem && !reader.problemExpected) this.loadProblem = `the check cache ${this.file} was ignored: ${reader.problem}; it is rebuilt`;
    if (reader.skipped > 0) this.loadProblem = `the check cache ${this.file} had ${reader.skipped} damaged line(s); the files they held are checked again`;
    return reader.cache();
  }

  /**
   * Writes the cache atomically (a temporary file, written a batch of lines at a time, renamed over
   * the old one), so a crash or a concurrent run leaves either the old cache or the new one, never
   * half of one. Returns an error message instead of throwing: a cache that cannot be written
   * costs speed only.
   */
  save(cache: MemoryCheckCache): string | undefined {
    return runSteps(this.saveSteps(cache));
  }

  /**
   * `save` a record at a time: the language server writes its cache in slices between requests (a
   * cache of 100,000 files took seconds to encode). Ended early (`return()`), it removes its
   * temporary file and leaves the old cache as it was.
   */
  *saveSteps(cache: MemoryCheckCache): Generator<void, string | undefined> {
    if (!cache.changed()) return undefined;
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    let fd: number | undefined;
    // Set once the temporary file is renamed or cleaned up: `finally` must not close `fd` twice.
    let settled = false;
    try {
      fs.mkdirSync(nodePath.dirname(this.file), { recursive: true });
      fd = fs.openSync(tmp, 'w');
      let batch: string[] = [];
      let batchLength = 0;
      for (const line of cacheRecordLines(cache, this.owner)) {
        batch.push(line);
        batchLength += line.length + 1;
        yield;
        if (batchLength < writeBatchBytes) continue;
        writeAll(fd, batch);
        batch = [];
        batchLength = 0;
      }
      writeAll(fd, batch);
      fs.closeSync(fd);
      fd = undefined;
      fs.renameSync(tmp, this.file);
      settled = true;
    } catch (e) {
      settled = true;
      return `could not write the check cache ${this.file}: ${(e as Error).message}${cleanUp(fd, tmp)}`;
    } finally {
      // Ended early by its caller (`return()` at a `yield`): no half-written file is left behind. If
      // even the removal fails, the stray `.tmp` in the cache folder is never read as a cache, so
      // the message has no one to tell that would act on it.
      if (!settled) cleanUp(fd, tmp);
    }
    return removeLegacy(this.legacyFile);
  }
}

function writeAll(fd: number, lines: readonly string[]): void {
  if (lines.length === 0) return;
  const bytes = Buffer.from(lines.join('\n') + '\n', 'utf8');
  for (let off = 0; off < bytes.length; ) off += fs.writeSync(fd, bytes, off, bytes.length - off);
}

/** Closes and removes a half-written temporary file; says so when even that fails. */
function cleanUp(fd: number | undefined, tmp: string): string {
  try {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    return '';
  } catch (e) {
    return ` (and ${tmp} could not be removed: ${(e as Error).message})`;
  }
}

/** The cache of the earlier format is never read again: removing it frees its space (tens of MB in a large tree). */
function removeLegacy(file: string): string | undefined {
  try {
    fs.rmSync(file, { force: true });
    return undefined;
  } catch (e) {
    return `could not remove the old check cache ${file}: ${(e as Error).message}`;
  }
}
