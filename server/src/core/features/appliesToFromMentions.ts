import { matchesAny } from '../base/glob.js';
import { LineMap, type Range } from '../base/range.js';
import type { RationaleDocument } from '../documents/document.js';
import { splitFrontMatter } from '../documents/frontMatter.js';
import type { MentionSpan } from '../index/mentions.js';
import { dirname } from '../workspace/workspace.js';
import type { FixEdit, QuickFix } from './quickFixes.js';

/** A folder the document names this many different places under is what the document is about. */
export const mentionsForAppliesTo = 3;

/**
 * Offers to turn repeated mentions of one folder into `applies-to`: a document that names three
 * files under `src/db/` is about `src/db/**`, and saying so makes it govern that code as strongly
 * as an annotation would. Only the tightest such folder is offered (`src/db`, not also `src` when
 * every mention is under `src/db`), and never one `applies-to` already covers.
 */
export function appliesToFromMentions(doc: RationaleDocument, text: string, mentions: readonly MentionSpan[]): QuickFix[] {
  const targets = new Set(mentions.filter((m) => m.kind !== 'dependency').map((m) => m.target));
  const counts = new Map<string, number>();
  for (const t of targets) {
    for (let d = dirname(t); d !== ''; d = dirname(d)) counts.set(d, (counts.get(d) ?? 0) + 1);
    // A mentioned folder counts towards itself too: `src/db/` is a mention under src/db.
    if (mentions.some((m) => m.kind === 'folder' && m.target === t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const out: QuickFix[] = [];
  for (const [folder, count] of counts) {
    if (count < mentionsForAppliesTo) continue;
    const tighter = [...counts].some(([other, n]) => n === count && other !== folder && other.startsWith(`${folder}/`));
    const glob = `${folder}/**`;
    const covered = [...targets].filter((t) => t === folder || t.startsWith(`${folder}/`)).every((t) => matchesAny(t, doc.appliesTo) || matchesAny(`${t}/x`, doc.appliesTo));
    if (tighter || covered) continue;
    out.push({ title: `Add ${glob} to applies-to (${count} mentions under ${folder}/)`, edits: [appliesToEdit(doc, text, glob)] });
  }
  return out.sort((a, b) => a.title.localeCompare(b.title));
}

/** Extends `applies-to` with the glob, in whatever form it is written, or adds it to the front matter. */
export function appliesToEdit(doc: RationaleDocument, text: string, glob: string): FixEdit {
  const lines = new LineMap(text);
  const quoted = JSON.stringify(glob);
  const r = doc.appliesToRange;
  if (r) {
    const value = text.slice(lines.offsetAt(r.start), lines.offsetAt(r.end));
    if (value.startsWith('[')) {
      const close = lines.offsetAt(r.end) - 1;
      const empty = value.slice(1, -1).trim() === '';
      return insert(lines.positionAt(close), `${empty ? '' : ', '}${quoted}`);
    }
    if (value.startsWith('-')) {
      const indent = /^\s*/.exec(lines.lineText(r.start.line))?.[0] ?? '';
      const last = lastItemLine(lines, r);
      return insert({ line: last, character: lines.lineText(last).replace(/\r$/, '').length }, `\n${indent}- ${quoted}`);
    }
    // A single scalar glob: becomes a list of both.
    return { range: r, newText: `[${JSON.stringify(value.replace(/^["']|["']$/g, ''))}, ${quoted}]` };
  }
  const fm = splitFrontMatter(text);
  if (fm) return insert(lines.positionAt(fm.yamlEnd), `applies-to: [${quoted}]\n`);
  return insert({ line: 0, character: 0 }, `---\napplies-to: [${quoted}]\n---\n`);
}

/** The last line of a block sequence's items (the range may end at the start of the next key's line). */
function lastItemLine(lines: LineMap, r: Range): number {
  let line = r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
  while (line > r.start.line && lines.lineText(line).trim() === '') line--;
  return line;
}

function insert(at: { line: number; character: number }, newText: string): FixEdit {
  return { range: { start: at, end: at }, newText };
}
