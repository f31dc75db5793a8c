import { Ajv } from 'ajv';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { describe, it } from 'node:test';
import { md } from '../helpers/markers.js';
import { rationale, read, repoRoot, workspace } from './cliHarness.js';

const decision = md`
  ---
  status: accepted
  rules:
    - forbid-import: [moment]
      severity: error
      message: "Use date-fns."
  ---
  # Use date-fns for dates
`;

const oldCode = "import moment from 'moment';\nexport const a = moment();\n";
const files = { 'docs/adr/0001-use-date-fns.md': decision, 'src/old.ts': oldCode };

interface JsonReport {
  findings: { file: string; line: number; code: string; baselined?: true }[];
  summary: { errors: number; baselined: number };
}

/** A workspace whose one old finding is baselined. */
async function baselined(): Promise<string> {
  const dir = workspace(files);
  const r = await rationale(['baseline'], { dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\.rationale-baseline\.json: 1 finding accepted/);
  return dir;
}

async function json(dir: string): Promise<{ code: number; report: JsonReport }> {
  const r = await rationale(['check', '--format', 'json'], { dir });
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport };
}

describe('rationale baseline', () => {
  it('writes a file the schema accepts, keyed by line text, never by line number', async () => {
    const dir = await baselined();
    const written = JSON.parse(read(dir, '.rationale-baseline.json')) as { entries: Record<string, unknown>[] };
    const validate = new Ajv({ strict: false }).compile(JSON.parse(fs.readFileSync(nodePath.join(repoRoot, 'schemas/baseline.schema.json'), 'utf8')));
    assert.ok(validate(written), JSON.stringify(validate.errors));
    assert.deepEqual(written.entries.map((e) => [e.file, e.code, e.decision, e.count]), [['src/old.ts', 'forbid-import', 'ADR-0001', 1]]);
    assert.ok(!('line' in written.entries[0]));
  });

  it('lets check pass on baselined findings, counted in the summary and marked in JSON', async () => {
    const dir = await baselined();
    const text = await rationale(['check'], { dir });
    assert.equal(text.code, 0, text.stdout);
    assert.match(text.stdout, /0 errors, 0 warnings in \d+ files \(1 baselined\)/);
    const { code, report } = await json(dir);
    assert.equal(code, 0);
    assert.deepEqual(report.findings.map((f) => [f.file, f.code, f.baselined]), [['src/old.ts', 'forbid-import', true]]);
    assert.deepEqual([report.summary.errors, report.summary.baselined], [0, 1]);
  });

  it('keeps a finding baselined when lines are added above it, and fails only on a new one', async () => {
    const dir = await baselined();
    fs.writeFileSync(nodePath.join(dir, 'src/old.ts'), `// a header\n\n${oldCode}`);
    fs.writeFileSync(nodePath.join(dir, 'src/new.ts'), "import m from 'moment';\n");
    const { code, report } = await json(dir);
    assert.equal(code, 1);
    assert.deepEqual(report.findings.map((f) => [f.file, f.line, f.baselined ?? false]), [['src/new.ts', 1, false], ['src/old.ts', 3, true]]);
  });

  it('accepts as many findings alike as it saw: a copy of the same line is new', async () => {
    const dir = await baselined();
    fs.writeFileSync(nodePath.join(dir, 'src/old.ts'), `${oldCode}import moment from 'moment';\n`);
    const { code, report } = await json(dir);
    assert.equal(code, 1);
    assert.deepEqual(report.findings.map((f) => [f.line, f.baselined ?? false]), [[3, false], [1, true]]);
  });

  it('says in SARIF which results are new and which unchanged', async () => {
    const dir = await baselined();
    fs.writeFileSync(nodePath.join(dir, 'src/new.ts'), "import m from 'moment';\n");
    const r = await rationale(['check', '--format', 'sarif'], { dir });
    const results = JSON.parse(r.stdout).runs[0].results as { baselineState?: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.deepEqual(results.map((x) => [x.locations[0].physicalLocation.artifactLocation.uri, x.baselineState]), [['src/new.ts', 'new'], ['src/old.ts', 'unchanged']]);
    const without = await rationale(['check', '--format', 'sarif'], { files });
    assert.ok(JSON.parse(without.stdout).runs[0].results.every((x: { baselineState?: string }) => x.baselineState === undefined), 'no baseline, no baselineState');
  });

  it('reports entries that no longer occur as stale-baseline, which --prune removes', async () => {
    const dir = await baselined();
    fs.writeFileSync(nodePath.join(dir, 'src/old.ts'), "import { format } from 'date-fns';\n");
    const { code, report } = await json(dir);
    assert.equal(code, 0);
    assert.deepEqual(report.findings.map((f) => [f.file, f.code]), [['.rationale-baseline.json', 'stale-baseline']]);
    const pruned = await rationale(['baseline', '--prune'], { dir });
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.match(pruned.stdout, /0 findings accepted \(was 1\)/);
    assert.deepEqual(JSON.parse(read(dir, '.rationale-baseline.json')).entries, []);
    assert.deepEqual((await json(dir)).report.findings, []);
  });

  it('--prune accepts nothing new', async () => {
    const dir = await baselined();
    fs.writeFileSync(nodePath.join(dir, 'src/new.ts'), "import m from 'moment';\n");
    assert.equal((await rationale(['baseline', '--prune'], { dir })).code, 0);
    assert.deepEqual(JSON.parse(read(dir, '.rationale-baseline.json')).entries.map((e: { file: string }) => e.file), ['src/old.ts']);
  });

  it('gives a clear error, exit 2, for --prune without a baseline and for a malformed one', async () => {
    const none = await rationale(['baseline', '--prune'], { files });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no \.rationale-baseline\.json .* to prune/);
    for (const bad of ['{not json', '{"version": 2, "entries": []}', '{"version": 1, "entries": [{"file": "x"}]}']) {
      const r = await rationale(['check'], { files: { ...files, '.rationale-baseline.json': bad } });
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /^rationale: \.rationale-baseline\.json is not/, bad);
    }
  });
});

describe('debt per decision', () => {
  const code = [
    "import moment from 'moment';",
    '// rationale-disable-next-line ADR-0001 -- the report still formats with it',
    "import m2 from 'moment';",
    '// rationale-disable-next-line ADR-0001 until 2026-01-31 -- until the January release',
    "import m3 from 'moment';",
    '',
  ].join('\n');

  it('the JSON summary counts findings, exceptions, expired exceptions and baselined findings per decision', async () => {
    const dir = await baselined();
    fs.writeFileSync(nodePath.join(dir, 'src/debt.ts'), code);
    const r = await rationale(['check', '--format', 'json'], { dir });
    const summary = JSON.parse(r.stdout).summary;
    // debt.ts: the bare import and the one whose exception expired are new; old.ts's is baselined.
    assert.deepEqual(summary.byDecision, { 'ADR-0001': { findings: 2, exceptions: 1, expired: 1, baselined: 1 } });
  });

  it('the text summary lists the decisions with the most debt', async () => {
    const dir = await baselined();
    fs.writeFileSync(nodePath.join(dir, 'src/debt.ts'), code);
    const r = await rationale(['check'], { dir });
    assert.match(r.stdout, /\(1 exception, 1 baselined\)\nMost debt:\n {2}ADR-0001 {2}5 {2}\(2 findings, 1 exception, 1 expired, 1 baselined\)\n$/);
  });
});
