import type { DocKind, RationaleDocument } from '../../documents/document.js';
import type { RuleSpec } from '../../rules/ruleSpec.js';
import { statusInForceFields } from '../../index/statusInForce.js';
import { statusText } from '../../documents/statusText.js';
import type { WorkspaceIndex } from '../../index/workspaceIndex.js';

/** A goal, project or decision as the agent tools report it: the status in force, not only the written one. */
export interface DocumentBrief {
  id: string;
  kind: DocKind;
  title: string;
  /** The status in force (statusInForce.ts), or null when none is written. */
  status: string | null;
  /** The status the file states, when it differs from the one in force. */
  writtenStatus?: string;
  /** Whether the status in force no longer governs anything (superseded, rejected, deprecated …). */
  retired: boolean;
  date: string | null;
  /** Workspace-relative path (a source's qualified path for a source's document). */
  path: string;
  summary: string;
}

export function documentBrief(index: WorkspaceIndex, d: RationaleDocument): DocumentBrief {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    ...statusInForceFields(index, d),
    date: d.date ?? null,
    path: d.path,
    summary: d.summary,
  };
}

/** `**ADR-0007** Use Postgres (accepted) — docs/adr/0007-use-postgres.md` */
export function briefLine(b: DocumentBrief): string {
  return `**${oneLine(b.id)}** ${oneLine(b.title)} (${statusWords(b)}) — \`${oneLine(b.path)}\``;
}

export function statusWords(b: Pick<DocumentBrief, 'status' | 'writtenStatus'>): string {
  return statusText(b.status ?? undefined, b.writtenStatus) ?? 'no status';
}

/**
 * Repository text on one line: a title or summary with a line break would otherwise start a new
 * Markdown block (a heading, a list) in the answer the agent reads.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*(\r\n?|\n)\s*/g, ' ').trim();
}

/** A rule as the agent must follow it, in one line: `forbid-import moment, moment/* (error): Use date-fns.` */
export function ruleText(r: RuleSpec): string {
  const what = r.kind === 'forbid-layer'
    ? `forbid-layer from ${(r.from ?? []).join(', ')} to ${(r.to ?? []).join(', ')}`
    : r.kind === 'forbid-pattern' || r.kind === 'require-pattern'
      ? `${r.kind} \`${oneLine(r.pattern ?? '')}\``
      : `${r.kind} ${r.targets.join(', ')}`;
  const scope = [r.files.length ? `in ${r.files.join(', ')}` : '', r.except.length ? `except ${r.except.join(', ')}` : ''].filter(Boolean);
  return [oneLine(what), ...scope.map(oneLine), `(${r.severity})`].join(' ') + (r.message ? `: ${oneLine(r.message)}` : '');
}

/** A rule as data: what it forbids or requires, where, and the decision's own words. */
export function ruleData(r: RuleSpec): Record<string, unknown> {
  return {
    kind: r.kind,
    ...(r.targets.length ? { targets: r.targets } : {}),
    ...(r.pattern !== undefined ? { pattern: r.pattern } : {}),
    ...(r.from ? { from: r.from } : {}),
    ...(r.to ? { to: r.to } : {}),
    files: r.files,
    except: r.except,
    severity: r.severity,
    message: r.message ?? null,
    text: ruleText(r),
  };
}
