import { docKinds, type DocKind } from '../../documents/document.js';
import { AgentToolInputError } from './agentTool.js';

type Input = Readonly<Record<string, unknown>>;

/** A string field; `required` fields must hold some non-blank text. */
export function stringField(input: Input, name: string, required: true): string;
export function stringField(input: Input, name: string, required?: false): string | undefined;
export function stringField(input: Input, name: string, required = false): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) {
    if (required) throw new AgentToolInputError(`"${name}" is required.`);
    return undefined;
  }
  if (typeof value !== 'string') throw new AgentToolInputError(`"${name}" must be a string (got ${typeof value}).`);
  if (required && value.trim() === '') throw new AgentToolInputError(`"${name}" must not be empty.`);
  return value;
}

/** A 1-based line number, as people and agents count lines. */
export function lineField(input: Input, name: string): number | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new AgentToolInputError(`"${name}" must be a whole number from 1 (got ${JSON.stringify(value)}).`);
  return value;
}

/** One of goal, project, decision. */
export function kindField(input: Input): DocKind | undefined {
  const value = stringField(input, 'kind');
  if (value === undefined || value === '') return undefined;
  const kind = docKinds.find((k) => k === value.trim().toLowerCase());
  if (!kind) throw new AgentToolInputError(`"kind" must be one of ${docKinds.join(', ')} (got "${value}").`);
  return kind;
}

/** Fields the tool does not know are a mistake worth hearing about (a misspelt `line` would be ignored silently). */
export function rejectUnknownFields(input: Input, known: readonly string[]): void {
  const unknown = Object.keys(input).filter((k) => !known.includes(k));
  if (unknown.length) throw new AgentToolInputError(`Unknown ${unknown.length === 1 ? 'field' : 'fields'} ${unknown.map((k) => `"${k}"`).join(', ')}; this tool takes ${known.map((k) => `"${k}"`).join(', ')}.`);
}
