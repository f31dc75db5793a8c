import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// One processor for the process: building it per document costs more than small documents take to parse.
const processor = unified().use(remarkParse);

/** Parses Markdown into mdast. Pure: same text, same tree. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

/** The text content of a node, as a reader sees it (emphasis and link syntax removed). */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
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
    return bare;
  }
}
