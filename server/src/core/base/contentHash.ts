/** FNV-1a over UTF-16 code units: cheap, stable across runs, good enough to key caches (not for security). */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}-${text.length.toString(16)}`;
}
