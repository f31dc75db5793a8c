import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusCopy, rationale, workspace } from './cliHarness.js';

interface JsonFinding {
  file: string;
  line: number;
  code: string;
}

function countBy<T>(list: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of list) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}

/**
 * OpenFastTrace's own repository, as test/unit/requirements/openFastTraceCorpus.test.ts counts it:
 * the CLI must report the same 13 tracing findings, with or without its cache.
 */
describe('rationale check: requirement tracing on itsallcode/openfasttrace', () => {
  const dir = corpusCopy('itsallcode__openfasttrace');

  it('reports the 13 tracing findings in every format, the same with the cache cold, warm and off', async () => {
    const cacheDir = workspace();
    const off = await rationale(['check', '--format', 'json', '--no-cache'], { dir });
    const cold = await rationale(['check', '--format', 'json', '--cache-dir', cacheDir], { dir });
    const warm = await rationale(['check', '--format', 'json', '--cache-dir', cacheDir], { dir });
    assert.equal(off.code, 1, off.stderr);
    assert.equal(cold.stdout, off.stdout);
    assert.equal(warm.stdout, off.stdout);
    const findings = JSON.parse(off.stdout).findings as JsonFinding[];
    assert.deepEqual(countBy(findings, (f) => f.code), { 'malformed-requirement': 3, 'unknown-requirement': 1, 'requirement-not-covered': 9 });
    assert.deepEqual(findings.filter((f) => f.code === 'malformed-requirement').map((f) => `${f.file}:${f.line}`), [
      'doc/spec/system_requirements.md:829', 'doc/spec/system_requirements.md:872', 'doc/spec/system_requirements.md:885',
    ]);
    assert.deepEqual(findings.filter((f) => f.code === 'unknown-requirement').map((f) => `${f.file}:${f.line}`), ['product/src/test/resources/example/src/test.java:2']);

    const text = await rationale(['check', '--no-cache'], { dir });
    assert.match(text.stdout, /product\/src\/test\/resources\/example\/src\/test\.java:2:4 +error +unknown-requirement/);
    assert.match(text.stdout, /1 error, 12 warnings/);
    const github = await rationale(['check', '--no-cache', '--format', 'github'], { dir });
    assert.equal(github.stdout.split('\n').filter((l) => l.includes('title=Rationale requirement-not-covered')).length, 9);
    const sarif = JSON.parse((await rationale(['check', '--no-cache', '--format', 'sarif'], { dir })).stdout);
    const rules = sarif.runs[0].tool.driver.rules as { id: string; name: string }[];
    assert.deepEqual(rules.filter((r) => r.id.includes('requirement')).map((r) => r.name).sort(), ['MalformedRequirement', 'RequirementNotCovered', 'UnknownRequirement']);
    assert.equal(sarif.runs[0].results.length, 13);
  });
});
