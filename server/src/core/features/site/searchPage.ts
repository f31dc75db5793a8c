import { html } from './html.js';
import { page } from './pageShell.js';
import { searchIndexFile } from './searchIndex.js';
import { searchScriptFile } from './searchScript.js';
import type { SiteContext } from './siteContext.js';
import type { SiteFile } from './sitePaths.js';

/** The search page: a form the script reveals, results it fills; without JavaScript, a pointer to the lists. */
export function searchPage(ctx: SiteContext): SiteFile {
  return page({
    path: 'search.html',
    title: 'Search',
    siteName: ctx.input.siteName,
    body: html`<h1>Search</h1>
<form id="search-form" role="search" hidden><label for="search-query">Find a goal, project or decision by id, title, status or summary</label>
<input id="search-query" name="q" type="search" autocomplete="off" autofocus></form>
<noscript><p class="note">Search needs JavaScript. The <a href="index.html">mental model</a> and the <a href="timeline.html">timeline</a> list every document.</p></noscript>
<p id="search-count" class="note" aria-live="polite"></p>
<ul id="search-results" class="results"></ul>`,
    scripts: [searchIndexFile, searchScriptFile],
  });
}
