import type { Severity } from '../base/finding.js';
import type { Range } from '../base/range.js';
import { compileSafeRegex } from '../base/safeRegex.js';
import { ruleKinds, ruleKindsInWords, ruleOptionKeys, type RuleKind, type RuleSpec } from './ruleSpec.js';
import { lookupTable } from '../base/lookupTable.js';
import { orList } from '../base/orList.js';

export type YamlPath = (string | number)[];

export interface RuleSpecProblem {
  message: string;
  range: Range;
}

const allowedKeys = new Set<string>([...ruleKinds, ...ruleOptionKeys]);
const kindList = ruleKindsInWords;

/** Keys people plausibly write for the ones we know, for a "did you mean" hint. */
const likelyMeant = lookupTable<string>({
  file: 'files',
  include: 'files',
  includes: 'files',
  paths: 'files',
  path: 'files',
  glob: 'files',
  globs: 'files',
  exclude: 'except',
  excludes: 'except',
  ignore: 'except',
  exceptions: 'except',
  level: 'severity',
  msg: 'message',
  reason: 'message',
  description: 'message',
  'forbid-imports': 'forbid-import',
  'forbidden-imports': 'forbid-import',
  'forbid-patterns': 'forbid-pattern',
  'require-patterns': 'require-pattern',
  'forbid-dependencies': 'forbid-dependency',
  'forbid-layers': 'forbid-layer',
});

/**
 * Reads a decision's `rules:` front matter into validated rules. Every mistake becomes a problem
 * located at the offending item, and only the faulty rule is dropped, so one typo never disables
 * the rest of a decision's rules.
 */
export function parseRuleSpecs(value: unknown, decisionId: string, rangeAt: (yamlPath: YamlPath) => Range): { rules: RuleSpec[]; problems: RuleSpecProblem[] } {
  const rules: RuleSpec[] = [];
  const problems: RuleSpecProblem[] = [];
  if (value === null || value === undefined) return { rules, problems };
  if (!Array.isArray(value)) {
    problems.push({ message: '`rules` must be a list of rules, each like `- forbid-import: [moment]`.', range: rangeAt(['rules']) });
    return { rules, problems };
  }
  value.forEach((item, index) => {
    const reader = new RuleReader(item, index, decisionId, rangeAt);
    const rule = reader.read();
    problems.push(...reader.problems);
    if (rule) rules.push(rule);
  });
  return { rules, problems };
}

class RuleReader {
  readonly problems: RuleSpecProblem[] = [];
  private readonly label: string;

  constructor(
    private readonly item: unknown,
    private readonly index: number,
    private readonly decisionId: string,
    private readonly rangeAt: (yamlPath: YamlPath) => Range,
  ) {
    this.label = `rule ${index + 1}`;
  }

  read(): RuleSpec | undefined {
    const { item, label } = this;
    if (!isPlainObject(item)) {
      this.problem(`${label} must be a mapping with one rule key (${kindList}), e.g. \`- forbid-import: [moment]\`; got ${describe(item)}.`);
      return undefined;
    }
    const keys = Object.keys(item);
    const kinds = keys.filter((k): k is RuleKind => (ruleKinds as readonly string[]).includes(k));
    let ok = true;
    for (const key of keys) {
      if (allowedKeys.has(key)) continue;
      const meant = likelyMeant[key.toLowerCase()] ?? likelyMeant[kebab(key)] ?? (allowedKeys.has(kebab(key)) ? kebab(key) : undefined);
      const hint = meant ? ` (did you mean \`${meant}\`?)` : '';
      this.problem(`${label} has an unknown key \`${key}\`${hint}; a rule has one of ${kindList}, and optionally ${orList(ruleOptionKeys).replace(/ or /, ' and ')}.`, [key]);
      ok = false;
    }
    if (kinds.length === 0) {
      if (ok) this.problem(`${label} has no rule key: add one of ${kindList}.`);
      return undefined;
    }
    if (kinds.length > 1) {
      this.problem(`${label} has ${kinds.length} rule keys (${kinds.join(', ')}): write each as its own list item.`);
      return undefined;
    }
    const kind = kinds[0];
    const files = this.globs('files');
    const except = this.globs('except');
    const severity = this.severity();
    const message = this.message();
    const body = this.kindBody(kind, item[kind]);
    if (!ok || !files || !except || !severity || message === null || !body) return undefined;
    const rule: RuleSpec = {
      kind,
      decision: this.decisionId,
      index: this.index,
      targets: body.targets ?? [],
      files,
      except,
      severity,
      range: this.rangeAt(['rules', this.index]),
    };
    if (body.pattern !== undefined) rule.pattern = body.pattern;
    if (body.from) rule.from = body.from;
    if (body.to) rule.to = body.to;
    if (message !== undefined) rule.message = message;
    return rule;
  }

  private problem(message: string, subPath: (string | number)[] = []): void {
    this.problems.push({ message, range: this.rangeAt(['rules', this.index, ...subPath]) });
  }

  private kindBody(kind: RuleKind, value: unknown): { targets?: string[]; pattern?: string; from?: string[]; to?: string[] } | undefined {
    switch (kind) {
      case 'forbid-import': {
        const targets = this.stringList(value, [kind], 'a module name or a list of module names (globs allowed, e.g. `@angular/*`)', 'module');
        return targets && { targets };
      }
      case 'forbid-dependency': {
        const targets = this.stringList(value, [kind], 'a package name or a list of package names (globs allowed, e.g. `lodash*`)', 'package');
        return targets && { targets };
      }
      case 'forbid-pattern':
      case 'require-pattern': {
        const pattern = this.pattern(kind, value);
        return pattern === undefined ? undefined : { pattern };
      }
      case 'forbid-layer':
        return this.layer(value);
    }
  }

  private pattern(kind: RuleKind, value: unknown): string | undefined {
    if (typeof value !== 'string') {
      this.problem(`\`${kind}\` in ${this.label} must be a regular expression in quotes, e.g. '\\bconsole\\.log\\('; got ${describe(value)}.`, [kind]);
      return undefined;
    }
    const compiled = compileSafeRegex(value);
    if (!compiled.ok) {
      this.problem(`\`${kind}\` in ${this.label} cannot be used: ${compiled.error}.`, [kind]);
      return undefined;
    }
    return value;
  }

  private layer(value: unknown): { from: string[]; to: string[] } | undefined {
    const example = 'e.g. `forbid-layer: { from: "src/ui/**", to: "src/db/**" }`';
    if (!isPlainObject(value)) {
      this.problem(`\`forbid-layer\` in ${this.label} must be a mapping with \`from\` and \`to\` globs, ${example}; got ${describe(value)}.`, ['forbid-layer']);
      return undefined;
    }
    let ok = true;
    for (const key of Object.keys(value)) {
      if (key === 'from' || key === 'to') continue;
      this.problem(`\`forbid-layer\` in ${this.label} has an unknown key \`${key}\`: it takes only \`from\` and \`to\` (put \`files\`/\`except\` on the rule itself).`, ['forbid-layer', key]);
      ok = false;
    }
    const sides: Partial<Record<'from' | 'to', string[]>> = {};
    for (const side of ['from', 'to'] as const) {
      if (value[side] === undefined) {
        this.problem(`\`forbid-layer\` in ${this.label} needs \`${side}\`: ${side === 'from' ? 'the files whose imports are checked' : 'where those imports must not lead'}, ${example}.`, ['forbid-layer']);
        ok = false;
        continue;
      }
      const list = this.stringList(value[side], ['forbid-layer', side], 'a glob or a list of globs', 'glob');
      if (list) sides[side] = list;
      else ok = false;
    }
    return ok && sides.from && sides.to ? { from: sides.from, to: sides.to } : undefined;
  }

  /** `files` / `except`: optional; a glob or a list of globs. Undefined means a problem was reported. */
  private globs(key: 'files' | 'except'): string[] | undefined {
    const value = (this.item as Record<string, unknown>)[key];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value) && value.length === 0) return [];
    return this.stringList(value, [key], 'a glob or a list of globs', 'glob');
  }

  private stringList(value: unknown, path: (string | number)[], expected: string, noun: string): string[] | undefined {
    const where = `\`${path.join('.')}\` in ${this.label}`;
    if (typeof value === 'string') {
      if (value.trim() === '') {
        this.problem(`${where} is empty: name at least one ${noun}.`, path);
        return undefined;
      }
      return [value.trim()];
    }
    if (!Array.isArray(value)) {
      this.problem(`${where} must be ${expected}; got ${describe(value)}.`, path);
      return undefined;
    }
    if (value.length === 0) {
      this.problem(`${where} lists no ${noun}s: name at least one.`, path);
      return undefined;
    }
    const out: string[] = [];
    let ok = true;
    value.forEach((v, i) => {
      if (typeof v !== 'string' || v.trim() === '') {
        this.problem(`${where}: item ${i + 1} must be a non-empty ${noun} in text; got ${describe(v)}.`, [...path, i]);
        ok = false;
      } else out.push(v.trim());
    });
    return ok ? out : undefined;
  }

  private severity(): Severity | undefined {
    const value = (this.item as Record<string, unknown>).severity;
    if (value === undefined || value === null) return 'warning';
    const s = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    if (s === 'error' || s === 'warning' || s === 'info') return s;
    if (s === 'warn') return 'warning';
    if (s === 'information') return 'info';
    this.problem(`\`severity\` in ${this.label} must be error, warning or info; got ${describe(value)}.`, ['severity']);
    return undefined;
  }

  /** The optional message; null means a problem was reported. */
  private message(): string | undefined | null {
    const value = (this.item as Record<string, unknown>).message;
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.problem(`\`message\` in ${this.label} must be text; got ${describe(value)}.`, ['message']);
      return null;
    }
    const m = value.trim();
    return m === '' ? undefined : m;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function kebab(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

/** A short, safe description of a YAML value for messages. */
function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 40)}…"` : `"${v}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date';
  return 'a mapping';
}
