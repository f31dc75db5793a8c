/**
 * An immutable map from strings to values, iterated in key order (`<`, UTF-16 code units, as
 * `Array.prototype.sort` orders strings). `set` and `delete` return a new map that shares every
 * untouched chunk with the old one, so an index update costs one chunk and the chunk directory,
 * not a copy of the whole table, and a reader holding the old map never sees it change.
 *
 * Two levels suffice at workspace sizes: with chunks of up to 128 entries, 100,000 keys make a
 * directory of about a thousand chunks, which is cheap to copy.
 */
const maxChunk = 128;
/** A chunk this small after a delete is merged into a neighbour, so deletes cannot fragment the directory. */
const mergeBelow = maxChunk / 4;

interface Chunk<V> {
  readonly keys: readonly string[];
  readonly values: readonly V[];
}

/** The first index in sorted `keys` whose key is not below `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class PersistentSortedMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly chunks: readonly Chunk<V>[],
    /** The first key of each chunk, to find a key's chunk by binary search. */
    private readonly firsts: readonly string[],
    readonly size: number,
  ) {}

  static empty<V>(): PersistentSortedMap<V> {
    return new PersistentSortedMap<V>([], [], 0);
  }

  /** A map of `entries` in any order; a later entry of a key wins, as with `new Map`. */
  static of<V>(entries: Iterable<readonly [string, V]>): PersistentSortedMap<V> {
    const byKey = new Map(entries);
    const keys = [...byKey.keys()].sort();
    const chunks: Chunk<V>[] = [];
    // Half-full chunks leave room for inserts before the first split.
    for (let i = 0; i < keys.length; i += maxChunk / 2) {
      const chunkKeys = keys.slice(i, i + maxChunk / 2);
      chunks.push({ keys: chunkKeys, values: chunkKeys.map((k) => byKey.get(k)!) });
    }
    return new PersistentSortedMap(chunks, chunks.map((c) => c.keys[0]), keys.length);
  }

  get(key: string): V | undefined {
    if (this.size === 0) return undefined;
    const chunk = this.chunks[this.chunkOf(key)];
    const i = lowerBound(chunk.keys, key);
    return chunk.keys[i] === key ? chunk.values[i] : undefined;
  }

  has(key: string): boolean {
    if (this.size === 0) return false;
    const chunk = this.chunks[this.chunkOf(key)];
    return chunk.keys[lowerBound(chunk.keys, key)] === key;
  }

  /** The map with `key` set to `value`; this same map when it already holds that very value. */
  set(key: string, value: V): PersistentSortedMap<V> {
    if (this.size === 0) return new PersistentSortedMap([{ keys: [key], values: [value] }], [key], 1);
    const c = this.chunkOf(key);
    const chunk = this.chunks[c];
    const i = lowerBound(chunk.keys, key);
    if (chunk.keys[i] === key) {
      if (chunk.values[i] === value) return this;
      const values = chunk.values.slice();
      values[i] = value;
      return this.replaced(c, c + 1, [{ keys: chunk.keys, values }], this.size);
    }
    const keys = chunk.keys.slice();
    const values = chunk.values.slice();
    keys.splice(i, 0, key);
    values.splice(i, 0, value);
    const half = keys.length >> 1;
    const parts = keys.length <= maxChunk
      ? [{ keys, values }]
      : [{ keys: keys.slice(0, half), values: values.slice(0, half) }, { keys: keys.slice(half), values: values.slice(half) }];
    return this.replaced(c, c + 1, parts, this.size + 1);
  }

  /** The map without `key`; this same map when it has no such key. */
  delete(key: string): PersistentSortedMap<V> {
    if (this.size === 0) return this;
    const c = this.chunkOf(key);
    const chunk = this.chunks[c];
    const i = lowerBound(chunk.keys, key);
    if (chunk.keys[i] !== key) return this;
    const keys = chunk.keys.filter((_, j) => j !== i);
    const values = chunk.values.filter((_, j) => j !== i);
    if (keys.length === 0) return this.replaced(c, c + 1, [], this.size - 1);
    if (keys.length < mergeBelow) {
      const next = this.chunks[c + 1];
      if (next && keys.length + next.keys.length <= maxChunk) {
        return this.replaced(c, c + 2, [{ keys: [...keys, ...next.keys], values: [...values, ...next.values] }], this.size - 1);
      }
      const prev = this.chunks[c - 1];
      if (prev && keys.length + prev.keys.length <= maxChunk) {
        return this.replaced(c - 1, c + 1, [{ keys: [...prev.keys, ...keys], values: [...prev.values, ...values] }], this.size - 1);
      }
    }
    return this.replaced(c, c + 1, [{ keys, values }], this.size - 1);
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const chunk of this.chunks) for (let i = 0; i < chunk.keys.length; i++) callback.call(thisArg, chunk.values[i], chunk.keys[i], this);
  }

  entries(): MapIterator<[string, V]> {
    return this.walk((k, v) => [k, v] as [string, V]);
  }

  keys(): MapIterator<string> {
    return this.walk((k) => k);
  }

  values(): MapIterator<V> {
    return this.walk((_, v) => v);
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  private *walk<T>(pick: (key: string, value: V) => T): Generator<T, undefined, unknown> {
    for (const chunk of this.chunks) for (let i = 0; i < chunk.keys.length; i++) yield pick(chunk.keys[i], chunk.values[i]);
    return undefined;
  }

  /** The chunk a key belongs in: the last whose first key is not above it (the first chunk for smaller keys). */
  private chunkOf(key: string): number {
    const firsts = this.firsts;
    let lo = 0;
    let hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A map whose chunks `from` … `to - 1` are replaced by `parts`; every other chunk is shared. */
  private replaced(from: number, to: number, parts: readonly Chunk<V>[], size: number): PersistentSortedMap<V> {
    const chunks = [...this.chunks.slice(0, from), ...parts, ...this.chunks.slice(to)];
    const firsts = [...this.firsts.slice(0, from), ...parts.map((p) => p.keys[0]), ...this.firsts.slice(to)];
    return new PersistentSortedMap(chunks, firsts, size);
  }
}
