import type { Finding } from '../finding.js';
import { hasImportExtractor } from '../imports/extractImports.js';
import type { ImportFamily } from '../imports/importRef.js';
import { code, ruleFinding, type CompiledRule, type RuleSetup } from './compiledRule.js';
import type { FileContext } from './fileContext.js';
import { NameMatcher } from './nameMatcher.js';

/** forbid-import: reports each import of a forbidden module or one of its sub-modules. */
export function compileForbidImportRule(setup: RuleSetup): CompiledRule {
  const targets = new NameMatcher(setup.spec.targets);
  const literals = requiredTexts(setup.spec.targets);
  return {
    spec: setup.spec,
    appliesTo: (path) => hasImportExtractor(path) && setup.inScope(path),
    check(file: FileContext): Finding[] {
      const family = file.family;
      if (!family) return [];
      // A file that never mentions a target's first name segment cannot import it: skip extraction.
      if (literals && !literals.some((l) => file.text.includes(l))) return [];
      const out: Finding[] = [];
      for (const ref of file.imports) {
        const target = targets.match(moduleCandidates(ref.specifier, family));
        if (target === undefined) continue;
        const via = target === ref.specifier ? '' : ` (matches ${code(target)})`;
        out.push(ruleFinding(setup, file.path, ref.range, `Import of ${code(ref.specifier)}${via} is forbidden by`, { specifier: ref.specifier, target }));
      }
      return out;
    },
  };
}

/**
 * For each target, text any import of it must contain verbatim: its first name segment up to a
 * separator or wildcard (`moment` for `moment/locale`, `a` for Rust `a::b`, which may be written
 * `use a::{b}`). Undefined when some target has none (`*foo`, relative names), so no prefilter.
 */
function requiredTexts(targets: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (const t of targets) {
    const first = /^[^/.:*?[\]{}()!\\]*/.exec(t.startsWith('node:') ? t.slice(5) : t)![0];
    if (first.length < 2 || t.startsWith('.')) return undefined;
    out.push(first);
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
