import type { Range } from '../base/range.js';

/** One module a source file imports, as written (`../db/client`, `a.b.c`, `std::io`, `stdio.h`). */
export interface ImportRef {
  specifier: string;
  /** The specifier's text in the file (inside the quotes, when it is quoted). */
  range: Range;
}

/**
 * Language families that share import syntax and module naming. The family decides how a
 * specifier splits into parent modules (`/`, `.` or `::`) and how relative imports resolve.
 */
export type ImportFamily = 'javascript' | 'python' | 'go' | 'jvm' | 'rust' | 'csharp' | 'c';

/** Specifiers longer than this are not real module names; skipping them bounds later glob matching. */
export const maxSpecifierLength = 500;
