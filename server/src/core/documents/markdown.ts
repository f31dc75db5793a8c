import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// One processor for the process: building it per document costs more than small documents take to parse.
const processor = unified().use(remarkParse);

/**
 * Parses Markdown into mdast. Pure: same text, same tree. `offset` is where `text` starts in its
 * file: positions are shifted by it, so a slice can be parsed and still report file offsets.
 */
export function parseMarkdown(text: string, offset = 0): Root {
  const tree = processor.parse(text) as Root;
  if (offset) shiftOffsets(tree, offset);
  return tree;
}

function shiftOffsets(node: Nodes, by: number): void {
  const p = node.position;
  if (p) {
    if (p.start.offset !== undefined) p.start.offset += by;
    if (p.end.offset !== undefined) p.end.offset += by;
  }
  if ('children' in node) for (const c of node.children as Nodes[]) shiftOffsets(c, by);
}

/**
 * Plain text of a short Markdown passage (a summary paragraph) without a parse: link and image
 * syntax, emphasis, code ticks, HTML tags and escapes removed. Good enough for a one-line preview.
 */
export function inlineMarkdownToText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    // A hard line break (`word\` at the end of a line) separates words like any other break.
    .replace(/\\\r?\n/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__|\*|_|~~|`+)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text content of a node, as a reader sees it (emphasis and link syntax removed). */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  // A hard line break (two trailing spaces or a backslash) has no text, but it separates words.
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** Whether a link target points at another file of the workspace (not a URL, mail address or anchor). */
export function isRelativeFileLink(url: string): boolean {
  if (!url || url.startsWith('#')) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return false;
  if (url.startsWith('//')) return false;
  return true;
}

/** `0002-x.md#section?x` → `0002-x.md`, percent-decoding where valid. */
export function linkPath(url: string): string {
  const bare = url.replace(/[#?].*$/, '');
  try {
    return decodeURIComponent(bare);
  } catch {
    // Malformed percent-encoding (`100%.md`): the link names the file as written.
    return bare;
  }
}
