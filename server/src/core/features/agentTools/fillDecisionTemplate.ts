import { yamlScalar } from '../newDocument.js';

/** What an agent writes into a proposed decision; the template supplies everything else. */
export interface DecisionFields {
  context: string;
  decision: string;
  consequences?: string;
  /** Id of the project the decision serves. */
  project?: string;
}

type Role = 'context' | 'decision' | 'consequences';

/** Which of the repository template's headings takes which field (MADR 2–4 and adr-tools alike). */
function roleOf(heading: string): Role | undefined {
  const h = heading.toLowerCase();
  if (h.startsWith('context')) return 'context';
  if (h === 'decision' || h === 'decision outcome') return 'decision';
  if (h === 'consequences') return 'consequences';
  return undefined;
}

interface Section {
  heading: string;
  level: number;
  body: string[];
}

/**
 * Fills a new decision's template (newDocument.ts renders it in the repository's own family) with
 * the agent's text: the context, decision and consequences sections get it; sections left with
 * only `{placeholder}` text (considered options, confirmation) are dropped, since an agent's
 * proposal has nothing for them and a reviewer would read the braces as unfinished. A project goes
 * into the front matter, where links are read.
 */
export function fillDecisionTemplate(template: string, fields: DecisionFields): string {
  const { preamble, sections } = splitSections(template);
  const out: Section[] = [];
  let decisionLevel = 2;
  for (const s of sections) {
    const role = roleOf(s.heading);
    if (role === 'decision') decisionLevel = s.level;
    const value = role ? fields[role] : undefined;
    if (value !== undefined) out.push({ ...s, body: ['', value.trim(), ''] });
    else if (!s.body.some((l) => /\{[^}]*\}/.test(l))) out.push(s);
  }
  if (fields.consequences !== undefined && !sections.some((s) => roleOf(s.heading) === 'consequences')) {
    const at = out.findIndex((s) => roleOf(s.heading) === 'decision');
    out.splice(at < 0 ? out.length : at + 1, 0, { heading: 'Consequences', level: Math.min(decisionLevel + 1, 6), body: ['', fields.consequences.trim(), ''] });
  }
  const text = [...preamble, ...out.flatMap((s) => [`${'#'.repeat(s.level)} ${s.heading}`, ...s.body])].join('\n').replace(/\n*$/, '\n');
  return fields.project ? withProject(text, fields.project) : text;
}

function splitSections(text: string): { preamble: string[]; sections: Section[] } {
  const preamble: string[] = [];
  const sections: Section[] = [];
  let fence = false;
  for (const line of text.split('\n')) {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    const m = fence ? null : /^(#{2,6})\s+(.*?)\s*$/.exec(line);
    if (m) sections.push({ heading: m[2], level: m[1].length, body: [] });
    else if (sections.length) sections[sections.length - 1].body.push(line);
    else preamble.push(line);
  }
  return { preamble, sections };
}

/** `project: ID` in the front matter: in place of the template's commented hint, or added. */
function withProject(text: string, project: string): string {
  const line = `project: ${yamlScalar(project)}`;
  if (!text.startsWith('---\n')) return `---\n${line}\n---\n${text}`;
  const hint = /^# project:.*$/m;
  return hint.test(text) ? text.replace(hint, line) : `---\n${line}\n${text.slice(4)}`;
}
