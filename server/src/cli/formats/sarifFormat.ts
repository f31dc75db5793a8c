import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding } from '../../core/base/finding.js';
import { helpFor } from '../findingHelp.js';
import { oneBased } from './checkSummary.js';

export interface SarifOptions {
  /** `file:` URI of the checked folder, ending in `/`; the base of every result's relative URI. */
  rootUri: string;
  toolVersion: string;
  /**
   * With a baseline file: the findings it accepts. Each result then carries `baselineState`
   * (`unchanged` for these, `new` for the rest); without one, no result does.
   */
  baselined?: readonly Finding[];
}

const informationUri = 'https://github.com/rationale-dev/rationale';

/**
 * SARIF 2.1.0 for code scanning: one rule per finding code that occurs (with its help text),
 * results with 1-based regions relative to `%SRCROOT%`, and recorded exceptions as results with an
 * in-source suppression, so they stay visible as exceptions rather than vanish.
 */
export function toSarif(findings: readonly Finding[], suppressed: readonly Finding[], options: SarifOptions): Log {
  const baselined = options.baselined ?? [];
  const codes = [...new Set([...findings, ...suppressed, ...baselined].map((f) => f.code))].sort();
  const ruleIndex = new Map(codes.map((c, i) => [c, i]));
  const rules: ReportingDescriptor[] = codes.map((code) => {
    const h = helpFor(code);
    return {
      id: code,
      name: h.name,
      shortDescription: { text: h.short },
      fullDescription: { text: `${h.short} ${h.help}` },
      help: { text: h.help, markdown: h.help },
      helpUri: `${informationUri}#${code}`,
      defaultConfiguration: { level: defaultLevel(code, [...findings, ...baselined], suppressed) },
    };
  });
  // Fingerprints leave out the line, so a finding keeps its alert when code above it moves. Findings
  // alike in everything else (the same import twice in a file) are told apart by their order.
  const occurrences = new Map<string, number>();
  const fingerprint = (f: Finding): string => {
    const base = `${f.code}:${f.decision ?? ''}:${f.path}:${f.message}`;
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    return n === 1 ? base : `${base}:${n}`;
  };
  const result = (f: Finding, reason?: string, state?: Result.baselineState): Result => {
    const p = oneBased(f);
    const r: Result = {
      ruleId: f.code,
      ruleIndex: ruleIndex.get(f.code)!,
      level: level(f.severity),
      message: { text: f.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: uriOf(f.path), uriBaseId: '%SRCROOT%' },
          region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
        },
      }],
      partialFingerprints: { rationaleFinding: fingerprint(f) },
    };
    if (f.decision) r.properties = { decision: f.decision };
    if (reason !== undefined) r.suppressions = [{ kind: 'inSource', justification: reason }];
    if (options.baselined) r.baselineState = state ?? 'new';
    return r;
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Rationale', version: options.toolVersion, semanticVersion: options.toolVersion, informationUri, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: options.rootUri } },
      columnKind: 'utf16CodeUnits',
      results: [
        ...findings.map((f) => result(f)),
        ...baselined.map((f) => result(f, undefined, 'unchanged')),
        ...suppressed.map((f) => result(f, typeof f.data?.suppressedBecause === 'string' ? f.data.suppressedBecause : '')),
      ],
    }],
  };
}

function level(s: Finding['severity']): Result.level {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** The level most findings of a code have in this run (codes' severities are configurable). */
function defaultLevel(code: string, findings: readonly Finding[], suppressed: readonly Finding[]): Result.level {
  const f = [...findings, ...suppressed].find((x) => x.code === code);
  return f ? level(f.severity) : 'warning';
}

/** A relative URI reference: each path segment percent-encoded. */
export function uriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
