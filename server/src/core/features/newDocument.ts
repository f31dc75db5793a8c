import type { RationaleConfig } from '../workspace/config.js';
import { isDocumentFileName, kindByFolder, type DeclaredFolder } from '../workspace/discovery.js';
import type { DocKind, RationaleDocument } from '../documents/document.js';
import { numberedId, parseFileName } from '../documents/ids.js';
import { LineMap, type Position, type Range } from '../base/range.js';
import { basename, dirname } from '../workspace/workspace.js';

/**
 * Planning a new goal, project or decision, without touching the file system: which folder, which
 * file name in that folder's own numbering scheme, what text, and (for `--supersedes`) which edit to
 * make to the older decision. The CLI and the editor both execute these plans; the CLI re-plans the
 * file name when an exclusive create finds the name taken.
 */

/** Where new documents of a kind go when the workspace has none yet (MADR's default for decisions). */
export const defaultFolders: Record<DocKind, string> = { decision: 'docs/decisions', project: 'docs/prd', goal: 'docs/goals' };

/** Conventional folders, in the order a new document prefers them (design.md §2). */
export const conventionalFolders: Record<DocKind, readonly string[]> = {
  decision: [
    'doc/adr', 'docs/adr', 'docs/adrs', 'docs/decisions', 'docs/architecture/decisions', 'docs/architecture-decisions',
    'architecture-decision-records', 'architecture-decision-record', 'adr', 'decisions',
  ],
  project: ['docs/prd', 'docs/prds', 'docs/projects', 'docs/rfcs'],
  goal: ['docs/goals', 'goals'],
};

/**
 * How a folder names its files: adr-tools/MADR `NNNN-slug.md`, a kind-prefixed `adr-NNN-slug.md`
 * (`prefix` as the folder writes it: `adr-`, `ADR-`, `adr_`, `rfc-`; empty without one), or
 * log4brains `YYYYMMDD-slug.md`.
 */
export type NamingScheme =
  | { style: 'numbered'; prefix: string; width: number; separator: string; wordSeparator: string; extension: string; firstNumber: number }
  | { style: 'date'; wordSeparator: string; extension: string };

/**
 * The template family: MADR 3/4 (front matter), MADR 2 / log4brains (`- Status:` bullets) or
 * Nygard/adr-tools (`# N. Title`, `Date:`, a `## Status` section).
 */
export type TemplateStyle = 'madr' | 'madr2' | 'nygard';

export interface FolderChoice {
  folder: string;
  /** log4brains package of the folder, which namespaces slug ids. */
  package?: string;
  /** Whether discovery already treats Markdown in this folder as this kind (else the template says `kind:`). */
  discoverable: boolean;
  /** The file that declared the folder (`.adr-dir` means adr-tools, hence its template), if any. */
  declaredBy?: string;
}

/**
 * The folder a new document of `kind` goes to: a configured or tool-declared folder (`.rationale.json`,
 * `.adr-dir`, log4brains' root `adrFolder`), else a conventional folder that already holds documents of
 * the kind, else the folder holding most of them, else a conventional folder that exists, else the default.
 */
export function chooseFolder(
  kind: DocKind,
  declared: readonly DeclaredFolder[],
  documents: Iterable<RationaleDocument>,
  exists: (path: string) => 'file' | 'directory' | undefined,
): FolderChoice {
  const choice = (folder: string, declaredBy?: string): FolderChoice => folderChoice(kind, folder, declared, declaredBy);
  const ownDeclared = declared
    .filter((d) => d.kind === kind && d.package === undefined)
    .sort((a, b) => rankSource(a.source) - rankSource(b.source) || depth(a.source) - depth(b.source) || a.folder.length - b.folder.length);
  if (ownDeclared.length > 0) return choice(ownDeclared[0].folder, ownDeclared[0].source);
  const perFolder = new Map<string, number>();
  for (const d of documents) if (d.kind === kind && d.package === undefined) perFolder.set(dirname(d.path), (perFolder.get(dirname(d.path)) ?? 0) + 1);
  for (const f of conventionalFolders[kind]) if (perFolder.has(f)) return choice(f);
  const busiest = [...perFolder.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (busiest) return choice(busiest[0]);
  for (const f of conventionalFolders[kind]) if (exists(f) === 'directory') return choice(f);
  return choice(defaultFolders[kind]);
}

/** What discovery makes of a folder (given with `--dir`, or chosen): its kind, package and declaration. */
export function folderChoice(kind: DocKind, folder: string, declared: readonly DeclaredFolder[], declaredBy?: string): FolderChoice {
  const k = kindByFolder(folder ? `${folder}/new.md` : 'new.md', declared);
  const source = declaredBy ?? declared.find((d) => d.folder === folder && d.kind === kind)?.source;
  return { folder, package: k?.kind === kind ? k.package : undefined, discoverable: k?.kind === kind, declaredBy: source };
}

/** `.rationale.json` first, then `.adr-dir`, then log4brains: the most explicit declaration wins. */
function rankSource(source: string): number {
  if (source === '.rationale.json') return 0;
  if (basename(source) === '.adr-dir') return 1;
  return 2;
}

function depth(path: string): number {
  return path.split('/').length;
}

/** Reads the naming scheme from the Markdown documents already in a folder. */
export function detectNamingScheme(fileNames: readonly string[], firstNumber: number): NamingScheme {
  const docs = fileNames.filter(isDocumentFileName);
  let dated = 0;
  let highest: { n: number; name: string; digits: string } | undefined;
  let numbered = 0;
  let underscoreSlugs = 0;
  let dashSlugs = 0;
  const extensions = new Map<string, number>();
  for (const name of docs) {
    const ext = /\.[^.]+$/.exec(name)![0];
    extensions.set(ext, (extensions.get(ext) ?? 0) + 1);
    const parts = parseFileName(name);
    const slug = parts.datePrefixed ? parts.stem.slice(9) : parts.number !== undefined ? parts.slug ?? '' : parts.stem;
    if (slug.includes('_') && !slug.includes('-')) underscoreSlugs++;
    else if (slug.includes('-')) dashSlugs++;
    if (parts.datePrefixed) dated++;
    else if (parts.number !== undefined) {
      numbered++;
      if (!highest || parts.number > highest.n) highest = { n: parts.number, name, digits: parts.digits! };
    }
  }
  const wordSeparator = underscoreSlugs > dashSlugs ? '_' : '-';
  const extension = [...extensions.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '.md';
  if (dated > numbered) return { style: 'date', wordSeparator, extension };
  if (!highest) return { style: 'numbered', prefix: '', width: 4, separator: '-', wordSeparator, extension, firstNumber };
  // The highest-numbered file is the newest, so its spelling is the folder's current convention.
  const prefix = highest.name.slice(0, highest.name.indexOf(highest.digits));
  const separator = highest.name.charAt(prefix.length + highest.digits.length);
  return {
    style: 'numbered',
    prefix,
    width: highest.digits.length,
    separator: separator === '.' || separator === '' ? '-' : separator,
    wordSeparator,
    extension,
    firstNumber,
  };
}

/** A file-name slug from a title: lower case letters and digits of any script, joined by `-`. */
export function slugify(title: string, wordSeparator = '-', maxLength = 80): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}${wordSeparator}${w}` : w;
    if (next.length > maxLength && slug) break;
    slug = next.slice(0, maxLength);
  }
  return slug || 'untitled';
}

export interface NamedFile {
  fileName: string;
  /** The number of a numbered file. */
  number?: number;
}

/**
 * The next free file name: the highest number in the folder plus one (padded to the folder's width),
 * or today's date prefix with a `-2`, `-3`… suffix when the same slug was already written today.
 * `taken` is the folder listing at the time of the attempt; call again after a failed exclusive create.
 */
export function nextFileName(scheme: NamingScheme, taken: readonly string[], slug: string, date: string): NamedFile {
  const takenSet = new Set(taken.map((n) => n.toLowerCase()));
  if (scheme.style === 'date') {
    const prefix = date.replace(/-/g, '').slice(0, 8);
    for (let i = 1; ; i++) {
      const fileName = `${prefix}-${slug}${i === 1 ? '' : `-${i}`}${scheme.extension}`;
      if (!takenSet.has(fileName.toLowerCase())) return { fileName };
    }
  }
  let n = scheme.firstNumber;
  const usedNumbers = new Set<number>();
  for (const name of taken) {
    if (!isDocumentFileName(name)) continue;
    const parts = parseFileName(name);
    if (parts.number === undefined || parts.datePrefixed) continue;
    usedNumbers.add(parts.number);
    if (parts.number >= n) n = parts.number + 1;
  }
  for (;; n++) {
    if (usedNumbers.has(n)) continue;
    const fileName = numberedFileName(scheme, n, slug);
    if (!takenSet.has(fileName.toLowerCase())) return { fileName, number: n };
  }
}

/** A numbered file name with a number chosen by the caller; it must still be free. */
function forcedFileName(scheme: Extract<NamingScheme, { style: 'numbered' }>, taken: readonly string[], slug: string, n: number): NamedFile {
  for (const name of taken) {
    const parts = isDocumentFileName(name) ? parseFileName(name) : undefined;
    if (parts?.number === n && !parts.datePrefixed) throw new Error(`number ${n} is already used by ${name}`);
  }
  return { fileName: numberedFileName(scheme, n, slug), number: n };
}

function numberedFileName(scheme: Extract<NamingScheme, { style: 'numbered' }>, n: number, slug: string): string {
  return `${scheme.prefix}${String(n).padStart(scheme.width, '0')}${scheme.separator}${slug}${scheme.extension}`;
}

/**
 * The template family a folder already uses, judged from its documents' text: adr-tools' `## Status`
 * section, MADR 2 / log4brains bullets, or front matter. Empty folders follow the configuration.
 */
export function detectTemplateStyle(texts: readonly string[], configured: RationaleConfig['template'], scheme: NamingScheme, adrTools = false): TemplateStyle {
  const votes: Record<TemplateStyle, number> = { madr: 0, madr2: 0, nygard: 0 };
  for (const text of texts) {
    const head = text.slice(0, 4000);
    const firstH2 = head.search(/^##\s/m);
    const preamble = firstH2 < 0 ? head : head.slice(0, firstH2);
    if (/^---\r?\n[\s\S]*?^status\s*:/m.test(head) && head.startsWith('---')) votes.madr++;
    else if (/^[-*+]\s+(?:\*\*|__)?status(?:\*\*|__)?\s*:/im.test(preamble)) votes.madr2++;
    else if (/^##\s+status\s*$/im.test(head)) votes.nygard++;
  }
  const best = (Object.keys(votes) as TemplateStyle[]).sort((a, b) => votes[b] - votes[a])[0];
  if (votes[best] > 0) return best;
  if (configured === 'nygard' || adrTools) return 'nygard';
  return scheme.style === 'date' ? 'madr2' : 'madr';
}

/** The older decision a new one supersedes, as the template and the edit need it. */
export interface SupersededDocument {
  document: RationaleDocument;
  /** The older document's current text, to plan the status edit against. */
  text: string;
}

export interface NewDocumentRequest {
  kind: DocKind;
  title: string;
  /** `YYYY-MM-DD`, the document's date (and a date-slug folder's file prefix). */
  date: string;
  config: RationaleConfig;
  folder: FolderChoice;
  /** Names of the files in the folder now. */
  fileNames: readonly string[];
  /** Texts of some documents in the folder, to follow their template family. */
  sampleTexts: readonly string[];
  supersedes?: SupersededDocument;
  /** An id the document must have (a quick fix creating the document an annotation cites). */
  id?: string;
  /** The number that id names, when it is `PREFIX-N` or `N` for this kind: used in the file name. */
  number?: number;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface NewDocumentPlan {
  kind: DocKind;
  scheme: NamingScheme;
  style: TemplateStyle;
  folder: string;
  fileName: string;
  /** Workspace-relative path of the new file. */
  path: string;
  id: string;
  number?: number;
  content: string;
  /** For `--supersedes`: the edits that mark the older decision superseded by the new one. */
  supersedeEdits?: { path: string; edits: TextEdit[]; newText: string };
}

/**
 * Plans a new document. Re-plan with a fresh `fileNames` listing when the chosen name was taken by
 * the time it was created: numbers and contents depend on the name.
 */
export function planNewDocument(req: NewDocumentRequest): NewDocumentPlan {
  const title = req.title.replace(/\s+/g, ' ').trim();
  const firstNumber = req.kind === 'decision' && req.config.template !== 'nygard' ? 0 : 1;
  const scheme0 = detectNamingScheme(req.fileNames, firstNumber);
  const style = req.kind === 'decision' ? detectTemplateStyle(req.sampleTexts, req.config.template, scheme0, basename(req.folder.declaredBy ?? '') === '.adr-dir') : 'madr';
  // adr-tools numbers from 1; MADR (whose own first record is 0000) from 0.
  const scheme: NamingScheme = scheme0.style === 'numbered' && style === 'nygard' ? { ...scheme0, firstNumber: 1 } : scheme0;
  const slug = slugify(title, scheme.wordSeparator);
  const named = req.number !== undefined && scheme.style === 'numbered' ? forcedFileName(scheme, req.fileNames, slug, req.number) : nextFileName(scheme, req.fileNames, slug, req.date);
  const path = req.folder.folder ? `${req.folder.folder}/${named.fileName}` : named.fileName;
  const stem = named.fileName.replace(/\.[^.]+$/, '');
  // A name that spells its kind (`rfc-13-x.md`) gives the id its prefix, as parsing will read it back.
  let id = named.number !== undefined ? numberedId(parseFileName(named.fileName).prefix ?? req.config.idPrefixes[req.kind], named.number) : stem;
  if (req.folder.package) id = `${req.folder.package}/${id}`;
  const self = { id, title, number: named.number, path };
  let content = renderTemplate({ kind: req.kind, style, title, date: req.date, number: named.number, declareKind: !req.folder.discoverable, path, supersedes: req.supersedes?.document });
  // An id the file name cannot carry (a slug id, or a number in a date-slug folder) goes in front matter.
  if (req.id !== undefined && !(named.number !== undefined && named.number === req.number)) {
    id = req.id;
    content = content.startsWith('---\n') ? `---\nid: ${yamlScalar(req.id)}\n${content.slice(4)}` : `---\nid: ${yamlScalar(req.id)}\n---\n${content}`;
  }
  const plan: NewDocumentPlan = { kind: req.kind, scheme, style, folder: req.folder.folder, fileName: named.fileName, path, id, number: named.number, content };
  if (req.supersedes) {
    const edits = supersedeEdits(req.supersedes.document, req.supersedes.text, self);
    plan.supersedeEdits = { path: req.supersedes.document.path, edits, newText: applyEdits(req.supersedes.text, edits) };
  }
  return plan;
}

export interface TemplateInput {
  kind: DocKind;
  style: TemplateStyle;
  title: string;
  date: string;
  number?: number;
  /** Add `kind:` front matter, for folders discovery would not recognise. */
  declareKind: boolean;
  /** Workspace-relative path of the new document, for relative links. */
  path: string;
  supersedes?: RationaleDocument;
}

/** The text of a new document. Placeholders follow MADR's `{…}` convention. */
export function renderTemplate(t: TemplateInput): string {
  if (t.kind === 'goal') return goalTemplate(t);
  if (t.kind === 'project') return projectTemplate(t);
  // Relative to the new document, so the link works wherever the folder is.
  const link = t.supersedes ? relativePath(dirname(t.path), t.supersedes.path) : '';
  if (t.style === 'nygard') return nygardTemplate(t, link);
  if (t.style === 'madr2') return madr2Template(t, link);
  return madrTemplate(t, link);
}

function goalTemplate(t: TemplateInput): string {
  return [
    '---',
    ...(t.declareKind ? ['kind: goal'] : []),
    'status: active',
    '# priority: P1        # P0–P4, high/medium/low, or a number',
    '# owner: {name}',
    '# horizon: {e.g. 2027-H1}',
    'metrics: []           # e.g. [{ name: weekly active teams, target: 500 }]',
    '---',
    `# ${t.title}`,
    '',
    '## Why this matters',
    '',
    '{What the company gains when this goal is met, in two or three sentences.}',
    '',
    '## Key results',
    '',
    '* {measurable result 1}',
    '* {measurable result 2}',
    '',
  ].join('\n');
}

function projectTemplate(t: TemplateInput): string {
  return [
    '---',
    ...(t.declareKind ? ['kind: project'] : []),
    'status: proposed',
    `date: ${t.date}`,
    'goals: []             # ids of the goals this project serves, e.g. [GOAL-0001]',
    '# priority: P1        # P0–P4, high/medium/low, or a number',
    '# appetite: 6 weeks   # the effort budget',
    '# owner: {name}',
    '---',
    `# ${t.title}`,
    '',
    '## Problem',
    '',
    '{Who has the problem, how we know, and why solving it now serves the goals above.}',
    '',
    '## Proposal',
    '',
    '{What we will build, within the appetite.}',
    '',
    '## Out of scope',
    '',
    '* {what we will not do}',
    '',
    '## Success metrics',
    '',
    '* {how we will know it worked}',
    '',
    '## Risks and open questions',
    '',
    '* {risk or question}',
    '',
  ].join('\n');
}

/** adr-tools (Michael Nygard's format): numbered heading, `## Status` section. */
function nygardTemplate(t: TemplateInput, link: string): string {
  const old = t.supersedes;
  const heading = t.number !== undefined ? `# ${t.number}. ${t.title}` : `# ${t.title}`;
  return [
    ...(t.declareKind ? ['---', 'kind: decision', '---'] : []),
    heading,
    '',
    `Date: ${t.date}`,
    '',
    '## Status',
    '',
    'Proposed',
    ...(old ? ['', `Supersedes [${nygardLabel(old)}](${link})`] : []),
    '',
    '## Context',
    '',
    '{The issue motivating this decision, and any context that influences or constrains it.}',
    '',
    '## Decision',
    '',
    '{The change that we are proposing or have agreed to implement.}',
    '',
    '## Consequences',
    '',
    '{What becomes easier or more difficult to do because of this change.}',
    '',
  ].join('\n');
}

/** MADR 2 and log4brains: a `- Status:` bullet list instead of front matter. */
function madr2Template(t: TemplateInput, link: string): string {
  const old = t.supersedes;
  return [
    ...(t.declareKind ? ['---', 'kind: decision', '---'] : []),
    `# ${t.title}`,
    '',
    '- Status: proposed',
    '- Deciders: {list everyone involved in the decision}',
    `- Date: ${t.date}`,
    '',
    '## Context and Problem Statement',
    '',
    '{Describe the context and problem statement in two or three sentences.}',
    '',
    '## Considered Options',
    '',
    '- {option 1}',
    '- {option 2}',
    '',
    '## Decision Outcome',
    '',
    'Chosen option: "{option 1}", because {justification}.',
    '',
    '## Links',
    '',
    ...(old ? [`- Supersedes [${old.id}](${link})`] : ['- {link type} [{title}]({file})']),
    '',
  ].join('\n');
}

/** MADR 3 and later: front matter, the default. */
function madrTemplate(t: TemplateInput, link: string): string {
  const old = t.supersedes;
  return [
    '---',
    ...(t.declareKind ? ['kind: decision'] : []),
    'status: proposed',
    `date: ${t.date}`,
    ...(old ? [`supersedes: ${yamlScalar(old.id)}`] : []),
    '# decision-makers: {list everyone involved in the decision}',
    '# project: {PRD-…}',
    '# applies-to: ["src/**"]   # the code this decision governs',
    '---',
    `# ${t.title}`,
    '',
    '## Context and Problem Statement',
    '',
    '{Describe the context and problem statement in two or three sentences.}',
    '',
    '## Considered Options',
    '',
    '* {title of option 1}',
    '* {title of option 2}',
    '',
    '## Decision Outcome',
    '',
    'Chosen option: "{title of option 1}", because {justification}.',
    '',
    '### Consequences',
    '',
    '* Good, because {positive consequence}',
    '* Bad, because {negative consequence}',
    '',
    '### Confirmation',
    '',
    '{How compliance will be confirmed. Rules Rationale can check go in the front matter under `rules:`.}',
    '',
    ...(old ? ['## More Information', '', `Supersedes [${old.id}: ${escapeLinkText(old.title)}](${link}).`, ''] : []),
  ].join('\n');
}

/** The new document as the superseded one should name it. */
export interface Successor {
  id: string;
  title: string;
  number?: number;
  /** Workspace-relative path. */
  path: string;
}

/**
 * Edits that mark `old` superseded by `successor`, in whatever form `old` writes its status: the
 * front matter `status:` (MADR 3+: `superseded by ADR-0012`), a `- Status:` bullet (MADR 2/log4brains:
 * `superseded by [id](file)`), or the adr-tools `## Status` section (`Superseded by [12. Title](file)`,
 * which is also the link line). Only the status value is replaced; nothing else in the file moves.
 */
export function supersedeEdits(old: RationaleDocument, text: string, successor: Successor): TextEdit[] {
  const lines = new LineMap(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const link = relativePath(dirname(old.path), successor.path);
  const bulletValue = `superseded by [${escapeLinkText(successor.id)}](${link})`;
  const sectionValue = `Superseded by [${escapeLinkText(successor.number !== undefined ? `${successor.number}. ${successor.title}` : successor.title)}](${link})`;
  const fm = old.frontMatterRange;
  const r = old.statusRange;
  if (r) {
    if (fm && !before(r.start, fm.start) && !before(fm.end, r.end)) {
      return [{ range: r, newText: yamlScalar(`superseded by ${successor.id}`) }];
    }
    if (/^\s*[-*+]\s/.test(lines.lineText(r.start.line))) return [{ range: r, newText: bulletValue }];
    return [{ range: r, newText: sectionValue }];
  }
  // No status written yet: add one where the document's form keeps it.
  if (fm) {
    // Just before the closing fence, whatever the range's end convention.
    let close = fm.end.line;
    while (close < lines.lineCount && !/^(---|\.\.\.)\s*$/.test(lines.lineText(close))) close++;
    const at = { line: close, character: 0 };
    return [{ range: { start: at, end: at }, newText: `status: ${yamlScalar(`superseded by ${successor.id}`)}${eol}` }];
  }
  for (let l = 0; l < lines.lineCount; l++) {
    const lt = lines.lineText(l);
    if (/^##\s+status\s*$/i.test(lt)) {
      const at = { line: l + 1, character: 0 };
      return [{ range: { start: at, end: at }, newText: `${eol}${sectionValue}${eol}` }];
    }
    if (/^##\s/.test(lt)) break;
    const bullet = /^(\s*)([-*+])\s+(?:\*\*|__)?(date|deciders|decision-makers|tags)\b/i.exec(lt);
    if (bullet) {
      const at = { line: l, character: 0 };
      return [{ range: { start: at, end: at }, newText: `${bullet[1]}${bullet[2]} Status: ${bulletValue}${eol}` }];
    }
  }
  const top = { line: 0, character: 0 };
  return [{ range: { start: top, end: top }, newText: `---${eol}status: ${yamlScalar(`superseded by ${successor.id}`)}${eol}---${eol}` }];
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineMap(text);
  const sorted = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** A relative link from a folder to a file, both workspace-relative with `/`. */
export function relativePath(fromDir: string, to: string): string {
  const from = fromDir ? fromDir.split('/') : [];
  const target = to.split('/');
  let i = 0;
  while (i < from.length && i < target.length - 1 && from[i] === target[i]) i++;
  const up = from.slice(i).map(() => '..');
  const rel = [...up, ...target.slice(i)].join('/');
  return encodeURI(rel).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function nygardLabel(doc: RationaleDocument): string {
  return escapeLinkText(doc.number !== undefined ? `${doc.number}. ${doc.title}` : doc.title);
}

function escapeLinkText(s: string): string {
  return s.replace(/[[\]\\]/g, (c) => `\\${c}`);
}

/** A YAML scalar for a short value: plain when that reads back the same, else double-quoted. */
export function yamlScalar(value: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/.test(value) && !/\s$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[\d.]+$/.test(value)) return value;
  return JSON.stringify(value);
}
