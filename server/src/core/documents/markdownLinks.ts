import { closesFence, fenceOpenedBy } from './codeFence.js';

/**
 * Relative-link candidates in Markdown, found by a linear scan instead of a full remark parse.
 * remark reads Markdown at about 1 MB/s, too slow to parse every decision's whole body on every
 * index; documents are parsed with remark only as far as their header and Status section (see
 * parseDocument.ts), and their links come from here. A differential test holds this scanner to
 * remark's reading of links and definitions on the corpora and on generated documents.
 */
export interface ScannedLink {
  url: string;
  /** Offsets of the whole construct: `[text](url)` or the definition line `[id]: url`. */
  start: number;
  end: number;
  kind: 'link' | 'definition';
}

/**
 * Code fences inside list items or block quotes need real container parsing; documents that have
 * them are read by remark instead (they are rare in decision records).
 */
export function needsFullParse(text: string): boolean {
  return /^ {0,3}(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?)+(?:`{3,}|~{3,})/m.test(text);
}

export function scanMarkdownLinks(text: string, from = 0): ScannedLink[] {
  const out: ScannedLink[] = [];
  let pos = from;
  let fence: string | undefined;
  let inHtmlComment = false;
  let blockStart = -1;
  const flush = (end: number) => {
    if (blockStart >= 0) scanBlock(text, blockStart, end, out);
    blockStart = -1;
  };
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol);
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (inHtmlComment) {
      if (line.includes('-->')) inHtmlComment = false;
    } else {
      const opened = fenceOpenedBy(line);
      if (opened) {
        flush(pos);
        fence = opened;
      } else if (line.trim() === '') flush(pos);
      else if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line)) {
        // An ATX heading is a block of its own: it ends a paragraph and cannot continue one.
        flush(pos);
        scanBlock(text, pos, eol, out);
      }
      else if (/^ {0,3}<!--/.test(line)) {
        // An HTML comment block runs to the line holding `-->`, that whole line included.
        flush(pos);
        inHtmlComment = !line.slice(line.indexOf('<!--') + 4).includes('-->');
      } else if (blockStart < 0) blockStart = pos;
    }
    if (eol === text.length) break;
    pos = eol + 1;
  }
  flush(text.length);
  return out;
}

/** A line break that does not start a blank line: titles may span lines, but not paragraphs. */
const softBreak = String.raw`\n(?![ \t]*(?:\n|$))`;
/** A title in `"…"`, `'…'` or `(…)`, with backslash escapes. */
const title = [
  String.raw`"(?:[^"\\\n]|\\[^]|${softBreak})*"`,
  String.raw`'(?:[^'\\\n]|\\[^]|${softBreak})*'`,
  String.raw`\((?:[^()\\\n]|\\[^]|${softBreak})*\)`,
].join('|');

/**
 * `[id]: destination "title"`. The destination may follow on the next line, and so may the title:
 * a line holding only a title belongs to the definition before it, so another definition may follow
 * it. A title followed by other text is no title; the definition then ends with its destination.
 */
const definitionLine = new RegExp(
  String.raw`^ {0,3}\[((?:[^\[\]\\\n]|\\.){1,999})\]:[ \t]*(?:\n[ \t]*)?(<(?:[^<>\\\n]|\\.)*>|(?!<)[^\s\x00-\x1f\x7f]+)` +
    String.raw`(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:${title}))?[ \t]*(?=\n|$)`,
);

const containerPrefix = /^ {0,3}(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?)+/;

/** Scans one paragraph-like block (consecutive non-blank lines outside code fences). */
function scanBlock(text: string, start: number, end: number, out: ScannedLink[]): void {
  let i = start;
  let lineStart = true;
  let paragraphOpen = false;
  while (i < end) {
    if (lineStart) {
      lineStart = false;
      // A definition may start a paragraph: the block's first line, or a new list item or quote.
      const lineEnd = text.indexOf('\n', i);
      const line = text.slice(i, lineEnd < 0 || lineEnd > end ? end : lineEnd);
      const prefix = containerPrefix.exec(line)?.[0] ?? '';
      if (!paragraphOpen || prefix) {
        const m = definitionLine.exec(text.slice(i + prefix.length, end));
        if (m && m[1].trim() !== '' && (m[2].startsWith('<') || parenthesesBalance(m[2]))) {
          const url = m[2].startsWith('<') ? m[2].slice(1, -1) : m[2];
          const s = i + prefix.length + (m[0].length - m[0].trimStart().length);
          out.push({ url, start: s, end: i + prefix.length + m[0].length, kind: 'definition' });
          i += prefix.length + m[0].length;
          if (text.charCodeAt(i) === 10) i++;
          lineStart = true;
          continue;
        }
      }
      paragraphOpen = true;
    }
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      i++;
    } else if (c === 92 /* \ */) {
      i += 2;
    } else if (c === 96 /* ` */) {
      let n = 0;
      while (text.charCodeAt(i + n) === 96) n++;
      const close = findBacktickRun(text, i + n, end, n);
      i = close < 0 ? i + n : close + n;
    } else if (c === 60 /* < */) {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        i = close < 0 || close >= end ? i + 4 : close + 3;
      } else {
        const close = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/.exec(text.slice(i, Math.min(end, i + 2000)));
        i += close ? close[0].length : 1;
      }
    } else if (c === 33 /* ! */ && text.charCodeAt(i + 1) === 91) {
      const link = parseInlineLink(text, i + 1, end);
      i = link ? link.end : i + 2;
    } else if (c === 91 /* [ */) {
      const link = parseInlineLink(text, i, end);
      // Links cannot contain links: when the text holds one, only the inner one is a link.
      if (link && !containsLink(text, i + 1, link.end)) {
        out.push({ url: link.url, start: i, end: link.end, kind: 'link' });
        i = link.end;
      } else i++;
    } else i++;
  }
}

/** A destination outside `<…>` may hold parentheses only in balanced pairs (escaped ones aside). */
function parenthesesBalance(destination: string): boolean {
  let depth = 0;
  for (let i = 0; i < destination.length; i++) {
    const c = destination[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function containsLink(text: string, from: number, end: number): boolean {
  for (let j = text.indexOf('[', from); j >= 0 && j < end; j = text.indexOf('[', j + 1)) {
    if (text.charCodeAt(j - 1) === 92 || text.charCodeAt(j - 1) === 33) continue;
    const inner = parseInlineLink(text, j, end);
    if (inner && inner.end < end) return true;
  }
  return false;
}

function findBacktickRun(text: string, from: number, end: number, n: number): number {
  for (let j = from; j < end; j++) {
    if (text.charCodeAt(j) !== 96) continue;
    let k = 0;
    while (text.charCodeAt(j + k) === 96) k++;
    if (k === n) return j;
    j += k;
  }
  return -1;
}

/** `[text](dest "title")` starting at `[`; the link text may hold nested brackets and code spans. */
function parseInlineLink(text: string, open: number, end: number): { url: string; end: number } | undefined {
  let depth = 0;
  let i = open;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 96) {
      let n = 0;
      while (text.charCodeAt(i + n) === 96) n++;
      const close = findBacktickRun(text, i + n, end, n);
      if (close >= 0) i = close + n - 1;
      else i += n - 1;
    } else if (c === 91) depth++;
    else if (c === 93 && --depth === 0) break;
  }
  if (i >= end || text.charCodeAt(i + 1) !== 40 /* ( */) return undefined;
  let j = i + 2;
  while (j < end && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n')) j++;
  let url: string;
  if (text[j] === '<') {
    const close = text.indexOf('>', j);
    if (close < 0 || close >= end || text.slice(j, close).includes('\n')) return undefined;
    url = text.slice(j + 1, close);
    j = close + 1;
  } else {
    let parens = 0;
    const s = j;
    for (; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 40) parens++;
      else if (c === 41) {
        if (parens === 0) break;
        parens--;
      } else if (c <= 32) break;
    }
    url = text.slice(s, j).replace(/\\(.)/g, '$1');
  }
  while (j < end && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n')) j++;
  if (text[j] === '"' || text[j] === "'" || text[j] === '(') {
    const closer = text[j] === '(' ? ')' : text[j];
    const close = text.indexOf(closer, j + 1);
    if (close < 0 || close >= end) return undefined;
    j = close + 1;
    while (j < end && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n')) j++;
  }
  if (text[j] !== ')') return undefined;
  return { url, end: j + 1 };
}
