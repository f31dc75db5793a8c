import { validateConfig } from '../documents/schemaValidation.js';

/** One entry of `.rationale.json` `sources`: another checked-out folder whose documents join the model. */
export interface SourceConfig {
  /** The qualifier of its ids: `strategy` in `strategy:GOAL-3`. */
  name: string;
  /** The folder as written, relative to the workspace root (`../strategy`); the host resolves it. */
  path: string;
}

/**
 * Validates `sources` entry by entry, so one bad entry costs only itself: the schema says what a
 * valid entry looks like; names must also be unique (an id `strategy:GOAL-3` must name one folder)
 * and paths relative, since a source path is always resolved against the workspace root.
 */
export function parseSources(value: unknown, fileName: string): { sources: SourceConfig[]; errors: string[] } {
  if (!Array.isArray(value)) return { sources: [], errors: [`${fileName}: "sources" must be an array of {"name", "path"}; ignored`] };
  const sources: SourceConfig[] = [];
  const errors: string[] = [];
  value.forEach((entry: unknown, i) => {
    const problems = validateConfig({ sources: [entry] });
    if (problems.length > 0) {
      errors.push(...problems.map((p) => `${fileName}: sources[${i}]: ${p}; ignored`));
      return;
    }
    const { name, path } = entry as SourceConfig;
    if (sources.some((s) => s.name.toLowerCase() === name.toLowerCase())) errors.push(`${fileName}: sources[${i}]: the name "${name}" is used twice; ignored`);
    else if (/^([/\\~]|[A-Za-z]:)/.test(path)) errors.push(`${fileName}: sources[${i}]: the path "${path}" is not relative; name the folder relative to the workspace root; ignored`);
    else sources.push({ name, path });
  });
  return { sources, errors };
}
