import type { LineMap } from '../base/range.js';
import type { WebLink } from './document.js';

/**
 * The header bullets of an RFC repository's documents (rust-lang/rfcs and its many followers):
 *
 *     - Feature Name: `private_fields`
 *     - Start Date: 2014-03-11
 *     - RFC PR: [rust-lang/rfcs#1](https://github.com/rust-lang/rfcs/pull/1)
 *     - Rust Issue: [rust-lang/rust#8122](https://github.com/rust-lang/rust/issues/8122)
 *
 * They are how such a file says it is an RFC when nothing else (folder, front matter) does.
 */
const rfcBullet = /^[-*+][ \t]+(feature[ \t]+name|start[ \t]+date|rfc[ \t]+pr|rfc[ \t]+issue|[a-z]+[ \t]+issue|tracking[ \t]+issue|implementation[ \t]+pr)[ \t]*#?[ \t]*:[ \t]*(.*)$/i;

/** Files read for the bullets stop looking after this many characters: the bullets open the file. */
const headerLength = 4000;

export interface RfcHeaderBullet {
  /** Lower case, single-spaced: `start date`, `rfc pr`, `rust issue`. */
  key: string;
  value: string;
  /** Offset of the value in the text. */
  valueStart: number;
}

/** The RFC header bullets at the start of a file (before its first level-2 heading), in order. */
export function readRfcHeader(text: string): RfcHeaderBullet[] {
  const out: RfcHeaderBullet[] = [];
  const lineRe = /^.*$/gm;
  const head = text.slice(0, headerLength);
  for (let m = lineRe.exec(head); m; m = lineRe.exec(head)) {
    if (m[0].length === 0) lineRe.lastIndex++;
    const line = m[0].replace(/\r$/, '');
    if (/^#{2,6}\s/.test(line)) break;
    const b = rfcBullet.exec(line);
    if (b) out.push({ key: b[1].toLowerCase().replace(/[ \t]+/g, ' '), value: b[2].trim(), valueStart: m.index + line.length - b[2].length });
    if (lineRe.lastIndex >= head.length) break;
  }
  return out;
}

/**
 * Whether a file's header marks it as an RFC: two different RFC bullets, so that one stray
 * `- Start Date:` in a numbered note is not enough.
 */
export function hasRfcHeader(text: string): boolean {
  return new Set(readRfcHeader(text).map((b) => b.key)).size >= 2;
}

/** The web addresses in the header bullets that name pull requests and issues. */
export function rfcHeaderUrls(text: string, lines: LineMap): WebLink[] {
  const out: WebLink[] = [];
  for (const b of readRfcHeader(text)) {
    if (b.key === 'feature name' || b.key === 'start date') continue;
    const urlRe = /https?:\/\/[^\s)<>\]]+/g;
    for (let u = urlRe.exec(b.value); u; u = urlRe.exec(b.value)) {
      const start = b.valueStart + u.index;
      out.push({ label: b.key, url: u[0], range: lines.rangeOf(start, start + u[0].length) });
    }
  }
  return out;
}

/** The date an RFC was started, as its header writes it. */
export function rfcStartDate(text: string): string | undefined {
  return readRfcHeader(text).find((b) => b.key === 'start date')?.value || undefined;
}
