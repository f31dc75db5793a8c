import { html, type Html } from './html.js';
import { relativeHref, type SiteFile } from './sitePaths.js';

/**
 * Nothing on a page may load from outside the site's folder: no remote script, style, font or
 * image, no inline script. Search is the one script, a file beside the pages.
 */
export const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:";

export const stylesheetFile = 'style.css';

export interface PageOptions {
  /** Where the page lives in the site (`index.html`, `doc/ADR-0001.html`). */
  path: string;
  title: string;
  /** The site's name, from the workspace's folder. */
  siteName: string;
  body: Html;
  /** Scripts beside the pages, loaded at the end of the body. */
  scripts?: readonly string[];
}

const navigation: readonly [string, string][] = [
  ['index.html', 'Mental model'],
  ['timeline.html', 'Timeline'],
  ['flow.html', 'Decision flow'],
  ['health.html', 'Health'],
  ['search.html', 'Search'],
];

export function page(options: PageOptions): SiteFile {
  const href = (to: string) => relativeHref(options.path, to);
  const nav = navigation.map(([to, label]) => (to === options.path ? html`<li><a href="${href(to)}" aria-current="page">${label}</a></li>` : html`<li><a href="${href(to)}">${label}</a></li>`));
  const scripts = (options.scripts ?? []).map((s) => html`<script src="${href(s)}"></script>\n`);
  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${options.title} · ${options.siteName}</title>
<link rel="stylesheet" href="${href(stylesheetFile)}">
</head>
<body>
<header><nav aria-label="Site"><span class="site-name">${options.siteName}</span><ul>${nav}</ul></nav></header>
<main>
${options.body}
</main>
<footer>Written by <code>rationale site</code> from the repository's goals, projects and decisions.</footer>
${scripts}</body>
</html>
`;
  return { path: options.path, content: doc.text };
}
