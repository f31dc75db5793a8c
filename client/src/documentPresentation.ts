/**
 * How a goal, project or decision looks wherever the client shows one (Mental Model, This File,
 * quick picks, status bar), so a status reads the same everywhere.
 */
import * as vscode from 'vscode';
import type { DocumentKind, DocumentSummary } from '../../server/src/protocol';

const green = new vscode.ThemeColor('testing.iconPassed');
const yellow = new vscode.ThemeColor('charts.yellow');
const red = new vscode.ThemeColor('charts.red');
const blue = new vscode.ThemeColor('charts.blue');
const grey = new vscode.ThemeColor('disabledForeground');

/** Canonical statuses (server/src/core/documents/statusMap.ts) → codicon and colour. */
const statusIcons: Record<DocumentKind, Record<string, [string, vscode.ThemeColor | undefined]>> = {
  decision: {
    accepted: ['pass', green],
    proposed: ['circle-outline', blue],
    draft: ['edit', undefined],
    'on-hold': ['debug-pause', yellow],
    superseded: ['arrow-swap', grey],
    rejected: ['close', red],
    deprecated: ['warning', yellow],
  },
  project: {
    proposed: ['circle-outline', blue],
    active: ['play-circle', green],
    shipped: ['rocket', green],
    paused: ['debug-pause', yellow],
    cancelled: ['close', grey],
  },
  goal: {
    active: ['target', green],
    achieved: ['pass-filled', green],
    dropped: ['close', grey],
  },
};

const kindIcons: Record<DocumentKind, string> = { goal: 'target', project: 'project', decision: 'law' };

export const kindLabels: Record<DocumentKind, string> = { goal: 'Goal', project: 'Project', decision: 'Decision' };

/**
 * Decisions that no longer govern anything (the server decides which: `retired`): the Mental Model
 * hides them unless the user asks for them, because a long history of replaced decisions buries the
 * ones in force. Goals and projects stay, since their decisions hang under them.
 */
export function isRetired(doc: DocumentSummary): boolean {
  return doc.kind === 'decision' && doc.retired;
}

/** The status in force, with the file's own where they differ: `superseded (file says accepted)`. */
export function statusText(doc: DocumentSummary): string | undefined {
  return doc.statusText ?? doc.status;
}

export function statusIcon(doc: DocumentSummary): vscode.ThemeIcon {
  // A status the server could not normalise is worth a second look, so it gets a question mark.
  if (doc.status !== undefined && !doc.statusKnown) return new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  const known = doc.status !== undefined ? statusIcons[doc.kind][doc.status] : undefined;
  if (known) return new vscode.ThemeIcon(known[0], known[1]);
  return new vscode.ThemeIcon(kindIcons[doc.kind]);
}

/** The codicon name only, for labels such as `$(pass) ADR-0007` in quick picks and the status bar. */
export function statusCodicon(doc: DocumentSummary): string {
  return statusIcon(doc).id;
}

/** `P1 · 6 weeks` for goals and projects, `accepted · 2024-05-02` for decisions. */
export function documentDescription(doc: DocumentSummary): string {
  const parts: string[] = [];
  const status = statusText(doc);
  if (doc.kind === 'decision') {
    if (status) parts.push(status);
    if (doc.date) parts.push(doc.date);
  } else {
    if (doc.priority !== undefined && doc.priority !== '') parts.push(priorityText(doc.priority));
    if (doc.appetite) parts.push(doc.appetite);
    if (status) parts.push(status);
  }
  return parts.join(' · ');
}

function priorityText(priority: string | number): string {
  return typeof priority === 'number' ? `P${priority}` : priority;
}

/** `ADR-0007: Use PostgreSQL`, or just the title when the id is the title's slug. */
export function documentLabel(doc: DocumentSummary): string {
  return doc.title ? `${doc.id}: ${doc.title}` : doc.id;
}

/**
 * Document text is untrusted: escape everything Markdown could read as syntax, so a title cannot
 * smuggle in a link, an image or HTML. The tooltip strings are never trusted anyway.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}

export function documentTooltip(doc: DocumentSummary, extra?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(doc.id)}** · ${escapeMarkdown(doc.title)}\n\n`);
  const facts: string[] = [kindLabels[doc.kind]];
  if (doc.status) facts.push(`status: ${escapeMarkdown(statusText(doc)!)}${doc.statusKnown ? '' : ' (not a known status)'}`);
  if (doc.date) facts.push(`date: ${escapeMarkdown(doc.date)}`);
  if (doc.priority !== undefined && doc.priority !== '') facts.push(`priority: ${escapeMarkdown(priorityText(doc.priority))}`);
  if (doc.appetite) facts.push(`appetite: ${escapeMarkdown(doc.appetite)}`);
  if (doc.owner) facts.push(`owner: ${escapeMarkdown(doc.owner)}`);
  md.appendMarkdown(`${facts.join(' · ')}\n\n`);
  if (doc.summary) md.appendMarkdown(`${escapeMarkdown(shorten(doc.summary, 600))}\n\n`);
  if (extra) md.appendMarkdown(escapeMarkdown(extra));
  return md;
}

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
