import type { Range } from '../../base/range.js';

/** Package ecosystems, which decide how names compare (PyPI ignores case and `-`/`_`/`.` differences). */
export type Ecosystem = 'npm' | 'pypi' | 'go' | 'cargo' | 'maven' | 'nuget';

/** One dependency a manifest declares. */
export interface DeclaredDependency {
  /** The name as written (`lodash`, `requests`, `org.hibernate:hibernate-core`'s artifactId). */
  name: string;
  /** Other names it is known by (Maven's `groupId:artifactId`, Cargo's `package =` rename). */
  aliases: string[];
  /** The name's text in the manifest. */
  range: Range;
}

export interface ManifestDependencies {
  ecosystem: Ecosystem;
  dependencies: DeclaredDependency[];
}

/** The form in which names of an ecosystem compare equal. */
export function normalizePackageName(ecosystem: Ecosystem, name: string): string {
  switch (ecosystem) {
    case 'pypi':
      return name.toLowerCase().replace(/[-_.]+/g, '-');
    case 'cargo':
      return name.toLowerCase().replace(/_/g, '-');
    case 'nuget':
      return name.toLowerCase();
    default:
      return name;
  }
}
