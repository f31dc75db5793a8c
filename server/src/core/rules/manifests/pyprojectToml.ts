import { LineMap } from '../../base/range.js';
import type { DeclaredDependency } from './declaredDependency.js';
import { pep508Name } from './requirementsTxt.js';
import { scanToml } from './tomlScanner.js';

/** Poetry's `[tool.poetry.dependencies]`, `[tool.poetry.dev-dependencies]`, `[tool.poetry.group.<g>.dependencies]`. */
const poetryTable = /^tool\.poetry\.(?:group\.[^.]+\.)?(?:dev-)?dependencies$/;

/** PEP 621 `[project] dependencies` and optional dependencies, PEP 735 groups, and Poetry tables. */
export function pyprojectDependencies(text: string): DeclaredDependency[] {
  const out: DeclaredDependency[] = [];
  let lines: LineMap | undefined;
  const add = (name: string, start: number, end: number) => {
    lines ??= new LineMap(text);
    out.push({ name, aliases: [], range: lines.rangeOf(start, end) });
  };
  for (const e of scanToml(text)) {
    if (e.kind !== 'key') continue;
    const requirementList =
      (e.table === 'project' && e.key === 'dependencies') ||
      (e.table === '' && e.key === 'project.dependencies') ||
      e.table === 'project.optional-dependencies' ||
      e.table === 'dependency-groups';
    if (requirementList && e.array) {
      for (const item of e.array) {
        const n = pep508Name(item.value);
        if (n) add(n.name, item.start + n.offset, item.start + n.offset + n.name.length);
      }
    } else if (poetryTable.test(e.table) && e.key !== '' && e.key.toLowerCase() !== 'python') {
      // An empty quoted key (`"" = "1"`) names no package: nothing to forbid.
      add(e.key, e.start, e.end);
    }
  }
  return out;
}
