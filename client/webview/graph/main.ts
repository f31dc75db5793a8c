/**
 * The Mental Model Graph webview: filters, search, layout (elkjs, in this page) and drawing. It
 * knows the graph only from the panel's messages and asks the panel to open documents by node key.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { GraphResult } from '../../../server/src/protocol.js';
import type { HostMessage, WebviewMessage } from '../../src/graphView/graphMessages.js';
import { layoutGraph, type GraphLayout } from './layout.js';
import { PanZoom } from './panZoom.js';
import { drawGraph, statusGlyphs, statusWords } from './svgDraw.js';
import { allKinds, allStatuses, defaultFilter, revealing, searchMatches, visibleGraph, type GraphFilter, type NodeKind, type StatusFilter } from './visibleGraph.js';
import './graphView.css';

declare function acquireVsCodeApi(): { postMessage(message: WebviewMessage): void };

const vscode = acquireVsCodeApi();
const elk = new ELK();
const byId = <T extends Element>(id: string) => document.getElementById(id) as unknown as T;
const svg = byId<SVGSVGElement>('graph');
const viewport = byId<SVGGElement>('viewport');
const search = byId<HTMLInputElement>('search');
const goalSelect = byId<HTMLSelectElement>('goal');
const info = byId<HTMLElement>('info');
const panZoom = new PanZoom(svg, viewport);

const kindLabels: Record<NodeKind, string> = { goal: 'Goals', project: 'Projects', decision: 'Decisions', requirement: 'Requirements' };

let graph: GraphResult = { nodes: [], edges: [] };
let filter: GraphFilter = defaultFilter();
let layout: GraphLayout | undefined;
let elements = new Map<string, SVGGElement>();
/** Each redraw gets a number: a layout that finishes after a newer one started is dropped. */
let generation = 0;
let firstDraw = true;

function checkboxes(container: HTMLElement, values: readonly string[], label: (v: string) => string, checked: (v: string) => boolean, toggle: (v: string, on: boolean) => void): void {
  container.querySelectorAll('label').forEach((l) => l.remove());
  for (const v of values) {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = checked(v);
    box.addEventListener('change', () => toggle(v, box.checked));
    const l = document.createElement('label');
    l.append(box, document.createTextNode(label(v)));
    container.append(l);
  }
}

function renderControls(): void {
  checkboxes(byId('kinds'), allKinds, (k) => kindLabels[k as NodeKind], (k) => filter.kinds.has(k as NodeKind), (k, on) => {
    const kinds = new Set(filter.kinds);
    if (on) kinds.add(k as NodeKind);
    else kinds.delete(k as NodeKind);
    filter = { ...filter, kinds };
    void redraw();
  });
  checkboxes(byId('statuses'), allStatuses, (s) => `${statusGlyphs[s as StatusFilter]} ${statusWords[s as StatusFilter]}`, (s) => filter.statuses.has(s as StatusFilter), (s, on) => {
    const statuses = new Set(filter.statuses);
    if (on) statuses.add(s as StatusFilter);
    else statuses.delete(s as StatusFilter);
    filter = { ...filter, statuses };
    void redraw();
  });
  const goals = graph.nodes.filter((n) => n.kind === 'goal');
  goalSelect.replaceChildren(new Option('All goals', ''), ...goals.map((g) => new Option(`${g.id}: ${g.title}`, g.key)));
  if (filter.goal !== undefined && !goals.some((g) => g.key === filter.goal)) filter = { ...filter, goal: undefined };
  goalSelect.value = filter.goal ?? '';
}

goalSelect.addEventListener('change', () => {
  filter = { ...filter, goal: goalSelect.value || undefined };
  firstDraw = true;
  void redraw();
});

async function redraw(focus?: string): Promise<void> {
  const mine = ++generation;
  const shown = visibleGraph(graph, filter);
  const started = performance.now();
  info.textContent = `Laying out ${shown.nodes.length} nodes…`;
  let placed: GraphLayout;
  try {
    placed = await layoutGraph(elk, shown.nodes, shown.edges);
  } catch (e) {
    // Shown where the graph would be: a blank panel would read as an empty workspace.
    info.textContent = `Layout failed: ${(e as Error).message ?? e}`;
    return;
  }
  if (mine !== generation) return;
  layout = placed;
  elements = drawGraph(viewport, shown.nodes, placed);
  const hidden = graph.nodes.length - shown.nodes.length;
  info.textContent = `${shown.nodes.length} nodes${hidden ? ` (${hidden} hidden by filters)` : ''} · ${Math.round(performance.now() - started)} ms`;
  highlightMatches();
  if (focus !== undefined && placed.boxes.has(focus)) reveal(focus);
  else if (firstDraw) panZoom.fit(placed.width, placed.height);
  firstDraw = false;
}

function highlightMatches(): void {
  const matches = searchMatches(graph.nodes, search.value);
  svg.classList.toggle('searching', matches.size > 0);
  for (const [key, g] of elements) g.classList.toggle('match', matches.has(key));
}

search.addEventListener('input', highlightMatches);
search.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter') return;
  const first = [...searchMatches(graph.nodes, search.value)].find((k) => elements.has(k));
  if (first) reveal(first);
});

function reveal(key: string): void {
  const box = layout?.boxes.get(key);
  const g = elements.get(key);
  if (!box || !g) return;
  for (const other of svg.querySelectorAll('.node.focused')) other.classList.remove('focused');
  g.classList.add('focused');
  panZoom.centerOn(box);
  g.focus({ preventScroll: true });
}

function focusOn(key: string): void {
  if (elements.has(key)) return reveal(key);
  filter = revealing(graph, filter, key);
  renderControls();
  void redraw(key);
}

function openNode(target: EventTarget | null): void {
  const node = (target as Element | null)?.closest?.('.node');
  const key = node?.getAttribute('data-key');
  if (key) vscode.postMessage({ type: 'open', key });
}

svg.addEventListener('click', (e) => openNode(e.target));
svg.addEventListener('keydown', (e) => {
  if ((e.key === 'Enter' || e.key === ' ') && (e.target as Element).closest('.node')) {
    e.preventDefault();
    openNode(e.target);
  } else if (e.key === '0') {
    if (layout) panZoom.fit(layout.width, layout.height);
  } else if (panZoom.onKey(e)) e.preventDefault();
});
byId('zoomIn').addEventListener('click', () => panZoom.zoomBy(1.25));
byId('zoomOut').addEventListener('click', () => panZoom.zoomBy(0.8));
byId('fit').addEventListener('click', () => layout && panZoom.fit(layout.width, layout.height));

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const m = event.data;
  if (m.type === 'graph') {
    graph = m.graph;
    renderControls();
    if (m.focus !== undefined) filter = revealing(graph, filter, m.focus);
    void redraw(m.focus);
  } else if (m.type === 'focus') {
    focusOn(m.key);
  } else if (m.type === 'error') {
    info.textContent = `The language server could not answer: ${m.message}`;
  }
});

renderControls();
vscode.postMessage({ type: 'ready' });
