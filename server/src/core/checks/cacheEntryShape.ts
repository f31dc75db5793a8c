import { isFileRequirements } from '../requirements/fileRequirements.js';
import type { RationaleDocument } from '../documents/document.js';
import type { CachedCodeFile } from './checkCache.js';

/**
 * Shape checks for cache entries. The cache is a file on disk: corrupted, hand-edited or written by
 * another build, it may be well-formed JSON whose entries are not what this build wrote, and a
 * `null` where a finding should be crashed the check. Every field the checker reads is checked
 * here, so an entry that passes is safe to use and one that fails is a miss.
 */

type Check = (x: unknown) => boolean;

const isString: Check = (x) => typeof x === 'string';
const isNumber: Check = (x) => typeof x === 'number' && Number.isFinite(x);
const isBoolean: Check = (x) => typeof x === 'boolean';
const optional = (c: Check): Check => (x) => x === undefined || c(x);
const nullable = (c: Check): Check => (x) => x === null || c(x);
const arrayOf = (c: Check): Check => (x) => Array.isArray(x) && x.every(c);
const oneOf = (...values: string[]): Check => (x) => typeof x === 'string' && values.includes(x);

function object(fields: Record<string, Check>): Check {
  return (x) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
    const o = x as Record<string, unknown>;
    for (const k in fields) if (!fields[k](Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined)) return false;
    return true;
  };
}

const isRecord: Check = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
const isPosition = object({ line: isNumber, character: isNumber });
const isRange = object({ start: isPosition, end: isPosition });
const isSeverity = oneOf('error', 'warning', 'info');
const isKind = oneOf('goal', 'project', 'decision');

const isFinding = object({ path: isString, range: isRange, severity: isSeverity, code: isString, decision: nullable(isString), message: isString, data: optional(isRecord) });

const isFileAnnotations = object({
  references: arrayOf(object({ path: isString, id: isString, kind: optional(isKind), strength: oneOf('annotation', 'mention'), range: isRange })),
  suppressions: arrayOf(object({ path: isString, ids: arrayOf(isString), reason: optional(isString), until: optional(isString), targetLine: isNumber, range: isRange })),
});

const isRuleSpec = object({
  kind: isString,
  decision: isString,
  index: isNumber,
  targets: arrayOf(isString),
  pattern: optional(isString),
  from: optional(arrayOf(isString)),
  to: optional(arrayOf(isString)),
  files: arrayOf(isString),
  except: arrayOf(isString),
  severity: isSeverity,
  message: optional(isString),
  range: isRange,
});

const isDocLink = object({ type: isString, target: isString, targetIsPath: isBoolean, range: isRange, raw: optional(isString) });

const isDocumentShape = object({
  kind: isKind,
  path: isString,
  id: isString,
  aliases: arrayOf(isString),
  number: optional(isNumber),
  package: optional(isString),
  title: isString,
  titleRange: isRange,
  status: optional(isString),
  rawStatus: optional(isString),
  // Required: an entry from a build before formats were recorded is a miss, and is parsed again.
  format: isString,
  statusKnown: isBoolean,
  statusRange: optional(isRange),
  date: optional(isString),
  reviewBy: optional(isString),
  reviewByRange: optional(isRange),
  priority: optional((x) => isString(x) || isNumber(x)),
  appetite: optional(isString),
  owner: optional(isString),
  decisionMakers: optional(arrayOf(isString)),
  appliesTo: arrayOf(isString),
  appliesToRange: optional(isRange),
  links: arrayOf(isDocLink),
  rules: arrayOf(isRuleSpec),
  summary: isString,
  frontMatter: optional(isRecord),
  frontMatterRange: optional(isRange),
  problems: arrayOf(isFinding),
  hash: isString,
});

const isCodeFileShape = object({ annotations: optional(isFileAnnotations), hash: optional(isString), ruleFindings: arrayOf(isFinding), checked: isBoolean });

export function isCachedDocument(x: unknown): x is RationaleDocument {
  return isDocumentShape(x);
}

export function isCachedCodeFile(x: unknown): x is CachedCodeFile {
  const e = x as CachedCodeFile;
  return isCodeFileShape(x) && (e.annotations === undefined || typeof e.hash === 'string') && (e.requirements === undefined || isFileRequirements(e.requirements));
}
