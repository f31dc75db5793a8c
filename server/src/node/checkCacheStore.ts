import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { MemoryCheckCache, type CheckCacheData } from '../core/checks/checkCache.js';
import { readRegularFile } from './readRegularFile.js';

/**
 * Where `rationale check` keeps its cache between runs: one JSON file per workspace root, outside
 * the repository (the user's cache folder), so a check never adds files to the tree it checks.
 */
export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RATIONALE_CACHE_DIR) return nodePath.resolve(env.RATIONALE_CACHE_DIR);
  const base = env.XDG_CACHE_HOME ? nodePath.resolve(env.XDG_CACHE_HOME) : nodePath.join(os.homedir(), '.cache');
  return nodePath.join(base, 'rationale');
}

/**
 * The largest cache file worth reading: far above what a huge monorepo writes (entries are a few
 * hundred bytes per file), and below what a JavaScript string can hold.
 */
const maxCacheBytes = 256 * 1024 * 1024;

/** Bumped whenever the cached shapes change; a cache of another format or tool version is ignored. */
const cacheFormat = 1;

interface CacheFile {
  format: number;
  tool: string;
  root: string;
  data: CheckCacheData;
}

export class CheckCacheStore {
  readonly file: string;

  constructor(
    private readonly root: string,
    private readonly toolVersion: string,
    folder = defaultCacheFolder(),
  ) {
    const id = createHash('sha256').update(nodePath.resolve(root)).digest('hex').slice(0, 16);
    this.file = nodePath.join(folder, `check-${id}.json`);
  }

  /**
   * The cache of the last run, or an empty one. A missing, unreadable, corrupt or foreign file is
   * not an error: the check just runs cold and writes a fresh cache.
   */
  load(): MemoryCheckCache {
    // Only a regular file of bounded size: a FIFO would block the check forever, and a symlink to
    // /dev/zero would fill memory without end.
    const bytes = readRegularFile(this.file, maxCacheBytes);
    if (!Buffer.isBuffer(bytes)) return new MemoryCheckCache();
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      // Corrupt (a crash mid-write of an older version, a hand edit): run cold and write a fresh one.
      return new MemoryCheckCache();
    }
    const f = parsed as Partial<CacheFile> | null;
    const usable =
      f !== null && typeof f === 'object' && f.format === cacheFormat && f.tool === this.toolVersion && f.root === nodePath.resolve(this.root) &&
      typeof f.data === 'object' && f.data !== null && isRecord(f.data.documents) && isRecord(f.data.files);
    return new MemoryCheckCache(usable ? f.data : undefined);
  }

  /**
   * Writes the cache atomically (a temporary file renamed over the old one), so a crash or a
   * concurrent run leaves either the old cache or the new one, never half of one.
   * Returns an error message instead of throwing: a cache that cannot be written costs speed only.
   */
  save(cache: MemoryCheckCache): string | undefined {
    if (!cache.changed()) return undefined;
    const body: CacheFile = { format: cacheFormat, tool: this.toolVersion, root: nodePath.resolve(this.root), data: cache.toData() };
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      fs.mkdirSync(nodePath.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify(body));
      fs.renameSync(tmp, this.file);
      return undefined;
    } catch (e) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing left to clean up
      }
      return `could not write the check cache ${this.file}: ${(e as Error).message}`;
    }
  }
}

function isRecord(x: unknown): boolean {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
