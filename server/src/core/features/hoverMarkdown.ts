import type { RationaleDocument } from '../documents/document.js';
import type { GoverningDocument } from '../index/governance.js';
import { chainOf } from '../index/governance.js';
import type { WorkspaceIndex } from '../index/workspaceIndex.js';
import { statusInForce, statusInForceText } from '../index/statusInForce.js';
import type { Suppression } from '../source/codeReference.js';
import { clientCommands } from './commandIds.js';
import { byGovernanceStrength, governanceReason } from './governanceReason.js';
import { commandLinkArguments, escapeMarkdown } from './markdownEscape.js';

export interface HoverLinkTarget {
  /** Turns a workspace path into the URI string the client understands. */
  uriOf(path: string): string;
}

function commandLink(title: string, command: string, args: unknown[]): string {
  return `[${title}](command:${command}?${commandLinkArguments(args)})`;
}

function statusBadge(index: WorkspaceIndex, doc: RationaleDocument): string {
  const s = statusInForceText(statusInForce(index, doc)) ?? 'no status';
  return doc.statusKnown ? `\`${escapeMarkdown(s)}\`` : `\`${escapeMarkdown(s)}\` (unrecognised)`;
}

function describeChain(projects: RationaleDocument[], goals: RationaleDocument[]): string[] {
  const lines: string[] = [];
  for (const p of projects) {
    const extras = [p.priority !== undefined ? `priority ${p.priority}` : '', p.appetite ? `appetite ${p.appetite}` : '', p.status ?? ''].filter(Boolean).map((x) => escapeMarkdown(String(x)));
    lines.push(`Project **${escapeMarkdown(p.id)}** ${escapeMarkdown(p.title)}${extras.length ? ` (${extras.join(', ')})` : ''}`);
  }
  for (const g of goals) {
    const extras = [g.priority !== undefined ? `priority ${g.priority}` : '', g.status ?? ''].filter(Boolean).map((x) => escapeMarkdown(String(x)));
    lines.push(`Goal **${escapeMarkdown(g.id)}** ${escapeMarkdown(g.title)}${extras.length ? ` (${extras.join(', ')})` : ''}`);
  }
  return lines;
}

/** One document's hover section: id, title, status, date, summary, chain, and our command links. */
export function documentHover(index: WorkspaceIndex, doc: RationaleDocument, target: HoverLinkTarget, via?: GoverningDocument['via']): string {
  const { projects, goals } = chainOf(index, doc);
  const head = `**${escapeMarkdown(doc.id)}** · ${escapeMarkdown(doc.title)} · ${statusBadge(index, doc)}${doc.date ? ` · ${escapeMarkdown(doc.date)}` : ''}${via ? ` · _${via === 'scope' ? 'governs this file by applies-to' : 'cited here'}_` : ''}`;
  const parts = [head];
  if (doc.summary) parts.push(escapeMarkdown(doc.summary));
  const chain = describeChain(projects, goals);
  if (chain.length) parts.push(chain.join('  \n'));
  parts.push(`${commandLink('Open', clientCommands.openDocument, [target.uriOf(doc.path)])} · ${commandLink('Show in Mental Model', clientCommands.revealInTree, [doc.id])}`);
  return parts.join('\n\n');
}

/**
 * Documents shown in full in one hover. A rule scoped to `src/**` makes its decision govern every
 * file: a monorepo's hover could list hundreds, too long to read and, at 500, milliseconds to
 * render on every mouse move. The strongest reasons come first; the rest are named in one line.
 */
export const hoverSectionLimit = 8;

/** Documents named by id in the line after the full sections; beyond it, only a count. */
const hoverNamedLimit = 20;

/** The hover over a line of code: the governing documents, most specific (annotations) first. */
export function governingHover(index: WorkspaceIndex, governing: readonly GoverningDocument[], target: HoverLinkTarget): string | undefined {
  if (governing.length === 0) return undefined;
  const sorted = [...governing].sort(byGovernanceStrength);
  const strong = sorted.filter((g) => g.via !== 'mention');
  const sections = strong.slice(0, hoverSectionLimit).map((g) => (g.via === 'annotation' || g.via === 'scope' ? documentHover(index, g.document, target, g.via) : `_${escapeMarkdown(governanceReason(g))}_\n\n${documentHover(index, g.document, target)}`));
  const more = moreLine(strong.slice(hoverSectionLimit), target);
  const mentions = mentionsLine(sorted.filter((g) => g.via === 'mention'), target);
  return [...sections, ...(more ? [more] : []), ...(mentions ? [mentions] : [])].join('\n\n---\n\n');
}

/** The governing documents past the full sections: named (up to a limit), then counted. */
function moreLine(rest: readonly GoverningDocument[], target: HoverLinkTarget): string | undefined {
  if (rest.length === 0) return undefined;
  const named = rest.slice(0, hoverNamedLimit).map((g) => commandLink(escapeMarkdown(g.document.id), clientCommands.openDocument, [target.uriOf(g.document.path)]));
  const unnamed = rest.length - named.length;
  return `Also governing this file (${rest.length}): ${named.join(' · ')}${unnamed > 0 ? ` and ${unnamed} more` : ''}. The This File view lists them all.`;
}

/** Mentions are weaker than annotations and shown apart: one line naming each document and how it names the code. */
function mentionsLine(mentions: readonly GoverningDocument[], target: HoverLinkTarget): string | undefined {
  if (mentions.length === 0) return undefined;
  const each = mentions.map((g) => `${commandLink(escapeMarkdown(g.document.id), clientCommands.openDocument, [target.uriOf(g.document.path)])} ${escapeMarkdown(g.document.title)}${g.mention ? ` (as ${escapeMarkdown(g.mention.text)})` : ''}`);
  return `Mentioned in ${each.join(' · ')}`;
}

/** Exceptions recorded for a line (`rationale-disable-next-line`): hovers show them, they are not hidden. */
export function exceptionsHover(suppressions: readonly Suppression[], line: number): string | undefined {
  const here = suppressions.filter((x) => x.targetLine === line);
  if (here.length === 0) return undefined;
  return here
    .map((x) => `**Exception** to ${x.ids.length ? x.ids.map((i) => `**${escapeMarkdown(i)}**`).join(', ') : 'every rule'}: ${x.reason ? escapeMarkdown(x.reason) : '_no reason given_'}`)
    .join('  \n');
}
