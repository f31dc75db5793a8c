import { compareFindings, type Finding } from '../base/finding.js';
import { contentHash } from '../base/contentHash.js';
import type { Workspace } from '../workspace/workspace.js';

/** The file `rationale baseline` writes at the workspace root. */
export const baselineFileName = '.rationale-baseline.json';

/**
 * One finding accepted as it stood when the baseline was taken. Keyed by the text of its line, never
 * by the line number, so that edits elsewhere in the file do not turn old findings into new ones.
 */
export interface BaselineEntry {
  file: string;
  code: string;
  decision: string | null;
  /** `contentHash` of the finding's line, trimmed. */
  lineHash: string;
  /** How many findings alike in all of the above it accepts (the same import written twice). */
  count: number;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

/** The text of the line a finding starts on, or undefined when the file cannot be read. */
export type LineTextOf = (f: Finding) => string | undefined;

/** A finding Rationale itself failed on must be fixed, never accepted; a stale entry is about the baseline. */
const neverBaselined = new Set<string>(['internal-error', 'stale-baseline']);

function keyOf(e: Omit<BaselineEntry, 'count'>): string {
  return JSON.stringify([e.file, e.code, e.decision, e.lineHash]);
}

function entryOf(f: Finding, lineTextOf: LineTextOf): Omit<BaselineEntry, 'count'> {
  return { file: f.path, code: f.code, decision: f.decision, lineHash: contentHash((lineTextOf(f) ?? '').trim()) };
}

/** Today's findings as a baseline, in a stable order so that the file diffs well. */
export function createBaseline(findings: readonly Finding[], lineTextOf: LineTextOf): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of [...findings].sort(compareFindings)) {
    if (neverBaselined.has(f.code)) continue;
    const e = entryOf(f, lineTextOf);
    const k = keyOf(e);
    const seen = byKey.get(k);
    if (seen) seen.count++;
    else byKey.set(k, { ...e, count: 1 });
  }
  const entries = [...byKey.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return { version: 1, entries };
}

export interface BaselineMatch {
  /** Findings the baseline does not accept: these fail the check. */
  fresh: Finding[];
  /** Findings the baseline accepts: counted, never failing. */
  baselined: Finding[];
  /** Entries (with the count no longer found) that match no finding any more. */
  stale: BaselineEntry[];
}

/** Splits findings into new and baselined; each entry accepts at most `count` findings. */
export function matchBaseline(baseline: Baseline, findings: readonly Finding[], lineTextOf: LineTextOf): BaselineMatch {
  const left = new Map(baseline.entries.map((e) => [keyOf(e), { entry: e, count: e.count }]));
  const fresh: Finding[] = [];
  const baselined: Finding[] = [];
  for (const f of findings) {
    const slot = neverBaselined.has(f.code) ? undefined : left.get(keyOf(entryOf(f, lineTextOf)));
    if (slot && slot.count > 0) {
      slot.count--;
      baselined.push(f);
    } else fresh.push(f);
  }
  const stale = [...left.values()].filter((s) => s.count > 0).map((s) => ({ ...s.entry, count: s.count }));
  return { fresh, baselined, stale };
}

/** The baseline without what no longer occurs (`rationale baseline --prune`): nothing new is added. */
export function pruneBaseline(baseline: Baseline, stale: readonly BaselineEntry[]): Baseline {
  const gone = new Map(stale.map((e) => [keyOf(e), e.count]));
  const entries = baseline.entries
    .map((e) => ({ ...e, count: e.count - (gone.get(keyOf(e)) ?? 0) }))
    .filter((e) => e.count > 0);
  return { version: 1, entries };
}

/** A `stale-baseline` finding (info) on the baseline file for each entry that no longer occurs. */
export function staleBaselineFindings(stale: readonly BaselineEntry[]): Finding[] {
  return stale.map((e) => ({
    path: baselineFileName,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'info',
    code: 'stale-baseline',
    decision: e.decision,
    message: `The baseline accepts ${e.count === 1 ? 'a' : e.count} ${e.code} finding${e.count === 1 ? '' : 's'}${e.decision ? ` (${e.decision})` : ''} in ${e.file} that no longer occur${e.count === 1 ? 's' : ''}: \`rationale baseline --prune\` removes the entry.`,
    data: { file: e.file, lineHash: e.lineHash },
  }));
}

/**
 * The baseline from the file's text, or a message saying what is wrong with it (the CLI and the
 * editor word it the same way). Never throws: the text is data, and JSON.parse runs no code.
 */
export function parseBaselineText(text: string): Baseline | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return `not valid JSON (${(e as Error).message})`;
  }
  const baseline = readBaseline(parsed);
  return typeof baseline === 'string' ? `not a baseline: ${baseline}` : baseline;
}

/** What to do about a baseline file that cannot be read, appended to the reason. */
export const baselineFix = 'fix it, or delete it and run `rationale baseline`';

/**
 * The baseline's entries for `files` only. Entries are keyed by file, so matching a check of some
 * files against this gives what matching the whole workspace gives for them (`--changed-since`,
 * one file in the editor), and no entry of another file turns stale.
 */
export function baselineOfFiles(baseline: Baseline, files: ReadonlySet<string>): Baseline {
  return { version: 1, entries: baseline.entries.filter((e) => files.has(e.file)) };
}

/** The baseline from parsed JSON, or a message saying what is wrong with it. Never throws. */
export function readBaseline(x: unknown): Baseline | string {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return 'not a JSON object';
  const { version, entries } = x as { version?: unknown; entries?: unknown };
  if (version !== 1) return `unknown version ${JSON.stringify(version)} (this Rationale reads version 1)`;
  if (!Array.isArray(entries)) return '"entries" is not a list';
  const out: BaselineEntry[] = [];
  for (const [i, e] of entries.entries()) {
    const entry = readEntry(e);
    if (!entry) return `entry ${i + 1} is not {file, code, decision, lineHash, count}`;
    out.push(entry);
  }
  return { version: 1, entries: out };
}

function readEntry(e: unknown): BaselineEntry | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { file, code, decision, lineHash, count } = e as Record<string, unknown>;
  if (typeof file !== 'string' || typeof code !== 'string' || typeof lineHash !== 'string') return undefined;
  if (decision !== null && typeof decision !== 'string') return undefined;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return undefined;
  return { file, code, decision, lineHash, count };
}

/** The text of a finding's line, read through the workspace once per file (an open editor's text in the editor). */
export function lineTextReader(workspace: Pick<Workspace, 'readText'>): LineTextOf {
  const lines = new Map<string, string[] | undefined>();
  return (f) => {
    if (!lines.has(f.path)) lines.set(f.path, workspace.readText(f.path)?.split('\n'));
    return lines.get(f.path)?.[f.range.start.line];
  };
}

/** The baseline file as the editor reads it: its entries by file, or the one finding that says why it cannot be used. */
export interface BaselineFile {
  byFile: ReadonlyMap<string, Baseline>;
  /** An `invalid-config` finding on the file when it is not a baseline; then nothing counts as baselined. */
  problem?: Finding;
}

/** Reads the baseline file's text (undefined: there is none). Never throws. */
export function readBaselineFile(text: string | undefined): BaselineFile {
  if (text === undefined) return { byFile: new Map() };
  const baseline = parseBaselineText(text);
  if (typeof baseline === 'string') {
    const problem: Finding = {
      path: baselineFileName,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 'error',
      code: 'invalid-config',
      decision: null,
      message: `${baselineFileName} is ${baseline}; until then no finding counts as baselined: ${baselineFix}.`,
    };
    return { byFile: new Map(), problem };
  }
  const byFile = new Map<string, Baseline>();
  for (const e of baseline.entries) {
    const own = byFile.get(e.file);
    if (own) own.entries.push(e);
    else byFile.set(e.file, { version: 1, entries: [e] });
  }
  return { byFile };
}

/** Whether the editor shows a finding as one the baseline accepts (see markBaselined). */
export function isBaselined(f: Finding): boolean {
  return f.data?.baselined === true;
}

/**
 * One file's findings, those the baseline accepts marked `data.baselined` (the editor shows them
 * as hints), matched as the CLI matches them. Stale entries are not reported here: they are the
 * check's and `rationale baseline --prune`'s business.
 */
export function markBaselined(file: BaselineFile, path: string, findings: readonly Finding[], lineTextOf: LineTextOf): readonly Finding[] {
  const own = file.byFile.get(path);
  if (!own || findings.length === 0) return findings;
  const accepted = new Set(matchBaseline(own, findings, lineTextOf).baselined);
  return findings.map((f) => (accepted.has(f) ? { ...f, data: { ...f.data, baselined: true } } : f));
}
