import { LineMap } from '../../base/range.js';
import type { DeclaredDependency } from './declaredDependency.js';

/** Replaces `<!-- … -->` with spaces (offsets kept) so commented-out dependencies do not count. */
function maskXmlComments(text: string): string {
  let out = '';
  let last = 0;
  let i = text.indexOf('<!--');
  while (i >= 0) {
    const close = text.indexOf('-->', i + 4);
    const end = close < 0 ? text.length : close + 3;
    out += text.slice(last, i) + text.slice(i, end).replace(/[^\r\n]/g, ' ');
    last = end;
    if (close < 0) break;
    i = text.indexOf('<!--', end);
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Maven `<dependency>` entries: the artifactId is the name (where the range points) and
 * `groupId:artifactId` an alias, so rules can name either. `<exclusions>` inside are skipped.
 */
export function pomXmlDependencies(text: string): DeclaredDependency[] {
  const xml = maskXmlComments(text);
  const out: DeclaredDependency[] = [];
  let lines: LineMap | undefined;
  const open = /<dependency\s*>/g;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const bodyStart = m.index + m[0].length;
    const close = xml.indexOf('</dependency>', bodyStart);
    if (close < 0) break;
    let body = xml.slice(bodyStart, close);
    const exclusions = body.indexOf('<exclusions');
    if (exclusions >= 0) {
      // Exclusions name other artifacts; blank them (offsets kept) so only the dependency's own ids remain.
      const end = body.indexOf('</exclusions>', exclusions);
      const stop = end < 0 ? body.length : end + '</exclusions>'.length;
      body = body.slice(0, exclusions) + ' '.repeat(stop - exclusions) + body.slice(stop);
    }
    const artifact = /<artifactId\s*>\s*([^<\s]+)\s*<\/artifactId\s*>/d.exec(body);
    if (artifact) {
      const group = /<groupId\s*>\s*([^<\s]+)\s*<\/groupId\s*>/.exec(body);
      const [s, e] = artifact.indices![1];
      lines ??= new LineMap(text);
      out.push({ name: artifact[1], aliases: group ? [`${group[1]}:${artifact[1]}`] : [], range: lines.rangeOf(bodyStart + s, bodyStart + e) });
    }
    open.lastIndex = close;
  }
  return out;
}

/** NuGet `<PackageReference Include="…">` (and `Update=`) in .csproj/.fsproj/.vbproj and Directory.Packages.props. */
export function msbuildDependencies(text: string): DeclaredDependency[] {
  const xml = maskXmlComments(text);
  const out: DeclaredDependency[] = [];
  let lines: LineMap | undefined;
  const reference = /<(?:PackageReference|PackageVersion)\b[^>]{0,2000}?\b(?:Include|Update)\s*=\s*(["'])([^"'<>]*)\1/dg;
  for (const m of xml.matchAll(reference)) {
    const [s, e] = m.indices![2];
    const name = m[2].trim();
    if (!name) continue;
    lines ??= new LineMap(text);
    out.push({ name, aliases: [], range: lines.rangeOf(s, e) });
  }
  return out;
}
