import type { Finding } from '../../base/finding.js';
import type { RationaleDocument } from '../../documents/document.js';
import type { RuleSpec } from '../../rules/ruleSpec.js';
import { calendarDay } from './calendarDay.js';
import type { CodeCitation } from './codeCitations.js';
import { html, joinHtml, type Html } from './html.js';
import { markdownToHtml } from './markdownHtml.js';
import { page } from './pageShell.js';
import type { SiteContext } from './siteContext.js';
import { relativeHref, type SiteFile } from './sitePaths.js';

/** More findings than this on one page are counted, not listed. */
export const findingListLimit = 200;

const kindLabel = { goal: 'Goal', project: 'Project', decision: 'Decision' } as const;

/** One document's page: its text, status and dates, its links both ways, the code citing it, its rules and their findings. */
export function documentPage(ctx: SiteContext, doc: RationaleDocument): SiteFile {
  const path = ctx.paths.pageOf(doc.path)!;
  const text = ctx.input.read(doc.path);
  const resolve = (target: string) => {
    const other = ctx.input.index.documents.get(target);
    const otherPage = other && ctx.paths.pageOf(other.path);
    return otherPage ? relativeHref(path, otherPage) : undefined;
  };
  const markdown = text === undefined ? undefined : markdownToHtml(text, doc.path, { resolve });
  const body = markdown?.body ?? html`<p class="note">The file could not be read.</p>`;
  return page({
    path,
    title: `${doc.id} ${doc.title}`,
    siteName: ctx.input.siteName,
    body: html`<article class="document ${doc.kind}">
<p class="kind">${kindLabel[doc.kind]}</p>
<h1${markdown?.titleAnchor ? html` id="${markdown.titleAnchor}"` : ''}><span class="doc-id">${doc.id}</span> ${doc.title}</h1>
${facts(ctx, doc)}
<section class="links" aria-label="Links">${links(ctx, doc, path)}</section>
<div class="markdown">
${body}
</div>
${code(ctx, doc)}
${rules(ctx, doc)}
</article>`,
  });
}

function facts(ctx: SiteContext, doc: RationaleDocument): Html {
  const review = calendarDay(doc.reviewBy);
  const overdue = review !== undefined && review < ctx.input.today;
  const rows: [string, Html | string | undefined][] = [
    ['Status', ctx.statusBadge(doc)],
    ['Date', calendarDay(doc.date) ?? doc.date],
    ['Review by', doc.reviewBy === undefined ? undefined : html`${doc.reviewBy}${overdue ? html` <span class="overdue">overdue</span>` : ''}`],
    ['Owner', doc.owner],
    ['Decision makers', doc.decisionMakers?.join(', ')],
    ['Applies to', doc.appliesTo.length ? html`${joinHtml(doc.appliesTo.map((g) => html`<code>${g}</code>`), ', ')}` : undefined],
    ['File', html`<code>${doc.path}</code>`],
  ];
  return html`<dl class="facts">${rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function links(ctx: SiteContext, doc: RationaleDocument, path: string): Html {
  const r = ctx.relations(doc);
  if (!r) return html``;
  const servedLabel = doc.kind === 'goal' ? 'Served by' : 'Decisions made for it';
  const groups: [string, RationaleDocument[]][] = [
    ['Supersedes', r.supersedes], ['Superseded by', r.supersededBy], ['Amends', r.amends], ['Amended by', r.amendedBy],
    ['Serves', r.serves], [servedLabel, r.servedBy], ['Links to', r.references], ['Referenced by', r.referencedBy],
  ];
  const shown = groups.filter(([, list]) => list.length);
  if (shown.length === 0) return html`<p class="note">No links to or from other documents.</p>`;
  return html`<dl class="relations">${shown.map(([label, list]) => html`<dt>${label}</dt><dd><ul>${list.map((d) => html`<li>${ctx.docLink(path, d)} ${ctx.statusBadge(d)}</li>`)}</ul></dd>`)}</dl>`;
}

const viaLabel: Record<CodeCitation['via'], string> = { annotation: 'annotation', 'bare-id': 'id in a comment', scope: 'in scope', mention: 'named by the document' };

function code(ctx: SiteContext, doc: RationaleDocument): Html {
  const { citations, moreInScope } = ctx.citations(doc);
  const more = moreInScope ? html`<p class="note">and ${moreInScope} more files in scope</p>` : '';
  const items = citations.map((c) => html`<li><code>${c.path}${c.line !== undefined ? `:${c.line}` : ''}</code> <span class="via">${viaLabel[c.via]}${c.detail ? html` <code>${c.detail}</code>` : ''}</span></li>`);
  return html`<section class="code"><h2 id="rationale-code">Code</h2>${citations.length ? html`<ul class="citations">${items}</ul>${more}` : html`<p class="note">No code cites it.</p>`}</section>`;
}

function rules(ctx: SiteContext, doc: RationaleDocument): Html {
  const findings = ctx.findingsOf(doc);
  if (doc.rules.length === 0 && findings.length === 0) return html``;
  const ruleList = doc.rules.length ? html`<ul class="rules">${doc.rules.map((r) => html`<li>${ruleText(r)}</li>`)}</ul>` : html`<p class="note">It declares no rules.</p>`;
  const shown = findings.slice(0, findingListLimit);
  const findingList = findings.length
    ? html`<ul class="findings">${shown.map(findingItem)}</ul>${findings.length > shown.length ? html`<p class="note">and ${findings.length - shown.length} more</p>` : ''}`
    : html`<p class="note">No current findings.</p>`;
  return html`<section class="rules"><h2 id="rationale-rules">Rules</h2>${ruleList}<h3 id="rationale-findings">Findings (${findings.length})</h3>${findingList}</section>`;
}

function ruleText(r: RuleSpec): Html {
  const what = r.pattern !== undefined ? html`<code>${r.pattern}</code>` : r.from ? html`from <code>${r.from.join(', ')}</code> to <code>${(r.to ?? []).join(', ')}</code>` : html`<code>${r.targets.join(', ')}</code>`;
  const files = r.files.length ? html` in <code>${r.files.join(', ')}</code>` : '';
  const except = r.except.length ? html` except <code>${r.except.join(', ')}</code>` : '';
  return html`<strong>${r.kind}</strong> ${what}${files}${except} <span class="severity ${r.severity}">${r.severity}</span>${r.message ? html` — ${r.message}` : ''}`;
}

export function findingItem(f: Finding): Html {
  return html`<li><span class="severity ${f.severity}">${f.severity}</span> <code>${f.path}:${f.range.start.line + 1}</code> <span class="code-name">${f.code}</span> ${f.message}</li>`;
}
