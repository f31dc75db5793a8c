import { extractImports, importFamilyOf } from '../source/extractImports.js';
import type { ImportFamily, ImportRef } from '../source/importRef.js';
import { LineMap } from '../base/range.js';
import { manifestDependencies } from './manifests/manifestDependencies.js';
import type { ManifestDependencies } from './manifests/declaredDependency.js';

/**
 * One file being checked. Derived data (line map, imports, manifest entries) is computed on first
 * use and shared by all rules, so ten import rules extract a file's imports once.
 */
export class FileContext {
  private linesCache: LineMap | undefined;
  private importsCache: ImportRef[] | undefined;
  private manifestCache: ManifestDependencies | undefined | null = null;
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly path: string,
    readonly text: string,
    readonly fileExists: (path: string) => boolean,
  ) {}

  get lines(): LineMap {
    return (this.linesCache ??= new LineMap(this.text));
  }

  get family(): ImportFamily | undefined {
    return importFamilyOf(this.path);
  }

  get imports(): ImportRef[] {
    return (this.importsCache ??= extractImports(this.path, this.text));
  }

  /** Data a rule kind derives from the file once for all its rules (e.g. every import's module names). */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  get manifest(): ManifestDependencies | undefined {
    if (this.manifestCache === null) this.manifestCache = manifestDependencies(this.path, this.text);
    return this.manifestCache;
  }
}
