import { briefLine, oneLine, statusWords, type DocumentBrief } from './documentBrief.js';
import type { BriefGoverningEntry, GoverningEntry, GoverningReport } from './governingDecisions.js';

/**
 * What governs a place in the code, as Markdown an agent (or a person) reads before changing it:
 * the strong reasons (annotations, scopes, rules) in full with their rules, the weak ones (a bare id
 * in a comment, a mention) as one line each, requirements and exceptions, and last the documents
 * beyond the report's detailed ones, one line each, with a sentence saying how to narrow the
 * question. With `maxChars`, whole sections are dropped from the end and the text says how many, so
 * a pasted context is never silently partial.
 */
export function governingMarkdown(report: GoverningReport, maxChars = Infinity): string {
  const where = `\`${oneLine(report.path)}\`${report.line !== null ? ` line ${report.line}` : ''}`;
  const head: string[] = [`# Before changing ${where}`];
  if (!report.exists) head.push('', '_The file does not exist yet; what its path falls under applies to it._');
  if (report.self) head.push('', `This file is ${report.self.kind} ${briefLine(report.self)} itself.`);
  const strong = report.governing.filter((g) => g.strength === 'strong');
  const weak = report.governing.filter((g) => g.strength === 'weak');
  if (report.governing.length === 0) head.push('', 'Nothing governs it: no annotation or id covers it, no decision\'s applies-to or rules scope it, and no document mentions it.');
  else head.push('', `${governedBy(report)} Follow the rules of decisions in force; a superseded decision names the one in force now.`);
  if (report.truncated) head.push('', `_The ${report.truncated.shown} strongest are given in full, the other ${report.truncated.total - report.truncated.shown} listed briefly at the end. To narrow, ask about one line (\`line\`, or \`PATH:LINE\`), or read one document (list_documents, \`rationale explain ID\`)._`);
  const sections = [...strong.map(strongSection), ...(weak.length ? [weakSection(weak)] : []), ...extraSections(report), ...othersSections(report.others)];
  return fitted(head.join('\n'), sections, maxChars);
}

function strongSection(g: GoverningEntry): string {
  const out = [`## ${oneLine(g.id)}: ${oneLine(g.title)}`, ''];
  out.push(`- ${capitalised(g.kind)}, ${statusWords(g)}${g.date ? `, ${g.date}` : ''}${g.retired ? ' (retired: it no longer governs)' : ''}`);
  if (g.successor) out.push(`- Now replaced by **${oneLine(g.successor.id)}** ${oneLine(g.successor.title)} — \`${oneLine(g.successor.path)}\``);
  out.push(`- Why: ${oneLine(g.reason)}`, `- File: \`${oneLine(g.path)}\``);
  for (const p of g.projects) out.push(`- Project: ${chainLine(p)}`);
  for (const x of g.goals) out.push(`- Goal: ${chainLine(x)}`);
  if (g.summary) out.push('', oneLine(g.summary));
  if (g.rules.length) out.push('', 'Rules (checked by `rationale check`):', ...g.rules.map((r) => `- ${String(r.text)}`));
  return out.join('\n');
}

function weakSection(weak: readonly GoverningEntry[]): string {
  return ['## Related (weaker than an annotation or a scope)', '', ...weak.map((g) => `- ${briefLine(g)}: ${oneLine(g.reason)}`)].join('\n');
}

/** `Governed by 230 documents; 3 more only related.` counting the brief entries too. */
function governedBy(report: GoverningReport): string {
  const all = [...report.governing, ...report.others];
  const weak = all.filter((g) => g.strength === 'weak').length;
  return `Governed by ${count(all.length - weak, 'document')}${weak ? `; ${count(weak, 'more')} only related` : ''}.`;
}

/** How many brief lines make one section: a cut to fit then drops the end of the list, not all of it. */
const briefLinesPerSection = 20;

function othersSections(others: readonly BriefGoverningEntry[]): string[] {
  const lines = others.map((g) => `- **${oneLine(g.id)}** ${oneLine(g.title)} (${statusWords(g)}) — \`${oneLine(g.path)}\`: ${oneLine(g.reason)}${g.strength === 'weak' ? ' (only related)' : ''}`);
  const sections: string[] = [];
  for (let i = 0; i < lines.length; i += briefLinesPerSection) sections.push(lines.slice(i, i + briefLinesPerSection).join('\n'));
  if (sections.length) sections[0] = `## Also governing (listed briefly)\n\n${sections[0]}`;
  return sections;
}

function extraSections(report: GoverningReport): string[] {
  const out: string[] = [];
  if (report.requirements.length) {
    out.push(['## Requirements covered here', '', ...report.requirements.map((r) => `- line ${r.line}: **${oneLine(r.target)}**${r.title ? ` ${oneLine(r.title)}` : ' (no such requirement)'}${r.project ? `, project ${oneLine(r.project)}` : ''}${r.coverage ? `, coverage ${r.coverage}` : ''}`)].join('\n'));
  }
  if (report.exceptions.length) {
    out.push(['## Exceptions recorded here', '', ...report.exceptions.map((e) => `- line ${e.line} may depart from ${e.ids.length ? e.ids.map(oneLine).join(', ') : 'any decision'}: ${e.reason ? oneLine(e.reason) : 'no reason given'}${e.until ? ` (until ${oneLine(e.until)})` : ''}`)].join('\n'));
  }
  return out;
}

function chainLine(d: DocumentBrief): string {
  return `**${oneLine(d.id)}** ${oneLine(d.title)} (${statusWords(d)})`;
}

/** The head and as many whole sections as fit in `maxChars`, then a line saying what was left out. */
function fitted(head: string, sections: readonly string[], maxChars: number): string {
  const note = (left: number) => `\n\n_Cut to fit: ${count(left, 'more section')} left out (ask about one line, or run \`rationale explain\` for all)._\n`;
  let text = head;
  for (let i = 0; i < sections.length; i++) {
    const next = `${text}\n\n${sections[i]}`;
    const left = sections.length - i - 1;
    // Room is kept for the note, so the cut text still fits the cap.
    if (next.length + (left ? note(left).length : 1) > maxChars) return `${text}${note(sections.length - i)}`;
    text = next;
  }
  return `${text}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 || noun === 'more' ? '' : 's'}`;
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
