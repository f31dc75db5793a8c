import { LineMap, type Range } from '../base/range.js';
import { commentLine } from '../source/commentSyntax.js';
import { resolveId, type WorkspaceIndex } from '../index/workspaceIndex.js';
import { clientCommands, type ClientCommand } from './commandIds.js';
import { supersedeEdits } from './newDocument.js';
import { ruleKinds } from '../rules/ruleSpec.js';
import { retiredReferenceCodes } from '../checks/referenceChecks.js';

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

/** Quick fixes for one of Rationale's own findings in the file at `path`, whose current text is `text`. */
export function quickFixes(index: WorkspaceIndex, path: string, text: string, finding: FixableFinding): QuickFix[] {
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
    out.push({ title: `Record an exception to ${id} for this line (reason required)`, edits: [exceptionEdit(path, text, finding.range.start.line, id)] });
  }
  return out;
}

/** Inserts `<comment> rationale-disable-next-line ID -- <reason>` above the line, indented like it. */
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
