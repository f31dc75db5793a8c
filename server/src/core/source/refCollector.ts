import type { Position } from '../base/range.js';
import { maxSpecifierLength, type ImportRef } from './importRef.js';

/**
 * Collects imports by offset and converts offsets to positions in one forward pass that stops at
 * the last import: imports sit near the top of most files, and a full line map of every file
 * would cost as much as the scan itself.
 */
export class RefCollector {
  private readonly found: { start: number; end: number; specifier: string }[] = [];

  constructor(private readonly text: string) {}

  /** Adds the specifier at `[start, end)`, read from the original text (the masked copy has blanks in strings). */
  add(start: number, end: number, specifier = this.text.slice(start, end)): void {
    if (specifier.length === 0 || specifier.length > maxSpecifierLength) return;
    this.found.push({ start, end, specifier });
  }

  refs(): ImportRef[] {
    const found = this.found.sort((a, b) => a.start - b.start);
    const offsets = found.flatMap((f) => [f.start, f.end]).sort((a, b) => a - b);
    const positions = new Map<number, Position>();
    let line = 0;
    let lineStart = 0;
    for (const offset of offsets) {
      for (let nl = this.text.indexOf('\n', lineStart); nl >= 0 && nl < offset; nl = this.text.indexOf('\n', lineStart)) {
        line++;
        lineStart = nl + 1;
      }
      positions.set(offset, { line, character: offset - lineStart });
    }
    return found.map((f) => ({ specifier: f.specifier, range: { start: positions.get(f.start)!, end: positions.get(f.end)! } }));
  }
}
