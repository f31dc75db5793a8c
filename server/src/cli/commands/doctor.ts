import { docKinds } from '../../core/documents/document.js';
import { noStatus, reportFormatNames, setupReport, type SetupReport } from '../../core/features/setupReport.js';
import { parseArgs, type CommandSpec } from '../args.js';
import { colors, shouldColor } from '../colors.js';
import type { CliIo } from '../io.js';
import { loadWorkspace, printWarnings, resolveRoot } from '../loadWorkspace.js';
import { Progress } from '../progress.js';
import { renderTable } from '../table.js';
import { escapeText } from '../terminalText.js';

export const doctorSpec: CommandSpec = {
  name: 'doctor',
  flags: {
    json: { type: 'boolean' },
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: ['dir?'],
};

/** `rationale doctor [dir]`: the setup report (core/features/setupReport.ts), as text or JSON. */
export async function runDoctor(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, doctorSpec);
  const root = resolveRoot(io, (args.flags.dir as string | undefined) ?? args.positionals[0]);
  const progress = new Progress(io);
  const loaded = loadWorkspace(io, root, progress);
  progress.clear();
  // Configuration errors are part of the report itself; unreadable files are not.
  printWarnings(io, loaded);
  const report = setupReport(loaded.index, loaded.workspace);
  if (args.flags.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(renderReport(report, colors(shouldColor(io, io.stdout)).bold));
  return 0;
}

function renderReport(report: SetupReport, heading: (s: string) => string): string {
  const e = escapeText;
  const out: string[] = [];
  const section = (title: string) => out.push('', heading(title));
  const indent = (block: string) => block.trimEnd().split('\n').map((l) => `  ${l}`);

  out.push(heading(`Read: ${count(report.documents, 'document')}`));
  if (report.read.length) {
    out.push(...indent(renderTable(
      ['FOLDER', 'FORMAT', 'DOCS', ...docKinds.map((k) => `${k.toUpperCase()}S`), 'STATUSES'],
      report.read.map((r) => [
        r.folder, reportFormatNames[r.format], String(r.documents), ...docKinds.map((k) => String(r.byKind[k])),
        Object.entries(r.byStatus).map(([s, n]) => `${s === noStatus ? 'no status' : s} ${n}`).join(', '),
      ]),
    )));
  }

  section(`Unrecognised statuses: ${report.unrecognisedStatuses.length || 'none'}`);
  for (const u of report.unrecognisedStatuses) {
    out.push(`  "${e(u.written)}" in ${count(u.documents.length, 'document')}: ${u.documents.map((p) => e(p)).join(', ')}`);
    out.push(`    add to .rationale.json: ${e(u.configLine)}`);
  }

  const notRead = report.candidates.reduce((n, c) => n + c.files.length, 0) + report.rootCandidates.length;
  section(`Decision records not read: ${notRead || 'none'}`);
  for (const c of report.candidates) {
    out.push(`  ${e(c.folder)}/ (${count(c.files.length, 'file')})`);
    for (const f of c.files) out.push(`    ${e(f)}`);
  }
  if (report.candidatesConfigLine) out.push(`  add to .rationale.json: ${e(report.candidatesConfigLine)}`);
  if (report.rootCandidates.length) {
    out.push('  in the root folder (add front matter "kind: decision" to read each one):');
    for (const f of report.rootCandidates) out.push(`    ${e(f)}`);
  }

  const { configuration: c } = report;
  section('Configuration');
  out.push(...indent(renderTable(['SETTING', 'VALUE'], [
    ['file', c.source ?? 'none (the defaults apply)'],
    ...docKinds.map((k) => [`folders.${k}`, c.config.folders[k].join(', ') || '-']),
    ...c.declared.map((d) => [`declared ${d.kind} folder`, `${d.folder || '.'}${d.package ? ` (package ${d.package})` : ''} from ${d.source}`]),
    ['idPrefixes', docKinds.map((k) => `${k} ${c.config.idPrefixes[k]}`).join(', ')],
    ['statusMap', Object.entries(c.config.statusMap).map(([k, v]) => `"${k}" → ${v}`).join(', ') || '-'],
    ['ignore', c.config.ignore.join(', ') || '-'],
    ['severity', Object.entries(c.config.severity).map(([k, v]) => `${k} ${v}`).join(', ') || '-'],
    ['template', c.config.template],
    ['maxFileSizeBytes', String(c.config.maxFileSizeBytes)],
  ])));
  if (c.errors.length) {
    out.push('  errors:');
    for (const err of c.errors) out.push(`    ${e(err)}`);
  }
  return `${out.join('\n')}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
