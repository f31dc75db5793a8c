import { docKinds } from '../documents/document.js';
import { escapeMarkdown } from './markdownEscape.js';
import { noStatus, reportFormatNames, type SetupReport } from './setupReport.js';

/**
 * The setup report as a Markdown document, for "Rationale: Show Setup Report". Repository text
 * (folders, files, status words, configuration values) is escaped; the `.rationale.json` lines go
 * in fenced blocks, where nothing is Markdown, and cannot close the fence: each is one line of
 * JSON, which never starts with a backtick.
 */
export function setupReportMarkdown(report: SetupReport, folderName: string): string {
  const e = escapeMarkdown;
  const out: string[] = [`# Rationale setup report: ${e(folderName)}`, ''];
  const code = (line: string) => out.push('```json', line, '```', '');

  out.push(`## Read: ${count(report.documents, 'document')}`, '');
  if (report.read.length) {
    out.push(`| Folder | Format | Documents | ${docKinds.map((k) => `${cap(k)}s`).join(' | ')} | Statuses |`);
    out.push(`|---|---|--:|${docKinds.map(() => '--:|').join('')}---|`);
    for (const r of report.read) {
      const statuses = Object.entries(r.byStatus).map(([s, n]) => `${s === noStatus ? 'no status' : e(s)} ${n}`).join(', ');
      out.push(`| ${e(r.folder)} | ${reportFormatNames[r.format]} | ${r.documents} | ${docKinds.map((k) => r.byKind[k]).join(' | ')} | ${statuses} |`);
    }
    out.push('');
  }

  out.push(`## Unrecognised statuses: ${report.unrecognisedStatuses.length || 'none'}`, '');
  for (const u of report.unrecognisedStatuses) {
    out.push(`- "${e(u.written)}" in ${count(u.documents.length, 'document')}: ${u.documents.map(e).join(', ')}`, '', 'Add to `.rationale.json`:', '');
    code(u.configLine);
  }

  const notRead = report.candidates.reduce((n, c) => n + c.files.length, 0) + report.rootCandidates.length;
  out.push(`## Decision records not read: ${notRead || 'none'}`, '');
  for (const c of report.candidates) {
    out.push(`- ${e(c.folder)}/ (${count(c.files.length, 'file')}): ${c.files.map(e).join(', ')}`);
  }
  if (report.candidates.length) out.push('', 'Add to `.rationale.json`:', '');
  if (report.candidatesConfigLine) code(report.candidatesConfigLine);
  if (report.rootCandidates.length) {
    out.push(`In the root folder (add front matter \`kind: decision\` to read each one): ${report.rootCandidates.map(e).join(', ')}`, '');
  }

  const c = report.configuration;
  out.push('## Configuration', '', '| Setting | Value |', '|---|---|');
  const row = (setting: string, value: string) => out.push(`| ${setting} | ${value} |`);
  row('file', c.source ? e(c.source) : 'none (the defaults apply)');
  for (const k of docKinds) row(`folders.${k}`, c.config.folders[k].map(e).join(', ') || '-');
  for (const d of c.declared) row(`declared ${d.kind} folder`, `${e(d.folder || '.')}${d.package ? ` (package ${e(d.package)})` : ''} from ${e(d.source)}`);
  row('idPrefixes', docKinds.map((k) => `${k} ${e(c.config.idPrefixes[k])}`).join(', '));
  row('statusMap', Object.entries(c.config.statusMap).map(([k, v]) => `"${e(k)}" → ${e(v)}`).join(', ') || '-');
  row('ignore', c.config.ignore.map(e).join(', ') || '-');
  row('severity', Object.entries(c.config.severity).map(([k, v]) => `${e(k)} ${e(String(v))}`).join(', ') || '-');
  row('template', c.config.template);
  row('maxFileSizeBytes', String(c.config.maxFileSizeBytes));
  out.push('');
  if (c.errors.length) {
    out.push('Configuration errors:', '');
    for (const err of c.errors) out.push(`- ${e(err)}`);
    out.push('');
  }
  return out.join('\n');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
