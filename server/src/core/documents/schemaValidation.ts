import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import commonSchema from '../../../../schemas/common.schema.json' with { type: 'json' };
import configSchema from '../../../../schemas/config.schema.json' with { type: 'json' };
import decisionSchema from '../../../../schemas/decision.schema.json' with { type: 'json' };
import goalSchema from '../../../../schemas/goal.schema.json' with { type: 'json' };
import projectSchema from '../../../../schemas/project.schema.json' with { type: 'json' };
import type { DocKind } from './document.js';

/** One schema violation, located by its JSON pointer path so the caller can map it to a YAML range. */
export interface SchemaViolation {
  path: (string | number)[];
  message: string;
}

let compiled: { config: ValidateFunction; kinds: Record<DocKind, ValidateFunction> } | undefined;

// Compiled lazily and once: ajv compilation costs milliseconds we do not want on every import.
function validators() {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(commonSchema);
    compiled = {
      config: ajv.compile(configSchema),
      kinds: { decision: ajv.compile(decisionSchema), project: ajv.compile(projectSchema), goal: ajv.compile(goalSchema) },
    };
  }
  return compiled;
}

/** `root` names the validated object as a whole: the front matter, or the configuration. */
function describe(e: ErrorObject, root: string): string {
  const where = e.instancePath ? `\`${e.instancePath.slice(1).replace(/\//g, '.')}\`` : root;
  switch (e.keyword) {
    case 'enum':
      return `${where} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'additionalProperties':
      return `${where} has an unknown key \`${(e.params as { additionalProperty: string }).additionalProperty}\``;
    case 'oneOf':
      return `${where} has the wrong shape (expected a single value or a list)`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}

function toViolations(errors: ErrorObject[] | null | undefined, root = 'front matter'): SchemaViolation[] {
  if (!errors) return [];
  // oneOf failures come with one error per branch; keep the summary and drop the branch noise.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: SchemaViolation[] = [];
  for (const e of errors) {
    if (e.keyword !== 'oneOf' && [...oneOfPaths].some((p) => e.instancePath.startsWith(p))) continue;
    const message = describe(e, root);
    if (seen.has(message)) continue;
    seen.add(message);
    const path = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    out.push({ path, message });
  }
  return out;
}

export function validateFrontMatter(kind: DocKind, data: unknown): SchemaViolation[] {
  const v = validators().kinds[kind];
  v(data);
  return toViolations(v.errors);
}

export function validateConfig(data: unknown): string[] {
  const v = validators().config;
  v(data);
  return toViolations(v.errors, 'the configuration').map((x) => x.message);
}
