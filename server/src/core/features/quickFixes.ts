import { LineMap, type Range } from '../base/range.js';
import { commentLine } from '../source/commentSyntax.js';
import { resolveId, type WorkspaceIndex } from '../index/workspaceIndex.js';
import { clientCommands, type ClientCommand } from './commandIds.js';
import { supersedeEdits } from './newDocument.js';
import { ruleKinds } from '../rules/ruleSpec.js';
import { retiredReferenceCodes } from '../checks/referenceChecks.js';
import { addDays, isCalendarDate } from '../base/calendarDate.js';

/** What a quick fix needs to know about the finding it fixes (the editor keeps it on the diagnostic). */
export interface FixableFinding {
  code: string;
  range: Range;
  /** The decision the finding concerns, or null. */
  decision: string | null;
  /** For a superseded decision: the id of the one in force. */
  successor?: string;
  /** For an unknown id: the id, and the kind it was cited as. */
  id?: string;
  kind?: string;
}

/** An edit to the file the finding is in. */
export interface FixEdit {
  range: Range;
  newText: string;
  /**
   * The same insert as a snippet (`${1:…}` placeholders) for editors that accept snippet edits:
   * the placeholder is selected after the insert, so the user types over it.
   */
  snippet?: string;
}

export interface QuickFix {
  title: string;
  isPreferred?: boolean;
  edits?: FixEdit[];
  /** A client command to run instead of (or after) the edits. */
  command?: { title: string; command: ClientCommand; arguments: unknown[] };
}

/** Codes of findings that an exception (`rationale-disable-next-line`) may excuse. */
const excusableCodes = new Set<string>([...ruleKinds, ...Object.values(retiredReferenceCodes).flatMap((c) => c ?? [])]);

/** The placeholder an exception's reason starts as; the check reports it as "no reason" until replaced. */
const reasonPlaceholder = '<reason>';

/** What the exception quick fix proposes as its end: `days` after `today`; no end without both. */
export interface ExceptionEndOptions {
  /** `YYYY-MM-DD`, from the host (never the clock here). */
  today?: string;
  /** `rationale.exceptions.defaultDays`: 0 proposes no end date; default 90. */
  days?: number;
}

/** An exception is a debt with a due date: a quarter unless the user says otherwise. */
export const defaultExceptionDays = 90;

/** Quick fixes for one of Rationale's own findings in the file at `path`, whose current text is `text`. */
export function quickFixes(index: WorkspaceIndex, path: string, text: string, finding: FixableFinding, exceptionEnd: ExceptionEndOptions = {}): QuickFix[] {
  const out: QuickFix[] = [];
  if (finding.code === 'superseded-reference' && finding.successor) {
    out.push({ title: `Replace with ${finding.successor} (the decision in force)`, isPreferred: true, edits: [{ range: finding.range, newText: finding.successor }] });
  }
  if (finding.code === 'superseded-still-accepted' && finding.successor) {
    const doc = index.documents.get(path);
    const successor = resolveId(index, finding.successor, 'decision');
    if (doc && successor) out.push({ title: `Mark ${doc.id} as superseded by ${successor.id}`, isPreferred: true, edits: supersedeEdits(doc, text, successor) });
  }
  if (finding.code === 'unknown-id' && finding.id) {
    const kind = finding.kind ?? 'decision';
    out.push({ title: `Create ${kind} ${finding.id}…`, command: { title: 'Create document', command: clientCommands.createDocumentForId, arguments: [finding.id, kind] } });
  }
  if (excusableCodes.has(finding.code) && !index.documents.has(path)) {
    const id = finding.decision ?? finding.code;
    const until = proposedEnd(exceptionEnd);
    const title = `Record an exception to ${id} for this line${until ? ` until ${until}` : ''} (reason required)`;
    out.push({ title, edits: [exceptionEdit(path, text, finding.range.start.line, until ? `${id} until ${until}` : id)] });
  }
  return out;
}

/** The end date to propose, or undefined for an exception without one. */
function proposedEnd({ today, days = defaultExceptionDays }: ExceptionEndOptions): string | undefined {
  if (!today || !isCalendarDate(today) || !Number.isFinite(days) || days <= 0) return undefined;
  return addDays(today, Math.floor(days));
}

/** Inserts `<comment> rationale-disable-next-line ID [until DATE] -- <reason>` above the line, indented like it. */
function exceptionEdit(path: string, text: string, line: number, id: string): FixEdit {
  const indent = /^\s*/.exec(new LineMap(text).lineText(line))?.[0] ?? '';
  const comment = `${indent}${commentLine(path, `rationale-disable-next-line ${id} -- ${reasonPlaceholder}`)}`;
  // Block comments (`<!-- … -->`) close after the reason, so split around it rather than append.
  const at = comment.lastIndexOf(reasonPlaceholder);
  const snippet = `${escapeSnippet(comment.slice(0, at))}\${1:${escapeSnippet(reasonPlaceholder)}}${escapeSnippet(comment.slice(at + reasonPlaceholder.length))}\n`;
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: `${comment}\n`, snippet };
}

/** Snippet syntax gives `$`, `}` and `\` meaning; plain text in a snippet escapes them. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}
