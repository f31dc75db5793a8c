import type { RationaleDocument } from '../../documents/document.js';
import { calendarDay, daysBetween } from './calendarDay.js';
import { findingItem } from './documentPage.js';
import { html, type Html } from './html.js';
import { page } from './pageShell.js';
import type { SiteContext } from './siteContext.js';
import type { SiteDebt } from './siteInput.js';
import type { SiteFile } from './sitePaths.js';

const path = 'health.html';

/** What needs attention: reviews past due, retired decisions code still cites, requirements nothing covers, debt per decision. */
export function healthPage(ctx: SiteContext): SiteFile {
  return page({
    path,
    title: 'Health',
    siteName: ctx.input.siteName,
    body: html`<h1>Health</h1>
<p class="lead">What the check found that needs a person, as of ${ctx.input.today}.</p>
${overdueReviews(ctx)}
${retiredButCited(ctx)}
${uncoveredRequirements(ctx)}
${debt(ctx)}`,
  });
}

function section(id: string, title: string, count: number, body: Html, none: string): Html {
  return html`<section><h2 id="${id}">${title} (${count})</h2>${count ? body : html`<p class="note">${none}</p>`}</section>`;
}

function overdueReviews(ctx: SiteContext): Html {
  const today = ctx.input.today;
  const due = ctx.documents
    .map((doc) => ({ doc, day: calendarDay(doc.reviewBy) }))
    .filter((x): x is { doc: RationaleDocument; day: string } => x.day !== undefined && x.day < today && !ctx.status(x.doc).retired)
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const items = due.map(({ doc, day }) => html`<li>${ctx.docLink(path, doc)} ${ctx.statusBadge(doc)} due ${day}, <span class="overdue">${daysBetween(day, today)} days ago</span></li>`);
  return section('overdue-reviews', 'Overdue reviews', due.length, html`<ul>${items}</ul>`, 'No review is past due.');
}

function retiredButCited(ctx: SiteContext): Html {
  const cited = ctx.documents.filter((doc) => doc.kind === 'decision' && ctx.status(doc).retired).flatMap((doc) => {
    const refs = ctx.citations(doc).citations.filter((c) => c.via === 'annotation' || c.via === 'bare-id');
    return refs.length ? [{ doc, refs }] : [];
  });
  const items = cited.map(({ doc, refs }) => html`<li>${ctx.docLink(path, doc)} ${ctx.statusBadge(doc)}<ul class="citations">${refs.slice(0, 20).map((c) => html`<li><code>${c.path}:${c.line ?? ''}</code></li>`)}</ul>${refs.length > 20 ? html`<p class="note">and ${refs.length - 20} more</p>` : ''}</li>`);
  return section('retired-but-cited', 'Retired decisions still cited by code', cited.length, html`<ul>${items}</ul>`, 'No code cites a superseded, deprecated or rejected decision.');
}

function uncoveredRequirements(ctx: SiteContext): Html {
  const uncovered = ctx.input.findings.filter((f) => f.code === 'requirement-not-covered');
  return section('uncovered-requirements', 'Requirements nothing covers', uncovered.length, html`<ul class="findings">${uncovered.map(findingItem)}</ul>`, 'Every requirement item is covered.');
}

const total = (d: SiteDebt) => d.findings + d.exceptions + d.expired + d.baselined;

function debt(ctx: SiteContext): Html {
  const byId = new Map(ctx.documents.map((d) => [d.id, d]));
  const rows = Object.entries(ctx.input.debt).sort(([a, x], [b, y]) => total(y) - total(x) || (a < b ? -1 : 1));
  const table = html`<table class="debt"><thead><tr><th scope="col">Decision</th><th scope="col">Total</th><th scope="col">Findings</th><th scope="col">Exceptions</th><th scope="col">Expired</th><th scope="col">Baselined</th></tr></thead>
<tbody>${rows.map(([id, d]) => {
    const doc = byId.get(id);
    return html`<tr><th scope="row">${doc ? ctx.docLink(path, doc) : id}</th><td>${total(d)}</td><td>${d.findings}</td><td>${d.exceptions}</td><td>${d.expired}</td><td>${d.baselined}</td></tr>`;
  })}</tbody></table>`;
  return section('debt', 'Debt per decision', rows.length, table, 'No decision has findings, exceptions or baselined findings.');
}
