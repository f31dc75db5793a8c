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

  it('lists the 116 items with their coverage, 170 of the 179 needed types covered', async () => {
    const r = await rationale(['list', '--kind', 'requirement', '--json'], { dir });
    assert.equal(r.code, 0, r.stderr);
    const items = JSON.parse(r.stdout) as { id: string; kind: string; title: string; file: string; line: number; revision: number; needs: string[]; coveredBy: { type: string; file: string; line: number }[]; project: string | null }[];
    assert.equal(items.length, 116);
    assert.deepEqual(countBy(items, (i) => `${i.file} ${i.id.split('~')[0]}`), {
      'doc/spec/design.md dsn': 61,
      'doc/spec/system_requirements.md feat': 10,
      'doc/spec/system_requirements.md req': 45,
    });
    const needed = items.flatMap((i) => [...new Set(i.needs)].map((type) => ({ i, type })));
    assert.equal(needed.length, 179);
    assert.equal(needed.filter(({ i, type }) => i.coveredBy.some((c) => c.type === type)).length, 170);
    const item = items.find((i) => i.id === 'req~specification-item~2');
    assert.deepEqual(Object.keys(item ?? {}), ['id', 'kind', 'title', 'file', 'line', 'revision', 'needs', 'status', 'missing', 'coveredBy', 'project']);
    assert.equal(item?.kind, 'requirement');
    assert.equal(item?.title, 'Specification Item');
    assert.equal(item?.revision, 2);
    assert.deepEqual(item?.needs, ['dsn']);
    assert.equal(item?.project, null, 'doc/spec is not a project document');
    // Lines are 1-based, as in `check`: the line of a covering tag holds that tag.
    const plugins = items.find((i) => i.id === 'dsn~plugins.loading~1')!;
    const origin = plugins.coveredBy.find((c) => c.file.endsWith('ServiceOrigin.java'));
    assert.deepEqual(origin, { type: 'impl', file: 'core/src/main/java/org/itsallcode/openfasttrace/core/serviceloader/ServiceOrigin.java', line: 15 });

    const text = await rationale(['list', '--kind', 'requirement'], { dir });
    const rows = text.stdout.trimEnd().split('\n');
    assert.match(rows[0], /^ID +TITLE +COVERAGE +FILE$/);
    assert.equal(rows.length, 117);
    assert.match(text.stdout, /dsn~import\.reqm2-file-detection~1 +ReqM2 File Detection +0\/2 \(missing impl, utest\) +doc\/spec\/design\.md:236/);
  });

  it('explains a tag\'s line by the item it covers, and an item\'s line by its coverage', async () => {
    const tagLine = await rationale(['explain', 'core/src/main/java/org/itsallcode/openfasttrace/core/serviceloader/ServiceOrigin.java:15', '--json'], { dir });
    assert.equal(tagLine.code, 0, tagLine.stderr);
    const covers = JSON.parse(tagLine.stdout).requirements.covers;
    assert.deepEqual(covers.map((c: { line: number; type: string; target: string; item: { title: string } }) => [c.line, c.type, c.target, c.item.title]), [[15, 'impl', 'dsn~plugins.loading~1', 'Discovering and Loading Plugins']]);
    const text = await rationale(['explain', 'core/src/main/java/org/itsallcode/openfasttrace/core/serviceloader/ServiceOrigin.java:15'], { dir });
    assert.match(text.stdout, /covers +line 15 \(impl\): dsn~plugins\.loading~1 +Discovering and Loading Plugins +\(doc\/spec\/design\.md:129\)/);
    const otherLine = await rationale(['explain', 'core/src/main/java/org/itsallcode/openfasttrace/core/serviceloader/ServiceOrigin.java:14', '--json'], { dir });
    assert.deepEqual(JSON.parse(otherLine.stdout).requirements, { covers: [], items: [] });
    const itemLine = await rationale(['explain', 'doc/spec/design.md:236'], { dir });
    assert.match(itemLine.stdout, /dsn~import\.reqm2-file-detection~1 +ReqM2 File Detection\n +coverage 0\/2 \(missing impl, utest\)/);
  });
});

describe('rationale list and explain: requirements of a project', () => {
  const files = {
    'docs/goals/speed.md': '---\nid: GOAL-speed\n---\n# Be fast\n',
    'docs/prd/0001-login.md': '---\ngoals: [GOAL-speed]\n---\n# Login\n\n## Password login\n`req~login~2`\nUsers log in with a password.\n\nNeeds: impl, utest\n',
    'src/login.ts': '// [impl->req~login~2]\nexport const login = 1;\n',
  };

  it('names the owning project, and what covers the item', async () => {
    const dir = workspace(files);
    const list = JSON.parse((await rationale(['list', '--kind', 'requirement', '--json'], { dir })).stdout);
    assert.deepEqual(list, [{
      id: 'req~login~2', kind: 'requirement', title: 'Password login', file: 'docs/prd/0001-login.md', line: 7, revision: 2,
      needs: ['impl', 'utest'], status: 'approved', missing: ['utest'], coveredBy: [{ type: 'impl', file: 'src/login.ts', line: 1 }], project: 'PRD-0001',
    }]);
    const explained = await rationale(['explain', 'docs/prd/0001-login.md:7'], { dir });
    assert.match(explained.stdout, /req~login~2  Password login\n +coverage 1\/2 \(missing utest\)\n +by +impl  src\/login\.ts:1\n +project +PRD-0001  Login/);
    const none = await rationale(['list', '--kind', 'requirement'], { files: { 'README.md': '# Nothing\n' } });
    assert.match(none.stdout, /^No requirements found/);
    const bad = await rationale(['list', '--kind', 'foo'], { dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /goal, project, decision, requirement/);
  });

  it('filters items with --status by coverage or by their own Status:, and refuses other words', async () => {
    const dir = workspace({
      ...files,
      'docs/prd/0002-audit.md': '# Audit\n\n## Audit log\n`req~audit~1`\nStatus: draft\n\nEvery login is logged.\n\nNeeds: impl\n\n## Export\n`req~export~1`\nStatus: Proposed\n\nNeeds: impl\n',
      'src/audit.ts': '// [impl->req~audit~1]\nexport const audit = 1;\n',
    });
    const ids = async (...status: string[]) => {
      const r = await rationale(['list', '--kind', 'requirement', '--json', ...status], { dir });
      assert.equal(r.code, 0, r.stderr);
      return (JSON.parse(r.stdout) as { id: string }[]).map((i) => i.id);
    };
    assert.deepEqual(await ids(), ['req~login~2', 'req~audit~1', 'req~export~1']);
    assert.deepEqual(await ids('--status', 'covered'), ['req~audit~1']);
    assert.deepEqual(await ids('--status', 'uncovered'), ['req~login~2', 'req~export~1']);
    assert.deepEqual(await ids('--status', 'draft'), ['req~audit~1']);
    assert.deepEqual(await ids('-s', 'PROPOSED'), ['req~export~1'], 'statuses compare without case');
    assert.deepEqual(await ids('--status', 'approved'), ['req~login~2'], 'an item without Status: is approved');
    assert.deepEqual(await ids('--status', 'rejected'), []);
    const table = await rationale(['list', '--kind', 'requirement', '--status', 'uncovered'], { dir });
    assert.deepEqual(table.stdout.trimEnd().split('\n').slice(1).map((row) => row.split(/ +/)[0]), ['req~login~2', 'req~export~1']);
    const empty = await rationale(['list', '--kind', 'requirement', '--status', 'rejected'], { dir });
    assert.equal(empty.stdout, 'No rejected requirements found.\n');
    const bad = await rationale(['list', '--kind', 'requirement', '--status', 'accepted'], { dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--status for requirements must be one of covered, uncovered, approved, proposed, draft, rejected \(got "accepted"\)/);
  });
});
