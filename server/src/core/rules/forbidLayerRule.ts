import type { Finding } from '../base/finding.js';
import { anyGlobMatcher } from '../base/glob.js';
import { hasImportExtractor } from '../source/extractImports.js';
import { code, ruleFinding, type CompiledRule, type RuleSetup } from './compiledRule.js';
import type { FileContext } from './fileContext.js';
import { importTargets } from './resolveImport.js';

/**
 * forbid-layer: in files matching `from`, reports imports that resolve into `to`. A file that is
 * itself in `to` is inside the layer, not crossing into it, so its imports are not checked.
 */
export function compileForbidLayerRule(setup: RuleSetup): CompiledRule {
  const { spec } = setup;
  const to = anyGlobMatcher(spec.to ?? []);
  // Messages name the one glob a file or an import matched, not the whole list.
  const fromGlobs = (spec.from ?? []).map((glob) => ({ glob, matches: anyGlobMatcher([glob]) }));
  const toGlobs = (spec.to ?? []).map((glob) => ({ glob, matches: anyGlobMatcher([glob]) }));
  const matchedGlob = (globs: typeof toGlobs, path: string) => globs.find((g) => g.matches(path))?.glob ?? globs.map((g) => g.glob).join(', ');
  return {
    spec,
    scope: setup.scope,
    scopeKey: `layer ${JSON.stringify(spec.to ?? [])} ${setup.scope.key}`,
    appliesTo: (path) => hasImportExtractor(path) && setup.inScope(path) && !to(path),
    check(file: FileContext): Finding[] {
      const family = file.family;
      if (!family) return [];
      const out: Finding[] = [];
      for (const ref of file.imports) {
        const targets = importTargets(file.path, ref.specifier, family, file.fileExists);
        const hit = targets.find((t) => t !== file.path && to(t));
        if (hit === undefined) continue;
        const where = hit === ref.specifier ? '' : ` (${hit})`;
        const from = matchedGlob(fromGlobs, file.path);
        const into = matchedGlob(toGlobs, hit);
        out.push(
          ruleFinding(setup, { path: file.path, range: ref.range, lead: `Import of ${code(ref.specifier)}${where} from ${from} into ${into} is forbidden by`, data: { specifier: ref.specifier, resolved: hit } }),
        );
      }
      return out;
    },
  };
}
