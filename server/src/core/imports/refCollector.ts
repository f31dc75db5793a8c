import { LineMap } from '../range.js';
import { maxSpecifierLength, type ImportRef } from './importRef.js';

/** Collects imports by offset; the line map is only built when a file has any. */
export class RefCollector {
  private lines: LineMap | undefined;
  private readonly found: { start: number; ref: ImportRef }[] = [];

  constructor(private readonly text: string) {}

  /** Adds the specifier at `[start, end)`, read from the original text (the masked copy has blanks in strings). */
  add(start: number, end: number, specifier = this.text.slice(start, end)): void {
    if (specifier.length === 0 || specifier.length > maxSpecifierLength) return;
    this.lines ??= new LineMap(this.text);
    this.found.push({ start, ref: { specifier, range: this.lines.rangeOf(start, end) } });
  }

  refs(): ImportRef[] {
    return this.found.sort((a, b) => a.start - b.start).map((f) => f.ref);
  }
}
