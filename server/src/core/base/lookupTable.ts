/**
 * A constant lookup table safe to index with text from the repository. Plain object literals
 * inherit from Object.prototype, so `table['constructor']` or `table['__proto__']` would return
 * a function or an object (a file named `constructor`, `status: toString`) instead of undefined.
 */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T | undefined>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
