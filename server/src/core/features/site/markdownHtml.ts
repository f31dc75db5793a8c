import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { splitFrontMatter } from '../../documents/frontMatter.js';
import { dirname, joinPath } from '../../workspace/workspace.js';
import { Html, html, joinHtml } from './html.js';

const processor = unified().use(remarkParse);

/** Where a relative link of the document points, as the site can link to it. */
export interface MarkdownLinkTarget {
  /** The href to write: another document's page, or undefined to keep only the link's text. */
  resolve(workspacePath: string): string | undefined;
}

interface RenderContext {
  docPath: string;
  targets: MarkdownLinkTarget;
  definitions: Map<string, string>;
  /** Heading ids of this page, so in-page anchors are kept only when they land somewhere. */
  anchors: Set<string>;
  /** The title heading, already shown as the page's own title. */
  skip?: Nodes;
}

/**
 * A document's Markdown as HTML, built node by node from the mdast remark parses: text is escaped,
 * raw HTML is shown as the text it is (never passed through), relative links to other documents
 * go to their pages, http(s) links stay plain links that send no referrer, and every other scheme
 * (javascript:, data:, mailto:, file:) keeps its text and loses its link.
 */
export function markdownToHtml(text: string, docPath: string, targets: MarkdownLinkTarget): { body: Html; titleAnchor?: string } {
  const fm = splitFrontMatter(text);
  const root = processor.parse(fm ? text.slice(fm.bodyOffset) : text) as Root;
  const definitions = new Map<string, string>();
  const anchors = new Set<string>();
  collect(root, definitions, anchors);
  const first = root.children.find((n) => n.type !== 'html' && n.type !== 'definition');
  const skip = first?.type === 'heading' && first.depth === 1 ? first : undefined;
  const ctx: RenderContext = { docPath, targets, definitions, anchors, skip };
  // The title heading is not rendered, but its anchor is the page title's, so `#title` links still land.
  const titleAnchor = skip ? renderedAnchor(skip, ctx) : undefined;
  return { body: render(root, ctx), titleAnchor };
}

function collect(node: Nodes, definitions: Map<string, string>, anchors: Set<string>): void {
  if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node.url);
  if (node.type === 'heading') anchors.add(uniqueAnchor(headingAnchor(node), anchors));
  if ('children' in node) for (const child of node.children) collect(child, definitions, anchors);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchor(node: Nodes): string {
  return plainText(node).toLowerCase().trim().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-') || 'section';
}

function uniqueAnchor(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 1; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if ('children' in node) return node.children.map(plainText).join('');
  return '';
}

function children(node: Nodes, ctx: RenderContext): Html {
  return 'children' in node ? joinHtml(node.children.map((c) => render(c, ctx))) : joinHtml([]);
}

function render(node: Nodes, ctx: RenderContext): Html {
  if (node === ctx.skip) return html``;
  switch (node.type) {
    case 'root': return children(node, ctx);
    case 'paragraph': return html`<p>${children(node, ctx)}</p>\n`;
    case 'heading': {
      // Page titles are h1: the document's own headings sit one level below.
      const level = Math.min(6, node.depth + 1);
      const id = renderedAnchor(node, ctx);
      // The tag name comes from a number the renderer clamps, never from the document.
      return html`${new Html(`<h${level} id="`)}${id}">${children(node, ctx)}${new Html(`</h${level}>`)}\n`;
    }
    case 'thematicBreak': return html`<hr>\n`;
    case 'blockquote': return html`<blockquote>${children(node, ctx)}</blockquote>\n`;
    case 'list': return node.ordered ? html`<ol>${children(node, ctx)}</ol>\n` : html`<ul>${children(node, ctx)}</ul>\n`;
    case 'listItem': return html`<li>${node.checked === true ? '☑ ' : node.checked === false ? '☐ ' : ''}${children(node, ctx)}</li>\n`;
    case 'code': return html`<pre><code>${node.value}</code></pre>\n`;
    case 'html': return node.value.includes('\n') ? html`<pre class="raw">${node.value}</pre>\n` : html`<code class="raw">${node.value}</code>`;
    case 'text': return html`${node.value}`;
    case 'emphasis': return html`<em>${children(node, ctx)}</em>`;
    case 'strong': return html`<strong>${children(node, ctx)}</strong>`;
    case 'delete': return html`<del>${children(node, ctx)}</del>`;
    case 'inlineCode': return html`<code>${node.value}</code>`;
    case 'break': return html`<br>`;
    case 'link': return link(node.url, children(node, ctx), ctx);
    case 'linkReference': return link(ctx.definitions.get(node.identifier.toLowerCase()), children(node, ctx), ctx);
    // Images are not copied into the site, and loading them from elsewhere would leave the folder.
    case 'image': case 'imageReference': return html`<span class="image">[${node.alt || 'image'}]</span>`;
    default: return children(node, ctx);
  }
}

const renderedAnchors = new WeakMap<RenderContext, Set<string>>();

/** The id of a heading as rendered: the same sequence `collect` produced, in document order. */
function renderedAnchor(node: Nodes, ctx: RenderContext): string {
  let taken = renderedAnchors.get(ctx);
  if (!taken) renderedAnchors.set(ctx, (taken = new Set()));
  const id = uniqueAnchor(headingAnchor(node), taken);
  taken.add(id);
  return id;
}

/**
 * A link as the site can keep it: `#anchor` when this page has that heading, a relative path to a
 * document as that document's page, http(s) as a plain link; anything else keeps its text only.
 */
function link(url: string | undefined, text: Html, ctx: RenderContext): Html {
  const href = url === undefined ? undefined : siteHref(url.trim(), ctx);
  if (href === undefined) return html`<span class="link-text">${text}</span>`;
  if (/^https?:/i.test(href)) return html`<a href="${href}" rel="noopener noreferrer">${text}</a>`;
  return html`<a href="${href}">${text}</a>`;
}

function siteHref(url: string, ctx: RenderContext): string | undefined {
  if (/^https?:\/\/[^\s]+$/i.test(url)) return url;
  if (url.startsWith('#')) return ctx.anchors.has(decodeSafely(url.slice(1)) ?? '') ? url : undefined;
  // Any other scheme (javascript:, data:, mailto:, file:, vbscript:…), and protocol-relative `//host`.
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) || url.startsWith('//') || url.startsWith('\\')) return undefined;
  const path = decodeSafely(url.replace(/[?#].*$/s, ''));
  if (!path) return undefined;
  const target = path.startsWith('/') ? joinPath('', path.slice(1)) : joinPath(dirname(ctx.docPath), path);
  return target === undefined ? undefined : ctx.targets.resolve(target);
}

function decodeSafely(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined; // a malformed %-escape names no file: the link keeps its text only
  }
}
