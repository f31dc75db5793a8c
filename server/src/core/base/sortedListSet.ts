/**
 * A read-only set over a list that is already sorted (`<`) and free of repeats: `has` is a binary
 * search, and making one costs nothing, where `new Set(list)` would hash every entry again. The
 * index's file set is one, so a file list of 100,000 paths does not cost a new hash table whenever
 * a file is created or deleted.
 */
export class SortedListSet implements ReadonlySet<string> {
  private constructor(private readonly list: readonly string[]) {}

  /** A set of `list`: a view of it when it is sorted without repeats, else a plain `Set`. */
  static of(list: readonly string[]): ReadonlySet<string> {
    for (let i = 1; i < list.length; i++) if (!(list[i - 1] < list[i])) return new Set(list);
    return new SortedListSet(list);
  }

  get size(): number {
    return this.list.length;
  }

  has(value: string): boolean {
    const list = this.list;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return list[lo] === value;
  }

  forEach(callback: (value: string, same: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const v of this.list) callback.call(thisArg, v, v, this);
  }

  entries(): SetIterator<[string, string]> {
    return this.walk((v) => [v, v] as [string, string]);
  }

  keys(): SetIterator<string> {
    return this.walk((v) => v);
  }

  values(): SetIterator<string> {
    return this.walk((v) => v);
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  private *walk<T>(pick: (value: string) => T): Generator<T, undefined, unknown> {
    for (const v of this.list) yield pick(v);
    return undefined;
  }
}
