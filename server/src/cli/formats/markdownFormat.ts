import { groupFindingsByPath, type Finding } from '../../core/base/finding.js';
import type { RationaleDocument } from '../../core/documents/document.js';
import { escapeMarkdown } from '../../core/features/markdownEscape.js';
import { chainOf, governing } from '../../core/index/governance.js';
import { statusInForce, statusInForceText } from '../../core/index/statusInForce.js';
import { resolveId, type WorkspaceIndex } from '../../core/index/workspaceIndex.js';
import { plural, summaryLine, type CheckSummary } from './checkSummary.js';

/** GitHub rejects a comment above 65,536 characters; the rest is room for the note and a margin. */
export const markdownLimit = 60_000;

export interface MarkdownOptions {
  /** The ref of `--changed-since`: the report then covers these changed files. */
  since?: { ref: string; files: readonly string[] };
  /** Longest output (default markdownLimit). */
  limit?: number;
}

/**
 * The pull-request comment: per file (the changed ones, else those with findings), the decisions
 * that govern it and then its findings. Every piece of repository text is escaped, since a title
 * could otherwise inject links, images or HTML into the comment, or mention people.
 */
export function formatMarkdown(index: WorkspaceIndex, findings: readonly Finding[], summary: CheckSummary, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? markdownLimit;
  const byFile = groupFindingsByPath(findings);
  const files = options.since ? [...new Set(options.since.files)].filter((p) => index.fileSet.has(p) || byFile.has(p)).sort() : [...byFile.keys()];
  const head = ['## Rationale', '', `**${summaryLine(summary)}**${options.since ? ` · ${plural(files.length, 'changed file')} since \`${escapeCode(options.since.ref)}\`` : ''}`, ''];
  const out = [...head];
  let length = out.join('\n').length;
  let shown = 0;
  let quiet = 0;
  for (const path of files) {
    const section = fileSection(index, path, byFile.get(path) ?? []);
    if (section.length === 0) {
      quiet++;
      continue;
    }
    const text = section.join('\n');
    if (length + text.length + 1 > limit - 400) return truncated(out, files.length - shown - quiet, findings.length - countShown(byFile, files.slice(0, shown + quiet)));
    out.push(...section);
    length += text.length + 1;
    shown++;
  }
  if (quiet > 0) out.push(`${plural(quiet, 'other changed file')}: no decision governs ${quiet === 1 ? 'it' : 'them'}, and nothing was found.`, '');
  if (files.length === 0) out.push(options.since ? 'No file changed.' : 'Nothing found.', '');
  return `${out.join('\n').trimEnd()}\n`;
}

function truncated(out: string[], filesLeft: number, findingsLeft: number): string {
  out.push(`> **Truncated:** ${plural(filesLeft, 'more file')} and ${plural(findingsLeft, 'more finding')} are not shown (the comment has a size limit). Run \`rationale check\` for everything.`);
  return `${out.join('\n').trimEnd()}\n`;
}

function countShown(byFile: ReadonlyMap<string, readonly Finding[]>, paths: readonly string[]): number {
  return paths.reduce((n, p) => n + (byFile.get(p)?.length ?? 0), 0);
}


/** A file's heading, its governing decisions and its findings; nothing when it has neither. */
function fileSection(index: WorkspaceIndex, path: string, findings: readonly Finding[]): string[] {
  const self = index.documents.get(path);
  const decisions = self ? [] : governing(index, path, undefined).map((g) => g.document).filter((d) => d.kind === 'decision');
  if (decisions.length === 0 && findings.length === 0) return [];
  const out = [`### ${escapeText(path)}${self ? ` (${escapeText(self.id)}: ${escapeText(self.title)})` : ''}`, ''];
  if (decisions.length > 0) out.push('Governed by:', ...decisions.map((d) => `- ${decisionLine(index, d)}`), '');
  if (findings.length > 0) {
    const listed = new Set(decisions.map((d) => d.id));
    out.push('Findings:', ...findings.map((f) => `- ${findingLine(index, f, listed)}`), '');
  }
  return out;
}

/** `**ADR-7** Title · accepted · summary · PRD-1 Project → GOAL-1 Goal`. */
function decisionLine(index: WorkspaceIndex, d: RationaleDocument): string {
  const parts = [`**${escapeText(d.id)}** ${escapeText(d.title)}`, escapeText(statusInForceText(statusInForce(index, d)) ?? 'no status')];
  const summary = oneLine(d.summary);
  if (summary) parts.push(escapeText(summary));
  const chain = chainText(index, d);
  if (chain) parts.push(chain);
  return parts.join(' · ');
}

/** `PRD-1 Project → GOAL-1 Goal`, from the chain governance already works out. */
function chainText(index: WorkspaceIndex, d: RationaleDocument): string {
  const { projects, goals } = chainOf(index, d);
  const name = (x: RationaleDocument) => `${escapeText(x.id)} ${escapeText(x.title)}`;
  const up = goals.length ? goals.map(name).join(', ') : '';
  if (projects.length === 0) return up;
  return `${projects.map(name).join(', ')}${up ? ` → ${up}` : ''}`;
}

/**
 * `**error** line 3 \`forbid-import\`: message` (the message names the decision and carries the
 * rule's own message), then the decision's why when it is not listed above the findings.
 */
function findingLine(index: WorkspaceIndex, f: Finding, listed: ReadonlySet<string>): string {
  const where = f.range.start.line === f.range.end.line ? `line ${f.range.start.line + 1}` : `lines ${f.range.start.line + 1}–${f.range.end.line + 1}`;
  const text = `**${f.severity}** ${where} \`${f.code}\`: ${escapeText(oneLine(f.message))}`;
  const d = f.decision ? resolveId(index, f.decision) : undefined;
  const why = d && !listed.has(d.id) ? oneLine(d.summary) : '';
  return why ? `${text} — ${escapeText(d!.id)}, because: ${escapeText(why)}` : text;
}

/** The first line of a text, cut to a length that keeps the comment short. */
function oneLine(text: string, max = 240): string {
  const first = text.trim().split(/\r\n?|\n/)[0] ?? '';
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}

/**
 * Repository text as Markdown data. Besides Markdown itself, an `@` is followed by a zero-width
 * space so a title cannot mention (and notify) people or teams from a bot's comment.
 */
function escapeText(text: string): string {
  return escapeMarkdown(text).replace(/@/g, '@\u200B');
}

/** Text inside a code span: a backtick would end it, and a line break would end the line. */
function escapeCode(text: string): string {
  return text.replace(/[`\r\n]/g, ' ');
}
