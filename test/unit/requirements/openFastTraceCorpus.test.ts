import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { traceWorkspaceRequirements } from '../../../server/src/core/requirements/traceWorkspace.js';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace.js';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/corpora/itsallcode__openfasttrace');

function countBy<T>(list: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of list) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}

/**
 * OpenFastTrace's own repository, read as it is (only read, never written). The expected numbers
 * were counted by hand with grep: `` ^`dsn~ `` lines in design.md, `` ^`req~ `` and `` ^`feat~ ``
 * in system_requirements.md, and bracketed arrows after `//` or a leading `*` in the Java files.
 */
describe('requirement tracing on itsallcode/openfasttrace', () => {
  const workspace = new NodeWorkspace(corpus);
  const result = traceWorkspaceRequirements(workspace);

  it('finds the specification items of doc/spec, and none of the user guide’s examples', () => {
    assert.deepEqual(countBy(result.items, (i) => `${i.file} ${i.type}`), {
      'doc/spec/design.md dsn': 61,
      'doc/spec/system_requirements.md feat': 10,
      'doc/spec/system_requirements.md req': 45,
    });
    // The user guide's 17 indented examples and AGENTS.md's fenced one are not items; every real item has a heading.
    assert.deepEqual(result.items.filter((i) => i.title === undefined).map((i) => i.id), []);
    const html = result.items.find((i) => i.id === 'req~specification-item~2');
    assert.equal(html?.title, 'Specification Item');
    assert.deepEqual(html?.covers.map((c) => c.id), ['feat~requirement-tracing~1']);
    assert.deepEqual(html?.needs, ['dsn']);
  });

  it('finds the coverage tags in the comments of the Java sources, and none quoted in strings', () => {
    assert.equal(result.tags.length, 241);
    assert.deepEqual(countBy(result.tags, (t) => t.artifactType), { impl: 81, utest: 131, itest: 28, src: 1 });
    assert.ok(result.tags.every((t) => t.file.endsWith('.java')));
    // TestTagImporter quotes tags in strings on 21 lines; only the 8 `//` lines hold tags.
    const importerTest = result.tags.filter((t) => t.file.endsWith('importer/tag/TestTagImporter.java'));
    assert.deepEqual(importerTest.map((t) => t.range.start.line + 1), [26, 116, 117, 122, 123, 133, 141, 146]);
    // Independent of the lexer: before a tag in a comment, quotes on its line come in pairs.
    for (const t of result.tags) {
      const line = workspace.readText(t.file)!.split('\n')[t.range.start.line];
      const quotes = line.slice(0, t.range.start.character).split('"').length - 1;
      assert.equal(quotes % 2, 0, `${t.file}:${t.range.start.line + 1} is inside a string`);
    }
  });

  it('traces them: most needed coverage exists, and the real gaps and typos are reported', () => {
    const needed = result.items.flatMap((i) => [...new Set(i.needs)].map((type) => ({ id: i.id, type })));
    const covered = needed.filter(({ id, type }) => result.coverage.get(id)?.some((e) => e.type === type));
    assert.equal(needed.length, 179);
    assert.equal(covered.length, 170);
    assert.deepEqual(countBy(result.findings, (f) => f.code), { 'malformed-requirement': 3, 'unknown-requirement': 1, 'requirement-not-covered': 9 });
    // Three Covers entries in system_requirements.md lost their revision: `feat~requirement-tracing`, `feat~plain-text-report` (twice).
    assert.deepEqual(
      result.findings.filter((f) => f.code === 'malformed-requirement').map((f) => `${f.path}:${f.range.start.line + 1}`),
      ['doc/spec/system_requirements.md:829', 'doc/spec/system_requirements.md:872', 'doc/spec/system_requirements.md:885'],
    );
    // The example project in product's test resources covers a requirement it does not ship.
    const unknown = result.findings.find((f) => f.code === 'unknown-requirement');
    assert.equal(unknown?.path, 'product/src/test/resources/example/src/test.java');
    assert.match(unknown?.message ?? '', /req~java-source~1/);
  });
});
