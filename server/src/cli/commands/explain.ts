import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { RationaleDocument } from '../../core/documents/document.js';
import { matchesAny } from '../../core/base/glob.js';
import { chainOf, governing, type GoverningDocument } from '../../core/index/governance.js';
import { governanceReason, governanceStrength } from '../../core/features/governanceReason.js';
import { MentionIndex } from '../../core/index/mentions.js';
import { LineMap } from '../../core/base/range.js';
import { latestSuccessor, supersessionGraph } from '../../core/index/supersession.js';
import { statusInForce, statusInForceFields } from '../../core/index/statusInForce.js';
import { statusText } from '../../core/documents/statusText.js';
import { statusClassOf } from '../../core/documents/statusClass.js';
import type { WorkspaceIndex } from '../../core/index/workspaceIndex.js';
import { CliError, parseArgs, UsageError, type CommandSpec } from '../args.js';
import { colors, shouldColor, type Colors } from '../colors.js';
import type { CliIo } from '../io.js';
import { loadWorkspaceWithWarnings, resolveRoot } from '../loadWorkspace.js';
import { escapeStrings, escapeText } from '../terminalText.js';
import { explainRequirements, renderRequirements } from './explainRequirements.js';
import { displayPath, findWorkspaceRoot, workspaceRelative } from '../workspaceRoot.js';

export const explainSpec: CommandSpec = {
  name: 'explain',
  flags: {
    dir: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: ['path[:line]'],
};

/** `src/a.ts:12` (or `:12:5`) when that is not itself an existing file name. */
export function parseLocation(cwd: string, arg: string): { abs: string; line?: number } {
  const whole = nodePath.resolve(cwd, arg);
  if (fs.existsSync(whole)) return { abs: whole };
  const m = /^(.*?):(\d+)(?::\d+)?$/.exec(arg);
  if (m && m[1]) {
    const line = Number(m[2]);
    if (line < 1) throw new UsageError(`line numbers start at 1 (got ${m[2]})`, 'explain');
    return { abs: nodePath.resolve(cwd, m[1]), line };
  }
  return { abs: whole };
}

interface ExplainedDocument {
  id: string;
  kind: RationaleDocument['kind'];
  title: string;
  /** The status in force (statusInForce.ts). */
  status: string | null;
  /** The canonical status the file states, when it differs from the one in force. */
  writtenStatus?: string;
  /** Whether the status in force no longer governs anything. */
  retired: boolean;
  date: string | null;
  file: string;
  summary: string;
  via: GoverningDocument['via'] | 'self';
  /** For annotations: the 1-based line of the annotation. */
  annotationLine?: number;
  /** For scopes and rules: the glob that matched. */
  glob?: string;
  /** Bare ids and mentions only suggest a link; annotations, scopes and rules govern. */
  strength?: 'strong' | 'weak';
  /** How it governs, in words (`its rule scopes src/ui/**`, `mentioned in ADR-0021 as \`src/db/\``). */
  reason?: string;
  /** For superseded decisions: the decision in force now. */
  successor?: { id: string; title: string; file: string };
  projects: { id: string; title: string; status: string | null; file: string }[];
  goals: { id: string; title: string; status: string | null; file: string }[];
}

export async function runExplain(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, explainSpec);
  const { abs, line } = parseLocation(io.cwd, args.positionals[0]);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    throw new CliError(`no such file: ${args.positionals[0]}`);
  }
  if (!st.isFile()) throw new CliError(`not a file: ${args.positionals[0]} (explain looks at one file, or one line of it)`);
  const dir = args.flags.dir as string | undefined;
  const root = dir !== undefined ? resolveRoot(io, dir) : (findWorkspaceRoot(nodePath.dirname(abs)) ?? (workspaceRelative(io.cwd, abs) !== undefined ? io.cwd : nodePath.dirname(abs)));
  const rel = workspaceRelative(root, abs);
  if (rel === undefined || rel === '') throw new CliError(`${args.positionals[0]} is outside the workspace ${root}`);

  const loaded = loadWorkspaceWithWarnings(io, root);
  const index = loaded.index;
  const text = loaded.workspace.readText(rel);
  const lines = text !== undefined ? new LineMap(text) : undefined;
  if (line !== undefined && lines && line > lines.lineCount) {
    throw new CliError(`line ${line} is past the end of ${rel} (${lines.lineCount} lines)`);
  }

  const explained = explain(index, rel, text, line === undefined ? undefined : line - 1, (p) => loaded.workspace.readText(p));
  const exceptions = (index.annotations.get(rel)?.suppressions ?? []).filter((s) => line === undefined || s.targetLine === line - 1);
  if (args.flags.json) {
    io.stdout.write(`${JSON.stringify({
      file: rel,
      line: line ?? null,
      governing: explained,
      requirements: explainRequirements(index, rel, line === undefined ? undefined : line - 1),
      exceptions: exceptions.map((s) => ({ line: s.range.start.line + 1, appliesToLine: s.targetLine + 1, ids: s.ids, reason: s.reason ?? null })),
    }, null, 2)}\n`);
    return 0;
  }
  const c = colors(shouldColor(io, io.stdout));
  // People see paths as they would type them from here; JSON keeps workspace-relative ones.
  // A source's document is shown by its qualified path (`strategy:goals/3.md`), not as a file here.
  const show = (p: string) => (index.sources?.documents.has(p) ? p : displayPath(io.cwd, nodePath.join(root, p)));
  const where = escapeText(line !== undefined ? `${show(rel)}:${line}` : show(rel));
  const out: string[] = [];
  if (explained.length === 0) {
    out.push(`Nothing governs ${where}: no annotation or id covers it, no decision's applies-to or rules scope it, and no document mentions it.`);
  } else {
    const n = explained.filter((e) => e.via !== 'self').length;
    out.push(c.bold(explained[0].via === 'self' ? `${where} is ${escapeText(explained[0].id)}` : `${where} is governed by ${n} ${n === 1 ? 'document' : 'documents'}`));
    // Every field is repository text: escaped as data, before colours are added around it.
    for (const e of explained) out.push('', ...renderBlock(escapeStrings(e), c, wrapWidth(io), show));
  }
  for (const s of escapeStrings(exceptions)) {
    const what = s.ids.length ? s.ids.join(', ') : 'any decision';
    out.push('', `${c.yellow('exception')}  line ${s.targetLine + 1} may depart from ${what}: ${s.reason ?? 'no reason given'} (rationale-disable-next-line on line ${s.range.start.line + 1})`);
  }
  out.push(...renderRequirements(index, rel, line === undefined ? undefined : line - 1, c, show));
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

/** What governs a file or a zero-based line of it, with each document's chain up to its goals. */
export function explain(index: WorkspaceIndex, path: string, text: string | undefined, line?: number, read?: (path: string) => string | undefined): ExplainedDocument[] {
  const graph = supersessionGraph(index);
  const out: ExplainedDocument[] = [];
  const self = index.documents.get(path);
  if (self) out.push(describe(index, graph, path, { document: self, via: 'self', ...chainOf(index, self) }));
  // Mentions need every document's text; explain asks about one file, so they are computed here, not by check.
  const mentions = read ? new MentionIndex(index, read).mentioning(path) : undefined;
  for (const g of governing(index, path, text, line, mentions)) {
    if (g.document === self) continue;
    out.push(describe(index, graph, path, g));
  }
  return out;
}

function describe(index: WorkspaceIndex, graph: ReturnType<typeof supersessionGraph>, path: string, g: Omit<GoverningDocument, 'via'> & { via: ExplainedDocument['via'] }): ExplainedDocument {
  const d = g.document;
  const brief = (x: RationaleDocument) => ({ id: x.id, title: x.title, status: x.status ?? null, file: x.path });
  const inForce = statusInForce(index, d);
  const e: ExplainedDocument = {
    id: d.id,
    kind: d.kind,
    title: d.title,
    ...statusInForceFields(index, d),
    date: d.date ?? null,
    file: d.path,
    summary: d.summary,
    via: g.via,
    projects: g.projects.map(brief),
    goals: g.goals.map(brief),
  };
  if (g.via === 'annotation' && g.reference) e.annotationLine = g.reference.range.start.line + 1;
  if (g.via === 'bare-id' && g.reference) e.annotationLine = g.reference.range.start.line + 1;
  if (g.via === 'scope') e.glob = g.glob ?? d.appliesTo.find((glob) => matchesAny(path, [glob]));
  if (g.via === 'rule') e.glob = g.glob;
  if (g.via !== 'self') {
    e.strength = governanceStrength(g.via);
    e.reason = governanceReason({ ...g, via: g.via });
  }
  if (inForce.status === 'superseded') {
    const s = latestSuccessor(index, graph, d);
    if (s) e.successor = { id: s.id, title: s.title, file: s.path };
  }
  return e;
}

function renderBlock(e: ExplainedDocument, c: Colors, width: number, show: (path: string) => string): string[] {
  const status = statusText(e.status ?? undefined, e.writtenStatus) ?? 'no status';
  const statusClass = statusClassOf(e.kind, e.status ?? undefined);
  const colored = statusClass === 'in-force' ? c.green(status) : statusClass === 'retired' ? c.red(status) : c.yellow(status);
  const out = [`${c.bold(e.id)}  ${e.title}`];
  const field = (name: string, value: string) => out.push(`  ${c.dim(name.padEnd(8))} ${value}`);
  field('status', `${colored}${e.date ? ` · ${e.date}` : ''}${e.successor ? ` → now ${e.successor.id} ${e.successor.title} (${show(e.successor.file)})` : ''}`);
  if (e.via === 'annotation') field('why', `annotation on line ${e.annotationLine}`);
  else if (e.via === 'scope') field('why', `applies-to ${e.glob ?? 'scope'}`);
  else if (e.reason) field('why', escapeText(e.strength === 'weak' ? `${e.reason} (weaker than an annotation)` : e.reason));
  field('file', show(e.file));
  if (e.summary) {
    const wrapped = wrap(e.summary, Math.max(40, width - 11));
    field('summary', wrapped[0]);
    for (const l of wrapped.slice(1)) out.push(`  ${' '.repeat(8)} ${l}`);
  }
  for (const p of e.projects) field('project', `${p.id}  ${p.title}${p.status ? ` (${p.status})` : ''}`);
  for (const g of e.goals) field('goal', `${g.id}  ${g.title}${g.status ? ` (${g.status})` : ''}`);
  return out;
}

function wrapWidth(io: CliIo): number {
  return Math.min(io.stdout.isTTY ? (io.stdout.columns ?? 100) : 100, 100);
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
