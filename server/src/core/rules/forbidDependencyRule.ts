import type { Finding } from '../base/finding.js';
import { code, ruleFinding, type CompiledRule, type RuleSetup } from './compiledRule.js';
import type { FileContext } from './fileContext.js';
import { normalizePackageName, type Ecosystem } from './manifests/declaredDependency.js';
import { isManifest } from './manifests/manifestDependencies.js';
import { NameMatcher } from './nameMatcher.js';

/** forbid-dependency: reports each forbidden package declared in a manifest. */
export function compileForbidDependencyRule(setup: RuleSetup): CompiledRule {
  const matchers = new Map<Ecosystem, NameMatcher>();
  const matcherFor = (e: Ecosystem) => {
    let m = matchers.get(e);
    if (!m) matchers.set(e, (m = new NameMatcher(setup.spec.targets, (n) => normalizePackageName(e, n))));
    return m;
  };
  return {
    spec: setup.spec,
    scope: setup.scope,
    scopeKey: `manifest ${setup.scope.key}`,
    appliesTo: (path) => isManifest(path) && setup.inScope(path),
    check(file: FileContext): Finding[] {
      const manifest = file.manifest;
      if (!manifest) return [];
      const matcher = matcherFor(manifest.ecosystem);
      const out: Finding[] = [];
      for (const dep of manifest.dependencies) {
        const names = [dep.name, ...dep.aliases].map((n) => normalizePackageName(manifest.ecosystem, n));
        // Go module paths are hierarchical: forbidding a module covers its sub-modules.
        if (manifest.ecosystem === 'go') names.push(...goParents(dep.name));
        const target = matcher.match(names);
        if (target === undefined) continue;
        const via = target === dep.name ? '' : ` (matches ${code(target)})`;
        out.push(ruleFinding(setup, { path: file.path, range: dep.range, lead: `Dependency ${code(dep.name)}${via} is forbidden by`, data: { dependency: dep.name, target } }));
      }
      return out;
    },
  };
}

function goParents(path: string): string[] {
  const parts = path.split('/');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}
