import type { Heading, List, Nodes, Root } from 'mdast';
import { linkTargetKinds, type DocKind, type DocLink, type DocumentFormat, type LinkType, type RationaleDocument, type WebLink } from './document.js';
import { rfcHeaderUrls, rfcStartDate } from './rfcHeader.js';
import type { Finding } from '../base/finding.js';
import { parseFrontMatter, type FrontMatter } from './frontMatter.js';
import { numberedId, parseFileName } from './ids.js';
import { endOffset, isRelativeFileLink, linkPath, parseMarkdown, plainText, startOffset } from './markdown.js';
import { summarize } from './documentSummary.js';
import { needsFullParse, scanMarkdownLinks, type ScannedLink } from './markdownLinks.js';
import { LineMap, type Range } from '../base/range.js';
import { parseRuleSpecs } from '../rules/parseRuleSpecs.js';
import { validateFrontMatter } from './schemaValidation.js';
import { linkPhraseType, normalizeStatus } from './statusMap.js';
import { canonicalStatuses } from './statusClass.js';
import { orList } from '../base/orList.js';
import { closesFence, fenceOpenedBy } from './codeFence.js';
import { basename, dirname, joinPath } from '../workspace/workspace.js';
import { contentHash } from '../base/contentHash.js';
import { lookupTable } from '../base/lookupTable.js';

export interface ParseContext {
  /** Kind from discovery (folder or configuration); front matter `kind:` overrides it. */
  kind: DocKind;
  /** log4brains package, which namespaces slug ids (`core/20201002-x`). */
  package?: string;
  idPrefixes: Record<DocKind, string>;
  statusMap: Record<string, string>;
  /** The prefix of a numbered file's id when its layout says so (`RFC` in an RFC repository), over `idPrefixes`. */
  idPrefix?: string;
}

const kindAliases = lookupTable<DocKind>({
  decision: 'decision', adr: 'decision',
  project: 'project', prd: 'project', brief: 'project', rfc: 'project',
  goal: 'goal', okr: 'goal', objective: 'goal',
});

export function kindFromFrontMatterValue(value: unknown): DocKind | undefined {
  return typeof value === 'string' ? kindAliases[value.trim().toLowerCase()] : undefined;
}

/** Front-matter link fields, in the order links are read, and the link each makes. */
const frontMatterLinkFields: readonly [field: string, type: LinkType][] = [
  ['supersedes', 'supersedes'],
  ['superseded-by', 'superseded-by'],
  ['superseded_by', 'superseded-by'],
  ['amends', 'amends'],
  ['amended-by', 'amended-by'],
  ['relates-to', 'relates-to'],
  ['related', 'relates-to'],
  ['project', 'project'],
  ['projects', 'project'],
  ['goal', 'goal'],
  ['goals', 'goal'],
];

/**
 * The kind of document each front-matter link field names, for completion: the link's target kind,
 * and decisions for `relates-to` (which may name any document, but mostly names decisions).
 */
export const frontMatterLinkKinds = lookupTable<DocKind>(Object.fromEntries(frontMatterLinkFields.map(([field, type]) => [field, linkTargetKinds[type] ?? 'decision'])));

/**
 * Parses one goal, project or decision. A pure function of its inputs: the index caches results by
 * content hash and rebuilds nothing else when a file changes. Each step below reads one field (or
 * a few that come from the same place) from the shared `Source`.
 */
export function parseDocument(path: string, text: string, ctx: ParseContext): RationaleDocument {
  return documentOf(readSource(path, text, ctx, fullReaders), ctx, true);
}

/**
 * The header's tree as remark would read it, or undefined when a reader cannot be sure it would:
 * `from` and `to` are file offsets, and the tree's positions are the file's.
 */
export type HeaderReader = (text: string, from: number, to: number) => Root | undefined;

/** How a parse reads the front matter and the header. */
export interface SourceReaders<H extends HeaderReader = HeaderReader> {
  frontMatter: (text: string, lines: LineMap) => FrontMatter | undefined;
  header: H;
}

/**
 * A parse for indexing a document whose own findings nobody reads (`check --changed-since` of other
 * files): the header comes from `readHeader` instead of remark, and what only the document's own
 * findings or the editor need is left out: no summary (empty) and no schema validation. Undefined
 * when `readHeader` cannot be sure; the caller parses fully then.
 */
export function parseDocumentWithoutOwnFindings(path: string, text: string, ctx: ParseContext, readers: SourceReaders): RationaleDocument | undefined {
  const source = readSource(path, text, ctx, readers);
  return source && documentOf(source, ctx, false);
}

const fullReaders: SourceReaders<(text: string, from: number, to: number) => Root> = {
  frontMatter: parseFrontMatter,
  header: (text, from, to) => parseMarkdown(text.slice(from, to), from),
};

/** `full`: with the summary and the schema's findings, which only the document itself and the editor use. */
function documentOf(source: Source, ctx: ParseContext, full: boolean): RationaleDocument {
  const { path, text, fm, data, kind, bullets } = source;
  const name = parseFileName(basename(path));
  const { id, aliases } = readId(source, name, ctx);
  const { title, titleRange, h1 } = readTitle(source, name);
  const written = readWrittenStatus(source);
  const status = interpretStatus(source, written, id, ctx.statusMap);
  const rules = readRules(source, id);
  const links = [...written.links, ...status.links, ...frontMatterLinks(source)];
  links.push(...bodyLinks(source, links));
  return {
    kind,
    path,
    id,
    links: dedupeLinks(links),
    aliases: [...new Set(aliases.filter((a) => a !== id))],
    number: name.datePrefixed ? undefined : name.number,
    package: ctx.package,
    title,
    titleRange,
    status: status.status,
    rawStatus: written.rawStatus,
    format: written.format,
    statusKnown: status.statusKnown,
    statusRange: written.statusRange,
    date: readDate(source) ?? rfcStartDate(text),
    ...webLinksOf(text, source.lines),
    reviewBy: scalarString(data['review-by']),
    reviewByRange: data['review-by'] !== undefined ? fm?.rangeAt(['review-by']) : undefined,
    priority: typeof data.priority === 'number' || typeof data.priority === 'string' ? data.priority : undefined,
    appetite: scalarString(data.appetite),
    owner: peopleString(data.owner),
    decisionMakers: peopleList(data['decision-makers'] ?? data.deciders ?? bullets.deciders?.value),
    appliesTo: globList(data['applies-to']),
    appliesToRange: data['applies-to'] !== undefined ? fm?.rangeAt(['applies-to']) : undefined,
    rules: rules.rules,
    summary: full ? summarize(text, source.bodyOffset, source.tree, h1) : '',
    frontMatter: fm?.data,
    frontMatterRange: fm?.range,
    problems: [...status.problems, ...frontMatterProblems(source, id, full), ...rules.problems],
    hash: contentHash(text),
  };
}

/** What every step of parseDocument reads: the file, its front matter and its header as remark parsed it. */
interface Source {
  path: string;
  text: string;
  lines: LineMap;
  fm: FrontMatter | undefined;
  /** The front matter's data, or empty. */
  data: Record<string, unknown>;
  kind: DocKind;
  /** The document's folder, for resolving relative links. */
  dir: string;
  bodyOffset: number;
  /** The header (up to the first `##` after Status) as remark reads it. */
  tree: Root;
  /** Index of the first level-2 heading in `tree`, or -1. */
  firstH2: number;
  bullets: HeaderBullets;
}

function readSource(path: string, text: string, ctx: ParseContext, readers: typeof fullReaders): Source;
function readSource(path: string, text: string, ctx: ParseContext, readers: SourceReaders): Source | undefined;
function readSource(path: string, text: string, ctx: ParseContext, readers: SourceReaders): Source | undefined {
  const lines = new LineMap(text);
  const fm = readers.frontMatter(text, lines);
  const data = fm?.data ?? {};
  const bodyOffset = fm?.bodyOffset ?? 0;
  // remark reads about 1 MB/s, so only the header (title, status bullets, Status section) goes
  // through it; links come from a linear scanner. Offsets are shifted to stay the file's.
  const tree = readers.header(text, bodyOffset, headerEnd(text, bodyOffset));
  if (!tree) return undefined;
  // MADR 2 / log4brains bullets sit before the first `##`.
  const firstH2 = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2);
  const bullets = readHeaderBullets(firstH2 < 0 ? tree.children : tree.children.slice(0, firstH2), text);
  return { path, text, lines, fm, data, kind: kindFromFrontMatterValue(data.kind) ?? ctx.kind, dir: dirname(path), bodyOffset, tree, firstH2, bullets };
}

/** Front matter `id`, else `ADR-0007` from a numbered file, else the file slug; and the other spellings. */
function readId(source: Source, name: ReturnType<typeof parseFileName>, ctx: ParseContext): { id: string; aliases: string[] } {
  const aliases: string[] = [];
  let baseId: string;
  if (name.number !== undefined && !name.datePrefixed) {
    baseId = numberedId(name.prefix ?? ctx.idPrefix ?? ctx.idPrefixes[source.kind], name.number);
    aliases.push(name.stem);
    if (name.slug) aliases.push(name.slug);
  } else baseId = name.stem;
  if (ctx.package) {
    aliases.length = 0;
    baseId = `${ctx.package}/${baseId}`;
  }
  let id = baseId;
  const fmId = source.data.id;
  if ((typeof fmId === 'string' && fmId.trim()) || typeof fmId === 'number') {
    id = typeof fmId === 'number' ? numberedId(ctx.idPrefixes[source.kind], fmId) : fmId.trim();
    if (baseId !== id) aliases.unshift(baseId);
  }
  return { id, aliases };
}

/** Front matter `title`, else the first `#` heading (without adr-tools numbering), else the file name. */
function readTitle(source: Source, name: ReturnType<typeof parseFileName>): { title: string; titleRange: Range; h1: Heading | undefined } {
  const { fm, data, lines, tree } = source;
  const h1 = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  let title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : undefined;
  let titleRange: Range = data.title !== undefined && fm ? fm.rangeAt(['title']) : lines.rangeOf(0, 0);
  if (!title && h1 && !sectionHeading.test(plainText(h1).trim())) {
    title = titleWithoutKind(plainText(h1).trim());
    titleRange = lines.rangeOf(startOffset(h1), endOffset(h1));
  }
  return { title: title || humanize(name.slug ?? name.stem), titleRange, h1 };
}

/**
 * What a heading says before the title proper: adr-tools' `1. `, and the kind and number that many
 * teams repeat (`Architecture Decision Record: `, `ADR 7: `, `ADR-0007 - `, `RFC 12: `). Without a
 * number only `:` or a dash ends the prefix, so "RFC process for releases" keeps its first word.
 */
const kindPrefix = /^(?:(?:architecture\s+decision\s+record|adr|rfc|prd|kep)(?:[\s_-]*#?\d+(?:\s*[:.\-–—]\s*|\s+)|\s*[:\-–—]\s*)|\d+\.\s+)/i;

/** A first `#` heading that opens a section rather than naming the document (RFCs start with `# Summary`). */
const sectionHeading = /^(?:summary|motivation|abstract|overview|context)$/i;

function titleWithoutKind(heading: string): string {
  return heading.replace(kindPrefix, '') || heading;
}

interface WrittenStatus {
  /** Where the status was read, which tells the document's format. */
  format: DocumentFormat;
  rawStatus?: string;
  statusRange?: Range;
  /** The bullet holding the status, whose Markdown link (if any) names the successor. */
  statusLinksFrom?: Nodes;
  /** Labelled links in a Status section (`Supersedes [1. Title](0001-title.md)`). */
  links: DocLink[];
}

/** The status as written: front matter `status`, else a `- Status:` bullet, else a `## Status` section. */
function readWrittenStatus(source: Source): WrittenStatus {
  const { data, fm, bullets, lines } = source;
  if (typeof data.status === 'string' || typeof data.status === 'number') {
    return { format: 'front-matter', rawStatus: String(data.status).trim(), statusRange: fm!.rangeAt(['status']), links: [] };
  }
  if (bullets.status) {
    return { format: 'header-bullets', rawStatus: bullets.status.value, statusRange: lines.rangeOf(bullets.status.start, bullets.status.end), statusLinksFrom: bullets.status.node, links: [] };
  }
  const section = findSection(source.tree, /^status$/i);
  return section ? readStatusSection(source, section) : { format: fm ? 'front-matter' : 'plain', links: [] };
}

/** An adr-tools `## Status` section: its first line is the status, and labelled links name related decisions. */
function readStatusSection(source: Source, section: { start: number; end: number }): WrittenStatus {
  const { text, lines, dir } = source;
  const out: WrittenStatus = { format: 'status-section', links: [] };
  const sectionText = text.slice(section.start, section.end);
  const lineRe = /[^\r\n]*/g;
  let first = true;
  for (let m = lineRe.exec(sectionText); m !== null; m = lineRe.exec(sectionText)) {
    const line = m[0];
    const lineStart = section.start + m.index;
    if (m[0].length === 0) lineRe.lastIndex++;
    if (!line.trim()) continue;
    if (first) {
      out.rawStatus = line.trim().replace(/^[-*+]\s+/, '');
      const lead = line.length - line.trimStart().length;
      out.statusRange = lines.rangeOf(lineStart + lead, lineStart + line.trimEnd().length);
      first = false;
    }
    const lm = /^\s*[-*+]?\s*([A-Za-z][A-Za-z ]*?)\s*:?\s*\[([^\]]*)\]\(([^)\s]+)[^)]*\)/.exec(line);
    if (!lm) continue;
    const type = linkPhraseType(lm[1]);
    // A link to a web page is no path here: the status line's own reading names the id by its label.
    const target = isRelativeFileLink(lm[3]) ? resolveLinkTarget(dir, lm[3]) : undefined;
    if (type && target) {
      const at = lineStart + line.indexOf('](') + 2;
      out.links.push({ type, target, targetIsPath: true, raw: lm[3], range: lines.rangeOf(at, at + lm[3].length) });
    }
  }
  return out;
}

/**
 * The canonical status of the written one, the successor a `superseded by …` status names, and an
 * `unknown-status` finding for a status the map does not know (kept verbatim, marked unknown).
 */
function interpretStatus(source: Source, written: WrittenStatus, id: string, statusMap: Record<string, string>): { status?: string; statusKnown: boolean; links: DocLink[]; problems: Finding[] } {
  const { rawStatus, statusRange } = written;
  if (rawStatus === undefined || rawStatus === '') return { statusKnown: true, links: [], problems: [] };
  const n = normalizeStatus(rawStatus, source.kind, statusMap);
  if (!n.status) return { status: rawStatus, statusKnown: false, links: [], problems: [unknownStatusFinding(source.path, statusRange!, id, rawStatus, source.kind)] };
  const links: DocLink[] = [];
  if (n.status === 'superseded' && n.successor) {
    const linkInStatus = written.statusLinksFrom ? firstLink(written.statusLinksFrom) : undefined;
    const link = statusLineLink(source, 'superseded-by', n.successor, statusRange!, linkInStatus?.url);
    if (link) links.push(link);
  }
  for (const clause of n.links ?? []) {
    const link = statusLineLink(source, clause.type, clause.text, statusRange!);
    if (link) links.push(link);
  }
  return { status: n.status, statusKnown: true, links, problems: [] };
}

/**
 * The link a status line names (`superseded by [ADR-12](0012-x.md)`, `supersedes ADR-0045`): a path
 * when it links to a file here, else the id it names (a link's label when the link goes elsewhere).
 */
function statusLineLink(source: Source, type: LinkType, named: string, range: Range, url?: string): DocLink | undefined {
  const md = /\[([^\]]*)\]\(([^)\s]+)[^)]*\)/.exec(named);
  const target = url ?? md?.[2];
  if (target && isRelativeFileLink(target)) {
    const resolved = resolveLinkTarget(source.dir, target);
    return resolved ? { type, target: resolved, targetIsPath: true, raw: target, range } : undefined;
  }
  const idText = (md ? md[1] : named).replace(/[.;,]+$/, '').trim();
  return /^[\w./-]+$|^[A-Za-z]+ \d+$/.test(idText) ? { type, target: idText, targetIsPath: false, range } : undefined;
}

function webLinksOf(text: string, lines: LineMap): { webLinks?: WebLink[] } {
  const webLinks = rfcHeaderUrls(text, lines);
  return webLinks.length > 0 ? { webLinks } : {};
}

/** The finding for a written status that neither the built-in map nor the configuration knows. */
export function unknownStatusFinding(path: string, range: Range, id: string, rawStatus: string, kind: DocKind): Finding {
  return {
    path, range, severity: 'warning', code: 'unknown-status', decision: id,
    message: `Unknown status "${rawStatus}" in ${id}. Use ${knownWords(kind)}, or map it in .rationale.json "statusMap".`,
  };
}

/** Front matter `date`, else a `- Date:` bullet, else an adr-tools `Date:` line before the first `##`. */
function readDate(source: Source): string | undefined {
  const { data, bullets, text, bodyOffset, tree, firstH2 } = source;
  const date = scalarString(data.date) || bullets.date?.value;
  if (date) return date;
  const dm = /^Date:\s*(\S.*)$/m.exec(text.slice(bodyOffset, firstH2 >= 0 ? startOffset(tree.children[firstH2]) : undefined));
  return dm ? dm[1].trim() : undefined;
}

/** `supersedes:`, `project:`, `goals:` … in front matter: ids, or paths to Markdown files. */
function frontMatterLinks(source: Source): DocLink[] {
  const { fm, data, dir } = source;
  const links: DocLink[] = [];
  if (!fm) return links;
  for (const [field, type] of frontMatterLinkFields) {
    const v = data[field];
    if (v === undefined || v === null) continue;
    const list = Array.isArray(v) ? v : [v];
    list.forEach((item, i) => {
      if (typeof item !== 'string' && typeof item !== 'number') return;
      const s = String(item).trim();
      if (!s) return;
      const range = Array.isArray(v) ? fm.rangeAt([field, i]) : fm.rangeAt([field]);
      const mdLink = /\]\(([^)\s]+)\)/.exec(s);
      if (mdLink || /\.(md|markdown)$/i.test(s)) {
        const target = resolveLinkTarget(dir, mdLink ? mdLink[1] : s);
        if (target) links.push({ type, target, targetIsPath: true, raw: s, range });
      } else links.push({ type, target: s, targetIsPath: false, range });
    });
  }
  return links;
}

/** Malformed YAML and schema violations of the front matter. */
function frontMatterProblems(source: Source, id: string, validate: boolean): Finding[] {
  const { fm, path, kind } = source;
  if (!fm) return [];
  const problems: Finding[] = fm.errors.map((e) => ({ path, range: e.range, severity: 'error', code: 'malformed-front-matter', decision: id, message: `Malformed front matter in ${path}: ${e.message}` }));
  if (fm.data && validate) {
    for (const v of validateFrontMatter(kind, fm.data)) {
      if (v.path[0] === 'rules') continue; // parseRuleSpecs reports rule problems with better messages
      problems.push({ path, range: fm.rangeAt(v.path), severity: 'warning', code: 'schema-violation', decision: id, message: `${id}: ${v.message}.` });
    }
  }
  return problems;
}

function readRules(source: Source, id: string): { rules: RationaleDocument['rules']; problems: Finding[] } {
  const { fm, data, path } = source;
  if (!fm || data.rules === undefined) return { rules: [], problems: [] };
  const parsed = parseRuleSpecs(data.rules, id, (p) => fm.rangeAt(p));
  const problems: Finding[] = parsed.problems.map((p) => ({ path, range: p.range, severity: 'error', code: 'invalid-rule', decision: id, message: `${id}: ${p.message}` }));
  return { rules: parsed.rules, problems };
}

/** Plain relative Markdown links anywhere in the body, except those that repeat a typed link at the same place. */
function bodyLinks(source: Source, typed: readonly DocLink[]): DocLink[] {
  const { text, bodyOffset, dir, lines } = source;
  const out: DocLink[] = [];
  const found = needsFullParse(text) ? remarkLinks(text.slice(bodyOffset), bodyOffset) : scanMarkdownLinks(text, bodyOffset);
  for (const link of found) {
    if (!isRelativeFileLink(link.url)) continue;
    const target = resolveLinkTarget(dir, link.url);
    const range = lines.rangeOf(link.start, link.end);
    if (target === undefined) {
      out.push({ type: 'markdown', target: link.url, targetIsPath: true, raw: link.url, range });
    } else if (!typed.some((l) => l.targetIsPath && l.target === target && l.type !== 'markdown' && overlaps(l.range, range))) {
      out.push({ type: 'markdown', target, targetIsPath: true, raw: link.url, range });
    }
  }
  return out;
}

interface BulletValue {
  value: string;
  start: number;
  end: number;
  node: Nodes;
}

interface HeaderBullets {
  status?: BulletValue;
  date?: BulletValue;
  deciders?: BulletValue;
}

/** `* Status: accepted`, `- **Status:** accepted`, `- Deciders: …`, `- Date: …` in the preamble. */
function readHeaderBullets(preamble: Nodes[], text: string): HeaderBullets {
  const out: HeaderBullets = {};
  for (const node of preamble) {
    if (node.type !== 'list') continue;
    for (const item of (node as List).children) {
      const s = startOffset(item);
      const e = endOffset(item);
      const raw = text.slice(s, e).split(/\r?\n/)[0];
      const m = /^[-*+]\s+(?:\*\*|__)?\s*(status|date|deciders|decision-makers|decision makers)\s*:?\s*(?:\*\*|__)?\s*:?\s*(.*)$/i.exec(raw);
      if (!m) continue;
      const value = m[2].replace(/<!--.*?-->/g, '').trim();
      const valueStart = s + raw.length - m[2].length;
      const key = m[1].toLowerCase();
      const entry = { value, start: valueStart, end: valueStart + m[2].trimEnd().length, node: item };
      if (key === 'status' && !out.status) out.status = entry;
      else if (key === 'date' && !out.date) out.date = entry;
      else if (!out.deciders && key !== 'status' && key !== 'date') out.deciders = entry;
    }
  }
  return out;
}

/** Offsets of a section's content: from after its heading to the next heading of the same or higher level. */
function findSection(tree: Root, title: RegExp): { start: number; end: number } | undefined {
  const kids = tree.children;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i];
    if (n.type !== 'heading' || n.depth < 2 || !title.test(plainText(n).trim())) continue;
    const next = kids.slice(i + 1).find((k) => k.type === 'heading' && k.depth <= n.depth);
    return { start: endOffset(n), end: next ? startOffset(next) : endOffset(kids[kids.length - 1]) };
  }
  return undefined;
}

function firstLink(node: Nodes): { url: string } | undefined {
  let found: { url: string } | undefined;
  visit(node, (n) => {
    if (!found && n.type === 'link') found = { url: n.url };
  });
  return found;
}

/** The same edge found twice (status line and its link line) is one link. */
function dedupeLinks(links: DocLink[]): DocLink[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const k = `${l.type}|${l.target}|${l.range.start.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Links and definitions as remark reads them, for documents the scanner cannot handle. */
function remarkLinks(body: string, offset: number): ScannedLink[] {
  const out: ScannedLink[] = [];
  visit(parseMarkdown(body, offset), (n) => {
    if (n.type === 'link' || n.type === 'definition') out.push({ url: n.url, start: startOffset(n), end: endOffset(n), kind: n.type });
  });
  return out;
}

function visit(node: Nodes, fn: (n: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const c of node.children as Nodes[]) visit(c, fn);
}

function resolveLinkTarget(dir: string, url: string): string | undefined {
  return joinPath(dir, linkPath(url));
}

function overlaps(a: Range, b: Range): boolean {
  return !(a.end.line < b.start.line || b.end.line < a.start.line);
}

/**
 * Where the header ends: before the first level-2+ heading, or after the Status section when
 * that heading is Status. Headings inside code fences do not count.
 */
function headerEnd(text: string, from: number): number {
  const lineRe = /^.*$/gm;
  lineRe.lastIndex = from;
  let fence: string | undefined;
  let statusLevel = 0;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    if (m[0].length === 0) lineRe.lastIndex++;
    const line = m[0].replace(/\r$/, '');
    const opened = fence ? undefined : fenceOpenedBy(line);
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (opened) fence = opened;
    else {
      const h = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*\r?$/.exec(line);
      if (h) {
        const level = h[1].length;
        if (statusLevel > 0 && level <= statusLevel) return m.index;
        if (statusLevel === 0 && level >= 2) {
          if (/^status$/i.test(h[2].replace(/[*_`]/g, '').trim())) statusLevel = level;
          else return m.index;
        }
      }
    }
    if (lineRe.lastIndex >= text.length) break;
  }
  return text.length;
}

export function humanize(stem: string): string {
  const s = stem.replace(/^\d+[-_. ]?/, '').replace(/[-_]+/g, ' ').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : stem;
}

export function scalarString(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return undefined;
}

export function peopleList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return v.split(/\s*[,;]\s*/).filter(Boolean);
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return undefined;
}

function peopleString(v: unknown): string | undefined {
  return peopleList(v)?.join(', ');
}

function globList(v: unknown): string[] {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
  return [];
}

function knownWords(kind: DocKind): string {
  return orList(canonicalStatuses(kind));
}

export type { FrontMatter };
