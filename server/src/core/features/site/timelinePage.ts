import type { RationaleDocument } from '../../documents/document.js';
import { calendarDay } from './calendarDay.js';
import { html } from './html.js';
import { page } from './pageShell.js';
import type { SiteContext } from './siteContext.js';
import type { SiteFile } from './sitePaths.js';

const path = 'timeline.html';

/** Decisions newest first by the day they carry (ties by id), then those with no day. */
export function timelineOrder(decisions: readonly RationaleDocument[]): { dated: { day: string; doc: RationaleDocument }[]; undated: RationaleDocument[] } {
  const dated: { day: string; doc: RationaleDocument }[] = [];
  const undated: RationaleDocument[] = [];
  for (const doc of decisions) {
    const day = calendarDay(doc.date);
    if (day) dated.push({ day, doc });
    else undated.push(doc);
  }
  dated.sort((a, b) => (a.day !== b.day ? (a.day < b.day ? 1 : -1) : a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
  return { dated, undated };
}

export function timelinePage(ctx: SiteContext): SiteFile {
  const { dated, undated } = timelineOrder(ctx.documents.filter((d) => d.kind === 'decision'));
  const months = new Map<string, typeof dated>();
  for (const entry of dated) {
    const month = entry.day.slice(0, 7);
    const list = months.get(month);
    if (list) list.push(entry);
    else months.set(month, [entry]);
  }
  const sections = [...months].map(([month, entries]) => html`<section><h2 id="m${month}">${month}</h2><ol class="timeline">${entries.map((e) => html`<li><time datetime="${e.day}">${e.day}</time> ${ctx.docLink(path, e.doc)} ${ctx.statusBadge(e.doc)}</li>`)}</ol></section>`);
  const rest = undated.length ? html`<section><h2 id="undated">No date</h2><ul class="timeline">${undated.map((d) => html`<li>${ctx.docLink(path, d)} ${ctx.statusBadge(d)}</li>`)}</ul></section>` : '';
  return page({
    path,
    title: 'Timeline',
    siteName: ctx.input.siteName,
    body: html`<h1>Timeline</h1><p class="lead">Decisions by the date they carry, newest first.</p>${dated.length || undated.length ? '' : html`<p class="note">No decisions yet.</p>`}${sections}${rest}`,
  });
}
