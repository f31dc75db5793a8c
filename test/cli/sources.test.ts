import assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { describe, it } from 'node:test';
import { md } from '../helpers/markers.js';
import { rationale, workspace } from './cliHarness.js';

/**
 * A workspace whose projects serve goals of a strategy folder checked out beside it
 * (`.rationale.json` `sources`). Both are temp folders the test creates, side by side.
 */
function setup(extraSources: { name: string; path: string }[] = []): { dir: string; strategy: string } {
  const strategy = workspace({
    'goals/0003-grow.md': md`
      ---
      status: active
      ---
      # Grow revenue

      We grow.
    `,
    // Broken on purpose: a source is read, never checked, so none of this may be reported.
    'goals/0007-cut.md': '---\nstatus: nonsense\ngoals: [GOAL-404]\n---\n# Cut costs\n',
    'src/ignored.ts': '// @decision ADR-404\n',
    '.rationale.json': '{ "folders": { "goal": ["goals"] } }',
  });
  const config = { sources: [{ name: 'strategy', path: `../${nodePath.basename(strategy)}` }, ...extraSources] };
  const dir = workspace({
    '.git/': '',
    '.rationale.json': JSON.stringify(config),
    'docs/prd/0001-checkout.md': md`
      ---
      status: active
      goals: [strategy:GOAL-3]
      ---
      # Checkout revamp
    `,
    'docs/prd/0002-costs.md': '---\nstatus: active\ngoals: [GOAL-7]\n---\n# Costs\n',
    'src/a.ts': '// @goal strategy:GOAL-3\nexport const a = 1;\n',
  });
  return { dir, strategy };
}

interface JsonFinding { file: string; code: string; severity: string; message: string }

describe('rationale with sources', () => {
  it('check: a project serving a source goal is fine, and nothing inside the source is reported', async () => {
    const { dir } = setup();
    const r = await rationale(['check', '--format', 'json', '--no-cache'], { dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    assert.deepEqual(findings.map((f) => `${f.file} ${f.code}`), []);
  });

  it('check: a bare id in two places is ambiguous and the message names the qualified ids', async () => {
    const { strategy } = setup();
    const other = workspace({ 'docs/goals/0003-other.md': '# Other growth\n' });
    const config = JSON.stringify({ sources: [{ name: 'strategy', path: `../${nodePath.basename(strategy)}` }, { name: 'finance', path: `../${nodePath.basename(other)}` }] });
    const again = await rationale(['check', '--format', 'json', '--no-cache'], { files: { '.git/': '', '.rationale.json': config, 'src/b.ts': '// @goal GOAL-3\n' } });
    const findings = (JSON.parse(again.stdout) as { findings: JsonFinding[] }).findings;
    assert.deepEqual(findings.map((f) => [f.file, f.code, f.message]), [
      ['src/b.ts', 'unknown-id', 'Ambiguous goal id "GOAL-3": more than one source has it; write strategy:GOAL-0003 or finance:GOAL-0003.'],
    ]);
    assert.equal(again.code, 1);
  });

  it('check: a missing source is one invalid-config warning, and the rest works', async () => {
    const { dir } = setup([{ name: 'gone', path: '../no-such-folder-here' }]);
    const r = await rationale(['check', '--format', 'json', '--no-cache'], { dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    assert.deepEqual(findings.map((f) => [f.file, f.severity, f.code, f.message]), [
      ['.rationale.json', 'warning', 'invalid-config', '.rationale.json: source "gone": the folder "../no-such-folder-here" does not exist; its documents are left out'],
    ]);
  });

  it('list, search, graph and explain warn once on stderr about a missing source and still work', async () => {
    const { dir } = setup([{ name: 'gone', path: '../no-such-folder-here' }]);
    for (const args of [['list'], ['search', 'grow'], ['graph'], ['explain', 'src/a.ts']]) {
      const r = await rationale(args, { dir });
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.deepEqual(r.stderr.split('\n').filter(Boolean), ['rationale: warning: .rationale.json: source "gone": the folder "../no-such-folder-here" does not exist; its documents are left out'], args.join(' '));
      assert.match(r.stdout, /strategy:GOAL-0003/, args.join(' '));
    }
  });

  it('list marks where each document comes from', async () => {
    const { dir } = setup();
    const json = JSON.parse((await rationale(['list', '--json'], { dir })).stdout) as { id: string; file: string; source: string | null; links: { id: string | null }[] }[];
    assert.deepEqual(json.map((d) => [d.id, d.file, d.source]), [
      ['strategy:GOAL-0003', 'strategy:goals/0003-grow.md', 'strategy'],
      ['strategy:GOAL-0007', 'strategy:goals/0007-cut.md', 'strategy'],
      ['PRD-0001', 'docs/prd/0001-checkout.md', null],
      ['PRD-0002', 'docs/prd/0002-costs.md', null],
    ]);
    assert.deepEqual(json[2].links.map((l) => l.id), ['strategy:GOAL-0003']);
    assert.deepEqual(json[3].links.map((l) => l.id), ['strategy:GOAL-0007'], 'a bare id that only a source has resolves there');
    const table = (await rationale(['list'], { dir })).stdout;
    assert.match(table.split('\n')[0], /FILE +SOURCE$/);
    assert.match(table, /\nstrategy:GOAL-0003 +goal +active +- +Grow revenue +strategy:goals\/0003-grow\.md +strategy\n/);
    assert.match(table, /\nPRD-0001 +project +active +- +Checkout revamp +docs\/prd\/0001-checkout\.md +-\n/);
  });

  it('graph draws goal → project across the source boundary', async () => {
    const { dir } = setup();
    const r = await rationale(['graph'], { dir });
    const id = (label: string) => new RegExp(`\\n {4}(n\\d+)\\(\\[?"${label}`).exec(r.stdout)?.[1];
    const goal = id('strategy:GOAL-0003');
    const project = id('PRD-0001');
    assert.ok(goal && project, r.stdout);
    assert.ok(r.stdout.includes(`\n  ${goal} --> ${project}\n`), r.stdout);
  });

  it('explain shows a source goal cited in code, with its qualified file', async () => {
    const { dir } = setup();
    const r = await rationale(['explain', 'src/a.ts'], { dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\nstrategy:GOAL-0003 {2}Grow revenue\n/);
    assert.match(r.stdout, /\n {2}file {5}strategy:goals\/0003-grow\.md\n/);
  });

  it('search finds a source document and says which source', async () => {
    const { dir } = setup();
    const hits = JSON.parse((await rationale(['search', 'grow revenue', '--json'], { dir })).stdout) as { id: string; source: string | null }[];
    assert.deepEqual(hits[0], { ...hits[0], id: 'strategy:GOAL-0003', source: 'strategy' });
  });

  it('rejects a source that is the workspace, contains it, or is a file, with one warning each', async () => {
    const config = JSON.stringify({ sources: [{ name: 'self', path: '.' }, { name: 'parent', path: '..' }, { name: 'file', path: 'src/a.ts' }] });
    const r = await rationale(['list'], { files: { '.git/': '', '.rationale.json': config, 'src/a.ts': '' } });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stderr.split('\n').filter(Boolean), [
      'rationale: warning: .rationale.json: source "self": "." is the workspace or contains it; its documents are left out',
      'rationale: warning: .rationale.json: source "parent": ".." is the workspace or contains it; its documents are left out',
      'rationale: warning: .rationale.json: source "file": "src/a.ts" is not a folder; its documents are left out',
    ]);
  });
});
