import type { DocKind } from '../documents/document.js';
import type { FindingCode, Severity } from '../base/finding.js';
import { defaultIdPrefixes } from '../documents/ids.js';
import { validateConfig } from '../documents/schemaValidation.js';
import { folderProblem } from './workspace.js';
import { parseSources, type SourceConfig } from './sourceConfig.js';

/** `.rationale.json`, after validation and defaults. Data only: there is no JavaScript configuration. */
export interface RationaleConfig {
  folders: Record<DocKind, string[]>;
  idPrefixes: Record<DocKind, string>;
  statusMap: Record<string, string>;
  ignore: string[];
  severity: Partial<Record<FindingCode, Severity | 'off'>>;
  template: 'madr' | 'nygard';
  maxFileSizeBytes: number;
  /** Other folders whose documents join the model, read-only (`sourceConfig.ts`). */
  sources: SourceConfig[];
}

export const configFileName = '.rationale.json';

export function defaultConfig(): RationaleConfig {
  return {
    folders: { decision: [], project: [], goal: [] },
    idPrefixes: { ...defaultIdPrefixes },
    statusMap: {},
    ignore: [],
    severity: {},
    template: 'madr',
    maxFileSizeBytes: 1024 * 1024,
    sources: [],
  };
}

export interface ConfigResult {
  config: RationaleConfig;
  /** Human-readable problems; the config falls back to defaults for the parts that were wrong. */
  errors: string[];
}

/**
 * Parses `.rationale.json`. Each top-level setting is validated on its own, so one unknown key or
 * bad value costs only itself: every command applies the valid rest the same way, and reports the
 * bad part (`check` as `invalid-config` findings, the other commands as warnings).
 */
export function parseConfig(text: string | undefined): ConfigResult {
  const config = defaultConfig();
  if (text === undefined) return { config, errors: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // Handled: the message says what is wrong, and the defaults apply.
    return { config, errors: [`${configFileName}: not valid JSON (${(e as Error).message}); using the defaults`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { config, errors: [`${configFileName}: must be a JSON object; using the defaults`] };
  const errors: string[] = [];
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'sources') {
      // Entry by entry: one bad source costs only itself.
      const parsed = parseSources(value, configFileName);
      errors.push(...parsed.errors);
      config.sources = parsed.sources;
      continue;
    }
    // A computed key defines an own property, even for `__proto__`.
    const problems = validateConfig({ [key]: value });
    if (problems.length > 0) errors.push(...problems.map((e) => `${configFileName}: ${e}; ignored`));
    else valid[key] = value;
  }
  const r = valid as Partial<RationaleConfig>;
  if (r.folders) {
    for (const k of Object.keys(r.folders) as DocKind[]) {
      config.folders[k] = [];
      for (const f of r.folders[k] ?? []) {
        const problem = folderProblem(f);
        if (problem) errors.push(`${configFileName}: folder "${f}" ${problem}; ignored`);
        else config.folders[k].push(f);
      }
    }
  }
  if (r.idPrefixes) Object.assign(config.idPrefixes, r.idPrefixes);
  if (r.statusMap) config.statusMap = { ...r.statusMap };
  if (r.ignore) config.ignore = [...r.ignore];
  if (r.severity) config.severity = { ...r.severity };
  if (r.template) config.template = r.template;
  if (r.maxFileSizeBytes) config.maxFileSizeBytes = r.maxFileSizeBytes;
  return { config, errors };
}
