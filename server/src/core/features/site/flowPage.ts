import { barChart } from './barChart.js';
import { decisionFlow, type DecisionFlow } from './decisionFlow.js';
import { html, type Html } from './html.js';
import { page } from './pageShell.js';
import type { SiteContext } from './siteContext.js';
import type { SiteFile } from './sitePaths.js';

const path = 'flow.html';

const fixed = (x: number, digits = 1) => x.toFixed(digits);

/** Decisions as flow: what is in progress and for how long, what gets accepted, and Little's Law on the figures. */
export function flowPage(ctx: SiteContext): SiteFile {
  const flow = decisionFlow(ctx.documents.filter((d) => d.kind === 'decision'), (d) => ctx.status(d), ctx.input.today);
  const wip = html`<section><h2 id="in-progress">In progress now (${flow.inProgress.length})</h2>${flow.inProgress.length
    ? html`<table class="flow"><thead><tr><th scope="col">Decision</th><th scope="col">Since</th><th scope="col">Age (days)</th></tr></thead><tbody>${flow.inProgress.map((w) => html`<tr><th scope="row">${ctx.docLink(path, w.doc)} ${ctx.statusBadge(w.doc)}</th><td>${w.since ?? 'no date'}</td><td>${w.ageDays ?? ''}</td></tr>`)}</tbody></table>`
    : html`<p class="note">No proposed or draft decision.</p>`}</section>`;
  const charts = html`<section><h2 id="over-time">Over time</h2>
<h3 id="accepted-per-month">Accepted per month</h3>${barChart('Decisions accepted per month', flow.months, flow.acceptedPerMonth)}
<h3 id="in-progress-over-time">In progress at each month's end</h3>${barChart('Decisions in progress at the end of each month', flow.months, flow.inProgressAtMonthEnd)}
<table class="flow"><thead><tr><th scope="col">Month</th><th scope="col">Accepted</th><th scope="col">In progress at the end</th></tr></thead><tbody>${flow.months.map((m, i) => html`<tr><th scope="row">${m}</th><td>${flow.acceptedPerMonth[i]}</td><td>${flow.inProgressAtMonthEnd[i]}</td></tr>`)}</tbody></table></section>`;
  return page({
    path,
    title: 'Decision flow',
    siteName: ctx.input.siteName,
    body: html`<h1>Decision flow</h1>
<p class="lead">Decisions are work: proposed, then accepted. How much is in progress, how fast it is accepted, and how long it waits.</p>
${summary(flow)}
${wip}
${charts}
${leadTimes(ctx, flow)}
<p class="note">Dates: a proposed or draft decision's <code>date</code> counts as the day it was proposed, an accepted one's as the day it was accepted. A lead time is known only for decisions that also say when they were proposed (front matter <code>proposed: YYYY-MM-DD</code>).</p>`,
  });
}

function summary(flow: DecisionFlow): Html {
  const perMonth = flow.throughputPerDay * 30;
  const law = flow.meanLeadTimeDays !== undefined
    ? html`Little's Law: work in progress ≈ throughput × lead time = ${fixed(flow.throughputPerDay, 3)}/day × ${fixed(flow.meanLeadTimeDays)} days = <strong>${fixed(flow.predictedInProgress ?? 0)}</strong>, against <strong>${flow.inProgress.length}</strong> in progress now.`
    : html`No decision records both when it was proposed and when it was accepted, so lead time is not measured.`;
  const implied = flow.impliedLeadTimeDays !== undefined
    ? html` At this throughput, the ${flow.inProgress.length} in progress imply a lead time of ${fixed(flow.impliedLeadTimeDays)} days (work in progress ÷ throughput).`
    : html` Nothing was accepted in the period, so no lead time follows from the law.`;
  return html`<dl class="figures">
<dt>Work in progress</dt><dd>${flow.inProgress.length} ${flow.inProgress.length === 1 ? 'decision' : 'decisions'}</dd>
<dt>Throughput</dt><dd>${flow.acceptedPerMonth.reduce((a, b) => a + b, 0)} accepted in ${flow.months.length} ${flow.months.length === 1 ? 'month' : 'months'}: ${fixed(perMonth)} per 30 days</dd>
<dt>Lead time</dt><dd>${flow.meanLeadTimeDays !== undefined ? html`${fixed(flow.meanLeadTimeDays)} days on average, over ${flow.leadTimes.length} decisions` : 'unknown'}</dd>
</dl>
<p class="law">${law}${implied}</p>`;
}

function leadTimes(ctx: SiteContext, flow: DecisionFlow): Html {
  if (flow.leadTimes.length === 0) return html``;
  const rows = [...flow.leadTimes].sort((a, b) => (a.accepted < b.accepted ? 1 : a.accepted > b.accepted ? -1 : 0));
  return html`<section><h2 id="lead-times">Lead times</h2><table class="flow"><thead><tr><th scope="col">Decision</th><th scope="col">Proposed</th><th scope="col">Accepted</th><th scope="col">Days</th></tr></thead><tbody>${rows.map((l) => html`<tr><th scope="row">${ctx.docLink(path, l.doc)}</th><td>${l.proposed}</td><td>${l.accepted}</td><td>${l.days}</td></tr>`)}</tbody></table></section>`;
}
