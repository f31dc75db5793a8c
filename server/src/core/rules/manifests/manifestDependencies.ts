import { basename, dirname } from '../../workspace/workspace.js';
import { cargoTomlDependencies } from './cargoToml.js';
import type { Ecosystem, ManifestDependencies } from './declaredDependency.js';
import { goModDependencies } from './goMod.js';
import { packageJsonDependencies } from './packageJson.js';
import { pyprojectDependencies } from './pyprojectToml.js';
import { requirementsTxtDependencies } from './requirementsTxt.js';
import { msbuildDependencies, pomXmlDependencies } from './xmlManifests.js';

interface ManifestReader {
  ecosystem: Ecosystem;
  read: (text: string) => ManifestDependencies['dependencies'];
}

/** Which reader understands a file, by its name (manifests have fixed names). */
function readerFor(path: string): ManifestReader | undefined {
  const name = basename(path);
  switch (name) {
    case 'package.json':
      return { ecosystem: 'npm', read: packageJsonDependencies };
    case 'pyproject.toml':
      return { ecosystem: 'pypi', read: pyprojectDependencies };
    case 'go.mod':
      return { ecosystem: 'go', read: goModDependencies };
    case 'Cargo.toml':
      return { ecosystem: 'cargo', read: cargoTomlDependencies };
    case 'pom.xml':
      return { ecosystem: 'maven', read: pomXmlDependencies };
    case 'Directory.Packages.props':
      return { ecosystem: 'nuget', read: msbuildDependencies };
  }
  if (/\.(?:cs|fs|vb)proj$/i.test(name)) return { ecosystem: 'nuget', read: msbuildDependencies };
  // requirements.txt, requirements-dev.txt, and the requirements/ folder convention (requirements/base.txt).
  if (/^requirements.*\.(?:txt|in)$/i.test(name) || (/\.(?:txt|in)$/i.test(name) && /(?:^|\/)requirements$/i.test(dirname(path)))) {
    return { ecosystem: 'pypi', read: requirementsTxtDependencies };
  }
  return undefined;
}

export function isManifest(path: string): boolean {
  return readerFor(path) !== undefined;
}

/**
 * The dependencies a manifest declares, or undefined when the file is not a known manifest. The
 * readers tolerate half-edited files; one that throws is a bug, which the rule engine reports as an
 * `internal-error` rather than letting the manifest pass with no dependencies.
 */
export function manifestDependencies(path: string, text: string): ManifestDependencies | undefined {
  const reader = readerFor(path);
  return reader ? { ecosystem: reader.ecosystem, dependencies: reader.read(text) } : undefined;
}
