import { MemoryCheckCache } from '../../server/src/core/checks/checkCache.js';
import { CacheRecordReader, cacheRecordLines, type CacheOwner } from '../../server/src/core/checks/checkCacheRecords.js';

export const testCacheOwner: CacheOwner = { tool: 'test', root: '/workspace' };

/** The lines the CLI would write for this cache. */
export function cacheFileLines(cache: MemoryCheckCache): string[] {
  return [...cacheRecordLines(cache, testCacheOwner)];
}

/** Reads lines as the CLI reads its cache file, one at a time. */
export function readCacheLines(lines: readonly string[]): { cache: MemoryCheckCache; reader: CacheRecordReader } {
  const reader = new CacheRecordReader(testCacheOwner);
  for (const line of lines) if (!reader.add(line)) break;
  return { cache: reader.cache(), reader };
}

/** The cache as the CLI would persist and reload it: through its record lines. */
export function throughCacheFile(cache: MemoryCheckCache): MemoryCheckCache {
  return readCacheLines(cacheFileLines(cache)).cache;
}
