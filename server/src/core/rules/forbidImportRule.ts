import type { Finding } from '../base/finding.js';
import { hasImportExtractor } from '../source/extractImports.js';
import type { ImportFamily, ImportRef } from '../source/importRef.js';
import { code, ruleFinding, type CompiledRule, type RuleSetup } from './compiledRule.js';
import type { FileContext } from './fileContext.js';
import { isGlob } from '../base/glob.js';
import { NameMatcher } from './nameMatcher.js';
import { literalNeedle, nameNeedle } from '../base/searchNeedle.js';

/** forbid-import: reports each import of a forbidden module or one of its sub-modules. */
export function compileForbidImportRule(setup: RuleSetup): CompiledRule {
  const targets = new NameMatcher(setup.spec.targets);
  const exactOnly = setup.spec.targets.every((t) => !isGlob(t));
  return {
    spec: setup.spec,
    trigger: exactOnly ? { on: setup.spec.targets, names: importedNames } : undefined,
    needles: exactOnly ? importNeedles(setup.spec.targets) : undefined,
    scope: setup.scope,
    scopeKey: `imports ${setup.scope.key}`,
    appliesTo: (path) => hasImportExtractor(path) && setup.inScope(path),
    check(file: FileContext): Finding[] {
      const family = file.family;
      if (!family) return [];
      const imported = file.memo('forbid-import', () => importedModules(file, family));
      // Most rules name modules the file does not import at all: one set lookup per target.
      if (!targets.mayMatchAny(imported.names)) return [];
      const out: Finding[] = [];
      for (const { ref, candidates } of imported.refs) {
        const target = targets.match(candidates);
        if (target === undefined) continue;
        const via = target === ref.specifier ? '' : ` (matches ${code(target)})`;
        out.push(ruleFinding(setup, { path: file.path, range: ref.range, lead: `Import of ${code(ref.specifier)}${via} is forbidden by`, data: { specifier: ref.specifier, target } }));
      }
      return out;
    },
  };
}

/** Every module name any import of the file can be forbidden by (empty for files without imports). */
function importedNames(file: FileContext): ReadonlySet<string> {
  const family = file.family;
  return family ? file.memo('forbid-import', () => importedModules(file, family)).names : new Set();
}

/** Each import with the names it can be forbidden by, and all those names together, shared by every forbid-import rule. */
function importedModules(file: FileContext, family: ImportFamily): { refs: { ref: ImportRef; candidates: string[] }[]; names: Set<string> } {
  const refs = file.imports.map((ref) => ({ ref, candidates: moduleCandidates(ref.specifier, family) }));
  return { refs, names: new Set(refs.flatMap((r) => r.candidates)) };
}

/**
 * A target matches only a candidate equal to it, and every candidate is the specifier or a leading
 * part of it (`moduleCandidates`), so the target's first name (`moment` of `moment/locale`,
 * `node` of `node:fs`, `a` of Python's `a.b`) is written whole in the file, as an identifier that
 * extractors read without spaces inside. Undefined when a target has no such name (relative ones):
 * the rule then reads every file it applies to.
 */
function importNeedles(targets: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (const target of targets) {
    const first = target.split(/[/.:]/)[0];
    const needle = first ? (nameNeedle(first) ?? literalNeedle(first)) : undefined;
    if (needle === undefined) return undefined;
    out.push(needle);
  }
  return out;
}

const separators: Record<ImportFamily, string> = { javascript: '/', go: '/', c: '/', python: '.', jvm: '.', csharp: '.', rust: '::' };

/**
 * The module and each parent it belongs to: `moment/locale/fr` → `moment`, `moment/locale`,
 * `moment/locale/fr`, so forbidding `moment` covers its sub-paths but not `momentum`. Relative
 * specifiers are compared whole.
 */
export function moduleCandidates(specifier: string, family: ImportFamily): string[] {
  let spec = specifier;
  const out: string[] = [];
  if (family === 'javascript' && spec.startsWith('node:')) {
    out.push(spec);
    spec = spec.slice(5);
  }
  if (spec.startsWith('.') || spec.startsWith('/')) return [...out, spec];
  const sep = separators[family];
  const parts = spec.split(sep);
  if (parts[parts.length - 1] === '*' && parts.length > 1) parts.pop();
  let prefix = '';
  for (const part of parts) {
    prefix = prefix ? prefix + sep + part : part;
    out.push(prefix);
  }
  if (!out.includes(spec)) out.push(spec);
  return out;
}
