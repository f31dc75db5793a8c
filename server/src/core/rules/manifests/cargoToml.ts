import { LineMap } from '../../base/range.js';
import type { DeclaredDependency } from './declaredDependency.js';
import { scanToml } from './tomlScanner.js';

/** `dependencies`, `dev-dependencies`, `build-dependencies`, also under `workspace.` and `target.<cfg>.`. */
const dependencyTable = /^(?:workspace\.|target\..+\.)?(?:dev-|build-)?dependencies$/;
/** The `[dependencies.serde]` form names one dependency in the header. */
const dependencyHeader = /^((?:workspace\.|target\..+\.)?(?:dev-|build-)?dependencies)\.([^.]+)$/;
const renamedPackage = /\bpackage[ \t]*=[ \t]*["']([^"'\r\n]+)["']/;

export function cargoTomlDependencies(text: string): DeclaredDependency[] {
  const out: DeclaredDependency[] = [];
  let lines: LineMap | undefined;
  const add = (name: string, aliases: string[], start: number, end: number) => {
    lines ??= new LineMap(text);
    out.push({ name, aliases, range: lines.rangeOf(start, end) });
  };
  for (const e of scanToml(text)) {
    if (e.kind === 'table') {
      const h = dependencyHeader.exec(e.name);
      if (h) {
        // The header text may be quoted or spaced; point at its last segment.
        const at = text.lastIndexOf(h[2], e.end);
        add(h[2], [], at >= e.start ? at : e.start, at >= e.start ? at + h[2].length : e.end);
      }
    } else if (dependencyTable.test(e.table)) {
      const renamed = renamedPackage.exec(e.valueText);
      add(e.key, renamed ? [renamed[1]] : [], e.start, e.end);
    } else if (dependencyHeader.test(e.table) && e.key === 'package') {
      const renamed = /^["']([^"'\r\n]+)["']/.exec(e.valueText);
      const last = out[out.length - 1];
      if (renamed && last) last.aliases.push(renamed[1]);
    }
  }
  return out;
}
