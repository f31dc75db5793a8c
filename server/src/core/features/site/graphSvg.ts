import type { ModelGraph, ModelNode } from '../../index/graph.js';
import { statusInForceText } from '../../index/statusInForce.js';
import { statusClassOf } from '../../documents/statusClass.js';
import { html, joinHtml, type Html } from './html.js';
import type { LaidOutGraph, Point } from './graphLayout.js';

/** A coordinate ELK gave, or 0: another library's numbers are checked before they reach the page. */
const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 10) / 10 : 0);

/** At most `max` characters, with an ellipsis when cut: the full text is in the node's tooltip. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function nodeClass(node: ModelNode): string {
  const cls = statusClassOf(node.document.kind, node.status.status);
  return `node ${node.document.kind}${cls === 'retired' || cls === 'pending' ? ` ${cls}` : ''}`;
}

/**
 * The laid-out graph as inline SVG: one box per document linking to its page, arrows from goals to
 * projects to decisions and dashed ones from a successor to what it supersedes. Text is escaped like
 * all text of the site; styles come from the stylesheet (the policy allows no inline style).
 */
export function graphSvg(graph: ModelGraph, layout: LaidOutGraph, hrefOf: (node: ModelNode) => string | undefined): Html {
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const boxes = (layout.children ?? []).flatMap((c) => {
    const node = byName.get(c.id);
    return node ? [box(node, num(c.x), num(c.y), num(c.width), num(c.height), hrefOf(node))] : [];
  });
  const lines = (layout.edges ?? []).flatMap((e) => {
    const edge = graph.edges[Number(/^e(\d+)$/.exec(e.id)?.[1] ?? -1)];
    const section = e.sections?.[0];
    if (!edge || !section) return [];
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p: Point) => `${num(p?.x)},${num(p?.y)}`).join(' ');
    return [html`<polyline class="edge ${edge.type}" points="${points}" marker-end="url(#arrow)"><title>${edge.type}</title></polyline>`];
  });
  const width = num(layout.width);
  const height = num(layout.height);
  return html`<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Goals, projects and decisions">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead"/></marker></defs>
${joinHtml(lines, '\n')}
${joinHtml(boxes, '\n')}
</svg>`;
}

function box(node: ModelNode, x: number, y: number, w: number, h: number, href: string | undefined): Html {
  const doc = node.document;
  const status = statusInForceText(node.status) ?? 'no status';
  const inner = html`<title>${doc.id}: ${doc.title} (${status})</title><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${doc.kind === 'goal' ? 20 : 6}"/><text x="${x + 10}" y="${y + 17}" class="node-id">${clip(doc.id, 30)}</text><text x="${x + 10}" y="${y + 34}">${clip(doc.title, 32)}</text><text x="${x + 10}" y="${y + 50}" class="node-status">${clip(status, 34)}</text>`;
  return href ? html`<a href="${href}" class="${nodeClass(node)}">${inner}</a>` : html`<g class="${nodeClass(node)}">${inner}</g>`;
}
