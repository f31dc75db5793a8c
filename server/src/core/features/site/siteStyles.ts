import { stylesheetFile } from './pageShell.js';
import type { SiteFile } from './sitePaths.js';

/** The one stylesheet: system fonts (nothing to download), light and dark from the reader's setting. */
const css = `:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --link: #0969da; --panel: #f6f8fa;
  --goal: #e8f5e9; --goal-line: #2e7d32; --project: #e3f2fd; --project-line: #1565c0;
  --decision: #fff8e1; --decision-line: #b58900; --pending: #f5f5f5; --retired: #eeeeee; --retired-fg: #8c959f;
  --error: #cf222e; --warning: #9a6700; --info: #0969da; --bar: #0969da;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --link: #4493f8; --panel: #151b23;
    --goal: #12261a; --goal-line: #57ab5a; --project: #0f2236; --project-line: #539bf5;
    --decision: #2b2410; --decision-line: #c69026; --pending: #1c2128; --retired: #1c2128; --retired-fg: #768390;
    --error: #f85149; --warning: #d29922; --info: #4493f8; --bar: #4493f8;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--link); }
header { border-bottom: 1px solid var(--line); background: var(--panel); }
header nav { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; max-width: 72rem; margin: 0 auto; padding: .6rem 1rem; }
header ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; margin: 0; padding: 0; }
header a[aria-current="page"] { font-weight: 600; text-decoration: none; color: var(--fg); }
.site-name { font-weight: 700; margin-right: 1rem; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
footer { max-width: 72rem; margin: 2rem auto; padding: 1rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); }
h1 { font-size: 1.8rem; margin: .5rem 0; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
pre { background: var(--panel); padding: .8rem; overflow-x: auto; border-radius: 6px; }
.lead { color: var(--muted); }
.note { color: var(--muted); font-style: italic; }
.kind { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; color: var(--muted); margin: 0; }
.doc-id { font-family: ui-monospace, monospace; font-size: .9em; color: var(--muted); }
.status { display: inline-block; font-size: .75rem; padding: 0 .45rem; border-radius: 1rem; border: 1px solid var(--line); vertical-align: middle; }
.status.in-force { border-color: var(--goal-line); }
.status.pending { border-style: dashed; }
.status.retired { color: var(--retired-fg); text-decoration: line-through; }
.overdue, .severity.error { color: var(--error); font-weight: 600; }
.severity.warning { color: var(--warning); font-weight: 600; }
.severity.info { color: var(--info); }
dl.facts, dl.figures { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt, dl.figures dt, dl.relations dt { font-weight: 600; }
dl.facts dd, dl.figures dd { margin: 0; }
dl.relations dd ul { margin: .2rem 0 .6rem; }
.markdown { border-top: 1px solid var(--line); margin-top: 1rem; }
.raw { color: var(--muted); }
ul.tree ul { border-left: 1px solid var(--line); margin-left: .3rem; padding-left: 1.2rem; }
ul.citations, ul.findings { font-size: .92rem; }
.via { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .7rem; text-align: left; }
td { text-align: right; }
figure.graph-figure { margin: 1rem 0; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: .5rem; background: var(--panel); }
figcaption { color: var(--muted); font-size: .85rem; }
svg.graph text { font: 12px system-ui, sans-serif; fill: var(--fg); }
svg.graph .node-id { font-family: ui-monospace, monospace; font-weight: 600; }
svg.graph .node-status { fill: var(--muted); font-style: italic; }
svg.graph rect { stroke-width: 1.5; }
svg.graph .goal rect { fill: var(--goal); stroke: var(--goal-line); }
svg.graph .project rect { fill: var(--project); stroke: var(--project-line); }
svg.graph .decision rect { fill: var(--decision); stroke: var(--decision-line); }
svg.graph .pending rect { fill: var(--pending); stroke-dasharray: 4 2; }
svg.graph .retired rect { fill: var(--retired); stroke: var(--retired-fg); stroke-dasharray: 4 2; }
svg.graph .retired text { fill: var(--retired-fg); }
svg.graph a:hover rect, svg.graph a:focus rect { stroke-width: 3; }
svg.graph .edge { fill: none; stroke: var(--muted); stroke-width: 1.3; }
svg.graph .edge.supersedes { stroke-dasharray: 5 3; }
svg.graph .arrowhead { fill: var(--muted); }
svg.chart .bar { fill: var(--bar); }
svg.chart text { font: 11px system-ui, sans-serif; fill: var(--fg); text-anchor: middle; }
.law { background: var(--panel); border-left: 4px solid var(--bar); padding: .6rem 1rem; }
form[role="search"] label { display: block; margin-bottom: .3rem; }
#search-query { width: 100%; max-width: 40rem; font: inherit; padding: .4rem .6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
ul.results li { margin: .2rem 0; }
`;

export function siteStyles(): SiteFile {
  return { path: stylesheetFile, content: css };
}
