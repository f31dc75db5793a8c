import type { Finding } from '../../base/finding.js';
import type { RationaleDocument } from '../../documents/document.js';
import { statusClassOf } from '../../documents/statusClass.js';
import { statusInForce, statusInForceText, type StatusInForce } from '../../index/statusInForce.js';
import { codeCitations, type DocumentCitations } from './codeCitations.js';
import { documentRelations, type DocumentRelations } from './documentRelations.js';
import { html, type Html } from './html.js';
import type { SiteInput } from './siteInput.js';
import { relativeHref, SitePaths } from './sitePaths.js';

/** What every page reads, computed once per site. */
export class SiteContext {
  readonly paths: SitePaths;
  /** The workspace's own documents (sources' documents get no page), by path. */
  readonly documents: readonly RationaleDocument[];
  private readonly statuses = new Map<string, StatusInForce>();
  private relationsByPath?: Map<string, DocumentRelations>;
  private citationsByPath?: Map<string, DocumentCitations>;
  private findingsByDecision?: Map<string, Finding[]>;

  constructor(readonly input: SiteInput) {
    this.documents = [...input.index.documents.values()];
    this.paths = new SitePaths(this.documents);
  }

  status(doc: RationaleDocument): StatusInForce {
    let s = this.statuses.get(doc.path);
    if (!s) this.statuses.set(doc.path, (s = statusInForce(this.input.index, doc)));
    return s;
  }

  relations(doc: RationaleDocument): DocumentRelations | undefined {
    this.relationsByPath ??= documentRelations(this.input.index);
    return this.relationsByPath.get(doc.path);
  }

  citations(doc: RationaleDocument): DocumentCitations {
    this.citationsByPath ??= codeCitations(this.input.index, this.input.read);
    return this.citationsByPath.get(doc.path) ?? { citations: [], moreInScope: 0 };
  }

  /** The check's findings that concern a document (by its id). */
  findingsOf(doc: RationaleDocument): readonly Finding[] {
    if (!this.findingsByDecision) {
      this.findingsByDecision = new Map();
      for (const f of this.input.findings) {
        if (f.decision === null) continue;
        const list = this.findingsByDecision.get(f.decision);
        if (list) list.push(f);
        else this.findingsByDecision.set(f.decision, [f]);
      }
    }
    return this.findingsByDecision.get(doc.id) ?? [];
  }

  /** A link from `fromPage` to a document's page, or its id and title as text when it has none. */
  docLink(fromPage: string, doc: RationaleDocument): Html {
    const page = this.paths.pageOf(doc.path);
    const label = html`<span class="doc-id">${doc.id}</span> ${doc.title}`;
    return page ? html`<a href="${relativeHref(fromPage, page)}">${label}</a>` : html`<span class="external-doc">${label}</span>`;
  }

  /** The status in force as a badge, with what the file says when that differs. */
  statusBadge(doc: RationaleDocument): Html {
    const s = this.status(doc);
    const cls = statusClassOf(doc.kind, s.status) ?? 'unknown';
    return html`<span class="status ${cls}">${statusInForceText(s) ?? 'no status'}</span>`;
  }
}
