import type { DocKind } from '../documents/document.js';
import type { FindingCode, Severity } from '../base/finding.js';
import { defaultIdPrefixes } from '../documents/ids.js';
import { validateConfig } from '../documents/schemaValidation.js';

/** `.rationale.json`, after validation and defaults. Data only: there is no JavaScript configuration. */
export interface RationaleConfig {
  folders: Record<DocKind, string[]>;
  idPrefixes: Record<DocKind, string>;
  statusMap: Record<string, string>;
  ignore: string[];
  severity: Partial<Record<FindingCode, Severity | 'off'>>;
  template: 'madr' | 'nygard';
  maxFileSizeBytes: number;
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
  };
}

export interface ConfigResult {
  config: RationaleConfig;
  /** Human-readable problems; the config falls back to defaults for the parts that were wrong. */
  errors: string[];
}

export function parseConfig(text: string | undefined): ConfigResult {
  const config = defaultConfig();
  if (text === undefined) return { config, errors: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { config, errors: [`${configFileName} is not valid JSON: ${(e as Error).message}`] };
  }
  const errors = validateConfig(raw).map((e) => `${configFileName}: ${e}`);
  if (errors.length > 0 || typeof raw !== 'object' || raw === null) return { config, errors };
  const r = raw as Partial<RationaleConfig>;
  if (r.folders) for (const k of Object.keys(r.folders) as DocKind[]) config.folders[k] = r.folders[k] ?? [];
  if (r.idPrefixes) Object.assign(config.idPrefixes, r.idPrefixes);
  if (r.statusMap) config.statusMap = { ...r.statusMap };
  if (r.ignore) config.ignore = [...r.ignore];
  if (r.severity) config.severity = { ...r.severity };
  if (r.template) config.template = r.template;
  if (r.maxFileSizeBytes) config.maxFileSizeBytes = r.maxFileSizeBytes;
  return { config, errors };
}
