/**
 * Drawing the laid-out graph as SVG. Every piece of repository text (ids, titles, summaries,
 * statuses) goes in through `textContent`, never as markup. Colours are classes the stylesheet
 * maps to the theme's `--vscode-*` variables; each status also has its own glyph and words, so
 * colour is never the only sign.
 */
import type { GraphNode } from '../../../server/src/protocol.js';
import type { Box, GraphLayout } from './layout.js';
import { statusOf, type StatusFilter } from './visibleGraph.js';

const svgNs = 'http://www.w3.org/2000/svg';

export const statusGlyphs: Record<StatusFilter, string> = {
  'in-force': '●', pending: '◐', done: '✔', retired: '✕', covered: '✔', uncovered: '○', none: '?',
};

export const statusWords: Record<StatusFilter, string> = {
  'in-force': 'in force', pending: 'pending', done: 'done', retired: 'retired', covered: 'covered', uncovered: 'not fully covered', none: 'no known status',
};

const kindWords: Record<GraphNode['kind'], string> = { goal: 'goal', project: 'project', decision: 'decision', requirement: 'requirement item' };

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(svgNs, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Cuts a line to what fits the box (a rough width per character: SVG text cannot wrap). */
function fit(text: string, width: number): string {
  const max = Math.max(4, Math.floor(width / 6.6));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every decision says how many files it governs; goals and projects only when they govern any. */
function governs(node: GraphNode): string | undefined {
  if (node.governedFileCount === undefined || node.kind === 'requirement') return undefined;
  if (node.kind !== 'decision' && node.governedFileCount === 0) return undefined;
  return `governs ${node.governedFileCount} file${node.governedFileCount === 1 ? '' : 's'}`;
}

/** What a screen reader says for a node, and the first line of its tooltip. */
export function nodeDescription(node: GraphNode): string {
  const status = node.statusText ?? statusWords[statusOf(node)];
  return [`${kindWords[node.kind]} ${node.id}: ${node.title}`, status, governs(node)].filter(Boolean).join(', ');
}

function drawNode(node: GraphNode, box: Box): SVGGElement {
  const status = statusOf(node);
  const g = el('g', {
    class: `node kind-${node.kind} status-${status}`,
    transform: `translate(${box.x},${box.y})`,
    role: 'button',
    tabindex: 0,
    'aria-label': nodeDescription(node),
    'data-key': node.key,
  });
  g.append(el('title', {}, node.summary ? `${nodeDescription(node)}\n\n${node.summary}` : nodeDescription(node)));
  g.append(el('rect', { width: box.width, height: box.height, rx: node.kind === 'goal' ? 18 : node.kind === 'project' ? 10 : 3 }));
  g.append(el('rect', { class: 'status-bar', width: 5, height: box.height }));
  g.append(el('text', { class: 'head', x: 12, y: 17 }, fit(`${statusGlyphs[status]} ${node.id}`, box.width - 16)));
  g.append(el('text', { class: 'title', x: 12, y: 34 }, fit(node.title, box.width - 16)));
  const foot = [node.statusText ?? (node.kind === 'requirement' ? statusWords[status] : undefined), governs(node)].filter(Boolean).join(' · ');
  if (foot && box.height > 50) g.append(el('text', { class: 'foot', x: 12, y: 52 }, fit(foot, box.width - 16)));
  return g;
}

/** Replaces the contents of `viewport` with the layout; returns each node's element by key. */
export function drawGraph(viewport: SVGGElement, nodes: readonly GraphNode[], layout: GraphLayout): Map<string, SVGGElement> {
  const edges = el('g', { class: 'edges' });
  for (const { edge, points } of layout.edges) {
    if (points.length < 2) continue;
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
    const path = el('path', { d, class: `edge edge-${edge.kind}`, 'data-from': edge.from, 'data-to': edge.to });
    if (edge.kind !== 'belongs-to') path.setAttribute('marker-end', `url(#arrow-${edge.kind})`);
    path.append(el('title', {}, edge.kind));
    edges.append(path);
  }
  const group = el('g', { class: 'nodes' });
  const byKey = new Map<string, SVGGElement>();
  for (const node of nodes) {
    const box = layout.boxes.get(node.key);
    if (!box) continue;
    const g = drawNode(node, box);
    byKey.set(node.key, g);
    group.append(g);
  }
  viewport.replaceChildren(arrowMarkers(), edges, group);
  return byKey;
}

function arrowMarkers(): SVGDefsElement {
  const defs = el('defs');
  for (const kind of ['serves', 'decided-for', 'supersedes', 'amends']) {
    const marker = el('marker', { id: `arrow-${kind}`, class: `arrow arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(el('path', { d: 'M0,0 L10,5 L0,10 z' }));
    defs.append(marker);
  }
  return defs;
}
