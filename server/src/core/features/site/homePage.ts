import type { RationaleDocument } from '../../documents/document.js';
import { modelGraph } from '../../index/graph.js';
import { modelHierarchy } from '../../index/mentalModel.js';
import { graphSvg } from './graphSvg.js';
import { shownNodes } from './graphLayout.js';
import { html, type Html } from './html.js';
import { page } from './pageShell.js';
import type { SiteContext } from './siteContext.js';
import { relativeHref, type SiteFile } from './sitePaths.js';

const path = 'index.html';

/** The home page: goals → projects → decisions as nested lists, and the same model as a picture. */
export function homePage(ctx: SiteContext): SiteFile {
  const hierarchy = modelHierarchy(ctx.input.index);
  const childrenOf = new Map<string, RationaleDocument[]>();
  for (const link of hierarchy.links) {
    const list = childrenOf.get(link.parent.path);
    if (list) list.push(link.child);
    else childrenOf.set(link.parent.path, [link.child]);
  }
  // `above`: the documents on the way down to this one, so a cycle of links ends instead of recursing.
  const item = (doc: RationaleDocument, above: readonly string[] = []): Html => {
    const below = (childrenOf.get(doc.path) ?? []).filter((c) => c.path !== doc.path && !above.includes(c.path));
    const trail = [...above, doc.path];
    return html`<li>${ctx.docLink(path, doc)} ${ctx.statusBadge(doc)}${below.length ? html`<ul>${below.map((c) => item(c, trail))}</ul>` : ''}</li>`;
  };
  const docs = hierarchy.documents;
  const goals = docs.filter((d) => d.kind === 'goal');
  const loose = docs.filter((d) => d.kind !== 'goal' && hierarchy.parentsOf(d.path).length === 0);
  const lists = html`<section class="model"><h2 id="goals">Goals</h2>${goals.length ? html`<ul class="tree">${goals.map((g) => item(g))}</ul>` : html`<p class="note">No goals yet.</p>`}
${loose.some((d) => d.kind === 'project') ? html`<h2 id="projects-without-goal">Projects serving no goal</h2><ul class="tree">${loose.filter((d) => d.kind === 'project').map((p) => item(p))}</ul>` : ''}
${loose.some((d) => d.kind === 'decision') ? html`<h2 id="decisions-without-project">Decisions for no project or goal</h2><ul class="tree">${loose.filter((d) => d.kind === 'decision').map((d) => item(d))}</ul>` : ''}</section>`;
  const counts = ['goal', 'project', 'decision'].map((k) => docs.filter((d) => d.kind === k).length);
  return page({
    path,
    title: 'Mental model',
    siteName: ctx.input.siteName,
    body: html`<h1>Mental model</h1>
<p class="lead">${counts[0]} goals, ${counts[1]} projects and ${counts[2]} decisions: why the code is the way it is.</p>
${picture(ctx)}
${lists}`,
  });
}

function picture(ctx: SiteContext): Html {
  if (!ctx.input.layout) return html``;
  const graph = modelGraph(ctx.input.index);
  const shown = shownNodes(graph).length;
  const note = shown < graph.nodes.length ? html`<figcaption>The ${shown} best-linked of ${graph.nodes.length} documents; the lists below name every one.</figcaption>` : '';
  const svg = graphSvg(graph, ctx.input.layout, (n) => {
    const p = ctx.paths.pageOf(n.document.path);
    return p ? relativeHref(path, p) : undefined;
  });
  return html`<figure class="graph-figure">${svg}${note}</figure>`;
}
