import type { DocLink, LinkType, RationaleDocument } from './document.js';
import type { Finding } from '../base/finding.js';
import { LineMap, type Range } from '../base/range.js';
import { contentHash } from '../base/contentHash.js';
import { parseYamlMapping } from './frontMatter.js';
import { normalizeStatus } from './statusMap.js';
import { humanize, peopleList, scalarString, unknownStatusFinding, type ParseContext } from './parseDocument.js';
import { basename, dirname, joinPath } from '../workspace/workspace.js';

/** kep.yaml fields that link to other proposals, and the link each makes. */
const kepLinkFields: readonly [field: string, type: LinkType][] = [
  ['replaces', 'supersedes'],
  ['superseded-by', 'superseded-by'],
];

/**
 * A Kubernetes enhancement proposal read from its `kep.yaml` (kubernetes/enhancements): the
 * document is the metadata file, so every range points into the text that holds the value; the
 * proposal's prose stays in the README.md beside it, whose summary (`kepSummary`) the caller
 * passes. Its id is `KEP-<number>`, from `kep-number` or the folder name (`1234-slug`). Pure and
 * never throws, like parseDocument.
 */
export function parseKep(path: string, text: string, ctx: ParseContext, summary = ''): RationaleDocument {
  const lines = new LineMap(text);
  const yaml = parseYamlMapping(text, 0, text.length, lines);
  const data = yaml.data ?? {};
  const folder = basename(dirname(path));
  const folderNumber = /^(\d{1,6})(?:-(.*))?$/.exec(folder);
  const slug = folderNumber ? folderNumber[2] ?? '' : folder;
  const number = kepNumber(data['kep-number']) ?? (folderNumber ? Number(folderNumber[1]) : undefined);
  const id = number !== undefined ? `KEP-${number}` : folder || 'kep';
  const title = scalarString(data.title);
  const rawStatus = scalarString(data.status);
  const status = rawStatus === undefined ? undefined : normalizeStatus(rawStatus, 'project', ctx.statusMap).status;
  const problems: Finding[] = yaml.errors.map((e) => ({ path, range: e.range, severity: 'error', code: 'malformed-front-matter', decision: id, message: `Malformed kep.yaml in ${path}: ${e.message}` }));
  if (rawStatus !== undefined && status === undefined) problems.push(unknownStatusFinding(path, yaml.rangeAt(['status']), id, rawStatus, 'project'));
  const milestones = milestonesOf(data.milestone);
  return {
    kind: 'project',
    format: 'kep',
    path,
    id,
    aliases: [...new Set([folder, slug].filter((a) => a && a !== id))],
    number,
    title: title ?? (humanize(slug || folder) || id),
    titleRange: title !== undefined ? yaml.rangeAt(['title']) : lines.rangeOf(0, 0),
    status: status ?? rawStatus,
    rawStatus,
    statusKnown: rawStatus === undefined || status !== undefined,
    statusRange: rawStatus !== undefined ? yaml.rangeAt(['status']) : undefined,
    date: scalarString(data['creation-date']),
    owner: scalarString(data['owning-sig']),
    authors: peopleList(data.authors),
    ...(milestones ? { milestones } : {}),
    appliesTo: [],
    links: kepLinks(data, (p) => yaml.rangeAt(p)),
    rules: [],
    summary,
    frontMatter: yaml.data,
    frontMatterRange: yaml.range,
    problems,
    hash: contentHash(text),
  };
}

function kepNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && /^\d{1,6}$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

/** `milestone: {alpha: "v1.27", beta: "v1.28"}` as strings; undefined when there is none. */
function milestonesOf(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [stage, release] of Object.entries(v as Record<string, unknown>)) {
    const s = scalarString(release);
    if (s !== undefined) out[stage] = s;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * `replaces` and `superseded-by` name other proposals as `KEP-1234` or by folder
 * (`/keps/sig-node/1234-slug`, from the repository root): a numbered folder gives its KEP id, any
 * other folder a path to its kep.yaml.
 */
function kepLinks(data: Record<string, unknown>, rangeAt: (p: (string | number)[]) => Range): DocLink[] {
  const links: DocLink[] = [];
  for (const [field, type] of kepLinkFields) {
    const v = data[field];
    if (v === undefined || v === null) continue;
    const list = Array.isArray(v) ? v : [v];
    list.forEach((item, i) => {
      const s = scalarString(item);
      if (!s) return;
      const range = Array.isArray(v) ? rangeAt([field, i]) : rangeAt([field]);
      const named = /^kep[-_ ]?(\d+)$/i.exec(s) ?? /(?:^|\/)(\d{1,6})-[^/]*\/?$/.exec(s);
      if (named) links.push({ type, target: `KEP-${Number(named[1])}`, targetIsPath: false, range });
      else {
        const target = joinPath('', `${s.replace(/^\/+|\/+$/g, '')}/kep.yaml`);
        if (target) links.push({ type, target, targetIsPath: true, raw: s, range });
      }
    });
  }
  return links;
}
