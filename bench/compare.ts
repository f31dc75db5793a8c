/**
 * "Compared with the previous run": the committed bench/RESULTS.md against this run, row by row.
 * Absolute times move with the machine's load, so a row counts as worse only when its ratio to a
 * baseline from the same run worsened too (rows without a ratio fall back on the time).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

/** Worse by more than this fraction is beyond the noise of a 2-core machine shared with builds. */
const noise = 0.2;

interface Row {
  measure: string;
  /** The last number of the time cell: the only one, or p99 of `p50 / p99`. */
  time?: number;
  /** The first `N×` of the ratio cell. */
  ratio?: number;
}

function parseRows(markdown: string): Row[] {
  const rows: Row[] = [];
  // Only the measured tables: the comparison section repeats the measures with other columns.
  const comparison = markdown.indexOf('\n## Compared with the previous run');
  const measured = comparison < 0 ? markdown : markdown.slice(0, comparison);
  for (const line of measured.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length < 3 || cells[0] === 'measure' || cells[0].startsWith('---')) continue;
    const times = cells[1].match(/\d+(?:\.\d+)?/g);
    const ratio = /(\d+(?:\.\d+)?)×/.exec(cells[2]);
    rows.push({ measure: cells[0], time: times ? Number(times[times.length - 1]) : undefined, ratio: ratio ? Number(ratio[1]) : undefined });
  }
  return rows;
}

/** The committed results when this is a git checkout, else the file about to be overwritten. */
export function previousResults(repo: string, file: string): string | undefined {
  try {
    return execFileSync('git', ['-C', repo, 'show', 'HEAD:bench/RESULTS.md'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    // Not a git checkout (an unpacked release, say): compare with what is on disk, if anything.
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  }
}

/** The note's lines: one per measure both runs have, and which got worse beyond noise. */
export function compareResults(previous: string | undefined, current: string): string[] {
  if (previous === undefined) return ['No previous results to compare with.'];
  const before = new Map(parseRows(previous).map((r) => [r.measure, r]));
  const out = ['| measure | previous | now | time | ratio to baseline | verdict |', '|---|---|---|---|---|---|'];
  const worse: string[] = [];
  const change = (a?: number, b?: number) => (a !== undefined && b !== undefined && a > 0 ? b / a : undefined);
  const pct = (x?: number) => (x === undefined ? '' : `${x >= 1 ? '+' : ''}${((x - 1) * 100).toFixed(0)}%`);
  for (const now of parseRows(current)) {
    const was = before.get(now.measure);
    if (!was) continue;
    const dt = change(was.time, now.time);
    const dr = change(was.ratio, now.ratio);
    // Higher is worse for every row (times, memory, ratios to a baseline).
    const isWorse = dr !== undefined ? dr > 1 + noise && (dt ?? Infinity) > 1 : dt !== undefined && dt > 1 + noise;
    if (isWorse) worse.push(now.measure);
    const moved = (x?: number) => x !== undefined && Math.abs(x - 1) > noise;
    // A ratio that worsened while the time improved (or the reverse) says the baseline moved, not the code.
    const verdict = isWorse ? '**worse**'
      : dt !== undefined && dr !== undefined && moved(dr) && (dr > 1) !== (dt > 1) ? 'unclear: time and ratio disagree'
      : (dr ?? dt ?? 1) < 1 - noise ? 'better' : 'within noise';
    const cell = (r: Row) => `${r.time ?? ''}${r.ratio !== undefined ? ` (${r.ratio}×)` : ''}`;
    out.push(`| ${now.measure} | ${cell(was)} | ${cell(now)} | ${pct(dt)} | ${pct(dr)} | ${verdict} |`);
  }
  out.push('', worse.length === 0
    ? `Nothing got worse by more than ${noise * 100}% of its ratio to a baseline of the same run.`
    : `Worse by more than ${noise * 100}% of the ratio to a baseline of the same run: ${worse.join('; ')}.`);
  return out;
}
