import type { DocKind, LinkType } from './document.js';
import { lookupTable } from '../base/lookupTable.js';

/**
 * Status vocabularies drift between teams and tools ("Approved", "✅ Accepted", "Superceded by …",
 * "In Review"), so every written status is reduced to a canonical one through this map. Keys are
 * compared after `statusKey` (lower case, markup and emoji removed). Configuration may add entries.
 * Every value is a canonical status of statusClass.ts (a test holds them together).
 */
export const statusWords: Record<DocKind, Readonly<Record<string, string | undefined>>> = {
  decision: lookupTable({
    accepted: 'accepted', accept: 'accepted', approved: 'accepted', adopted: 'accepted', agreed: 'accepted',
    decided: 'accepted', done: 'accepted', implemented: 'accepted', active: 'accepted', final: 'accepted',
    proposed: 'proposed', proposal: 'proposed', pending: 'proposed', 'in review': 'proposed', review: 'proposed',
    'under review': 'proposed', 'in discussion': 'proposed', discussing: 'proposed', open: 'proposed',
    'in progress': 'proposed', rfc: 'proposed', suggested: 'proposed',
    draft: 'draft', wip: 'draft', 'work in progress': 'draft',
    rejected: 'rejected', declined: 'rejected', 'not accepted': 'rejected', refused: 'rejected', 'wont do': 'rejected',
    deprecated: 'deprecated', obsolete: 'deprecated', retired: 'deprecated', withdrawn: 'deprecated', archived: 'deprecated',
    superseded: 'superseded', superceded: 'superseded', replaced: 'superseded',
    'on hold': 'on-hold', 'on-hold': 'on-hold', 'on_hold': 'on-hold', postponed: 'on-hold', deferred: 'on-hold', paused: 'on-hold',
  }),
  project: lookupTable({
    proposed: 'proposed', draft: 'proposed', pending: 'proposed', planned: 'proposed', idea: 'proposed', 'in review': 'proposed',
    active: 'active', 'in progress': 'active', started: 'active', ongoing: 'active', approved: 'active', accepted: 'active',
    shipped: 'shipped', done: 'shipped', completed: 'shipped', complete: 'shipped', released: 'shipped', launched: 'shipped', delivered: 'shipped',
    paused: 'paused', 'on hold': 'paused', 'on-hold': 'paused', blocked: 'paused', deferred: 'paused',
    cancelled: 'cancelled', canceled: 'cancelled', dropped: 'cancelled', abandoned: 'cancelled', rejected: 'cancelled',
    // Kubernetes enhancement proposals (kep.yaml).
    provisional: 'proposed', implementable: 'active', implemented: 'shipped', withdrawn: 'cancelled', replaced: 'cancelled',
  }),
  goal: lookupTable({
    active: 'active', 'in progress': 'active', 'on track': 'active', 'at risk': 'active', 'off track': 'active', open: 'active', current: 'active',
    achieved: 'achieved', done: 'achieved', met: 'achieved', completed: 'achieved', complete: 'achieved', reached: 'achieved',
    dropped: 'dropped', abandoned: 'dropped', cancelled: 'dropped', canceled: 'dropped', missed: 'dropped', retired: 'dropped',
  }),
};

/** Lower case, without Markdown emphasis, links' targets, emoji, HTML comments and trailing punctuation. */
export function statusKey(raw: string): string {
  return raw
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]/g, '')
    .replace(/[^\p{L}\p{N}\s\-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface NormalizedStatus {
  /** The canonical status, or undefined when the text matched nothing. */
  status?: string;
  /** For `superseded by X` / `replaced by X`: the text naming the successor. */
  successor?: string;
  /** Links named after the status: `accepted; supersedes ADR-0045`, `Accepted, amended by ADR-9`. */
  links?: StatusClauseLink[];
}

/** A link a status line names in a clause of its own, with the text naming the other document. */
export interface StatusClauseLink {
  type: LinkType;
  text: string;
}

/** The phrases that label a link to another decision, in a status line or a Status section. */
const linkPhrases = lookupTable<LinkType>({
  supersedes: 'supersedes', supercedes: 'supersedes', replaces: 'supersedes',
  'superseded by': 'superseded-by', 'superceded by': 'superseded-by', 'replaced by': 'superseded-by',
  amends: 'amends', clarifies: 'amends', extends: 'amends',
  'amended by': 'amended-by', 'clarified by': 'amended-by', 'extended by': 'amended-by',
});

/** The link a label such as `Supersedes` or `amended by` makes, or undefined. */
export function linkPhraseType(label: string): LinkType | undefined {
  return linkPhrases[label.trim().replace(/\s+/g, ' ').toLowerCase()];
}

const linkClause = /^\s*((?:super[sc]eded|replaced|amended|clarified|extended)\s+by|super[sc]edes|replaces|amends|clarifies|extends)\s*:?\s*(\S.*?)\s*$/is;

/**
 * Normalises a written status. `extra` is the configuration's map (`{"Approved by CAB": "accepted"}`),
 * consulted first so a team can override any built-in reading.
 */
export function normalizeStatus(raw: string, kind: DocKind, extra: Record<string, string> = {}): NormalizedStatus {
  const clauses = statusClauses(raw);
  if (!clauses) return normalizeOneStatus(raw, kind, extra);
  const n = normalizeOneStatus(clauses.status, kind, extra);
  return n.status ? { ...n, links: clauses.links } : n;
}

/**
 * A status followed by clauses that each name a link (`accepted; supersedes ADR-0045`), or undefined
 * when the text is not of that form. Every clause after the first must name a link, so a status
 * with a free remark ("accepted, partially") stays unknown rather than half-read.
 */
function statusClauses(raw: string): { status: string; links: StatusClauseLink[] } | undefined {
  if (!raw.includes(';') && !raw.includes(',')) return undefined;
  const [first, ...rest] = raw.split(/[;,]/);
  const links: StatusClauseLink[] = [];
  for (const clause of rest) {
    const m = linkClause.exec(clause);
    const type = m ? linkPhraseType(m[1]) : undefined;
    if (!m || !type) return undefined;
    links.push({ type, text: m[2] });
  }
  return { status: first, links };
}

function normalizeOneStatus(raw: string, kind: DocKind, extra: Record<string, string>): NormalizedStatus {
  const key = statusKey(raw);
  if (!key) return {};
  for (const [k, v] of Object.entries(extra)) if (statusKey(k) === key) return { status: v };
  const table = statusWords[kind];
  if (table[key]) return { status: table[key] };
  // "superseded by [3. Use Elm](0003-use-elm.md)", "Superceded by ADR-0012", "replaced by …"
  const sup = /^(?:superseded|superceded|replaced)\s+(?:by|with)\b/i.exec(key);
  if (sup && kind === 'decision') {
    const afterRaw = /(?:superseded|superceded|replaced)\s+(?:by|with)\s*:?\s*(.*)$/is.exec(raw);
    return { status: 'superseded', successor: afterRaw?.[1]?.trim() || undefined };
  }
  // Leading canonical word followed by a date or remark: "Accepted on 2020-01-02", "accepted (2019)".
  const first = key.split(' ')[0];
  const firstTwo = key.split(' ').slice(0, 2).join(' ');
  if (table[firstTwo] && /^(on|since|at|in|by|\d)/.test(key.split(' ')[2] ?? 'on')) return { status: table[firstTwo] };
  if (table[first] && /^(on|since|at|in|by|\d)/.test(key.split(' ')[1] ?? '')) return { status: table[first] };
  return {};
}
