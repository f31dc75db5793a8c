import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { describe, it } from 'node:test';
import { md } from '../helpers/markers.js';
import { corpusCopy, rationale, repoRoot, snapshot, workspace } from './cliHarness.js';

const model = {
  '.git/': '',
  'docs/goals/growth.md': md`
    ---
    id: GOAL-growth
    status: active
    priority: P0
    ---
    # Double self-serve revenue

    ## Why this matters

    Customers should sign up without sales.
  `,
  'docs/prd/0001-onboarding.md': md`
    ---
    status: active
    goals: [GOAL-growth]
    ---
    # Self-serve onboarding

    ## Problem

    Sign-up needs sales today.
  `,
  'docs/adr/0001-use-moment.md': md`
    ---
    status: superseded by ADR-0002
    date: 2023-01-01
    project: PRD-0001
    ---
    # Use Moment.js for dates

    ## Context and Problem Statement

    We need date formatting.
  `,
  'docs/adr/0002-use-date-fns.md': md`
    ---
    status: accepted
    date: 2024-02-03
    project: PRD-0001
    supersedes: ADR-0001
    applies-to: ["src/billing/**"]
    ---
    # Use date-fns instead of Moment.js

    ## Context and Problem Statement

    Moment is mutable and adds 300 KB to the bundle.
  `,
  'docs/adr/0003-ui-no-db.md': md`
    ---
    status: accepted
    date: 2024-03-04
    project: PRD-0001
    ---
    # UI code does not call the database

    ## Context and Problem Statement

    Components that query the database cannot be tested.
  `,
  'src/billing/invoice.ts': "import { format } from 'date-fns';\nexport const due = (d: Date) => format(d, 'PP');\n",
  'src/ui/dashboard.ts': md`
    import { query } from '../db';

    export function render() {
      // @decision ADR-0003
      const rows = load();
      return rows;
    }

    export function other() {
      return 1;
    }
  `,
};

describe('rationale help and version', () => {
  it('prints help for the CLI and for each command, and the version', async () => {
    const dir = workspace();
    const main = await rationale(['--help'], { dir });
    assert.equal(main.code, 0);
    assert.match(main.stdout, /^Rationale: /);
    const cmds = ['check', 'list', 'explain', 'new', 'search', 'graph'];
    const helps = await Promise.all(cmds.flatMap((cmd) => [rationale([cmd, '--help'], { dir }), rationale(['help', cmd], { dir })]));
    for (const [i, cmd] of cmds.entries()) {
      assert.match(main.stdout, new RegExp(`\\n  ${cmd} `), cmd);
      const help = helps[2 * i];
      assert.equal(help.code, 0);
      assert.match(help.stdout, new RegExp(`^Usage: rationale ${cmd}`));
      assert.deepEqual(helps[2 * i + 1].stdout, help.stdout);
    }
    assert.match((await rationale(['check', '--help'], { dir })).stdout, /Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
    const version = await rationale(['--version'], { dir });
    const pkg = JSON.parse(fs.readFileSync(nodePath.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout, `${pkg.version}\n`);
    const none = await rationale([], { dir });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^Rationale: /);
  });
});

describe('rationale list', () => {
  it('prints a JSON array of documents with their fields and resolved links', async () => {
    const r = await rationale(['list', '--json'], { files: model });
    assert.equal(r.code, 0, r.stderr);
    const docs = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.deepEqual(docs.map((d) => d.id), ['GOAL-growth', 'PRD-0001', 'ADR-0001', 'ADR-0002', 'ADR-0003']);
    const adr2 = docs.find((d) => d.id === 'ADR-0002')!;
    assert.deepEqual(
      { id: adr2.id, kind: adr2.kind, title: adr2.title, status: adr2.status, file: adr2.file, date: adr2.date, appliesTo: adr2.appliesTo },
      { id: 'ADR-0002', kind: 'decision', title: 'Use date-fns instead of Moment.js', status: 'accepted', file: 'docs/adr/0002-use-date-fns.md', date: '2024-02-03', appliesTo: ['src/billing/**'] },
    );
    for (const link of adr2.links as object[]) assert.deepEqual(Object.keys(link), ['type', 'target', 'id']);
    assert.ok((adr2.links as { type: string; id: string }[]).some((l) => l.type === 'supersedes' && l.id === 'ADR-0001'));
    assert.ok((adr2.links as { type: string; id: string }[]).some((l) => l.type === 'project' && l.id === 'PRD-0001'));
    assert.equal(docs.find((d) => d.id === 'GOAL-growth')!.priority, 'P0');
    for (const d of docs) {
      for (const key of ['id', 'kind', 'title', 'status', 'file', 'date', 'links']) assert.ok(key in d, `${d.id} has ${key}`);
    }
  });

  it('filters by kind and status, and prints an aligned table', async () => {
    const dir = workspace(model);
    const decisions = JSON.parse((await rationale(['list', '--kind', 'adr', '--status', 'accepted', '--json'], { dir })).stdout) as { id: string }[];
    assert.deepEqual(decisions.map((d) => d.id), ['ADR-0002', 'ADR-0003']);
    const goals = JSON.parse((await rationale(['list', '-k', 'goal', '--json'], { dir })).stdout) as { id: string }[];
    assert.deepEqual(goals.map((d) => d.id), ['GOAL-growth']);
    const table = await rationale(['list', '--kind', 'decision'], { dir });
    assert.deepEqual(table.stdout.split('\n'), [
      'ID        KIND      STATUS      DATE        TITLE                               FILE',
      'ADR-0001  decision  superseded  2023-01-01  Use Moment.js for dates             docs/adr/0001-use-moment.md',
      'ADR-0002  decision  accepted    2024-02-03  Use date-fns instead of Moment.js   docs/adr/0002-use-date-fns.md',
      'ADR-0003  decision  accepted    2024-03-04  UI code does not call the database  docs/adr/0003-ui-no-db.md',
      '',
    ]);
    const bad = await rationale(['list', '--kind', 'memo'], { dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^rationale: --kind must be one of goal, project, decision, requirement \(got "memo"\)/);
  });

  it('reads every corpus with zero configuration', async () => {
    const counts: Record<string, number> = {};
    const names = ['npryce__adr-tools', 'adr__madr', 'thomvaill__log4brains', 'alphagov__govuk-aws'];
    const results = await Promise.all(names.map((name) => rationale(['list', '--kind', 'decision', '--json'], { dir: corpusCopy(name) })));
    for (const [i, name] of names.entries()) {
      assert.equal(results[i].code, 0, results[i].stderr);
      counts[name] = (JSON.parse(results[i].stdout) as unknown[]).length;
    }
    assert.equal(counts['npryce__adr-tools'], 9);
    assert.equal(counts.adr__madr, 19);
    assert.ok(counts['thomvaill__log4brains'] > 10 && counts['alphagov__govuk-aws'] > 30, JSON.stringify(counts));
  });
});

describe('rationale explain', () => {
  it('names the decision that governs a line by annotation, with its project and goal', async () => {
    const r = await rationale(['explain', 'src/ui/dashboard.ts:5'], { files: model });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^src\/ui\/dashboard\.ts:5 is governed by 1 document\n\nADR-0003 {2}UI code does not call the database\n/);
    assert.match(r.stdout, /\n {2}status {3}accepted · 2024-03-04\n/);
    assert.match(r.stdout, /\n {2}why {6}annotation on line 4\n/);
    assert.match(r.stdout, /\n {2}summary {2}Components that query the database cannot be tested\.\n/);
    assert.match(r.stdout, /\n {2}project {2}PRD-0001 {2}Self-serve onboarding \(active\)\n/);
    assert.match(r.stdout, /\n {2}goal {5}GOAL-growth {2}Double self-serve revenue \(active\)\n/);
  });

  it('says when nothing governs a line outside the annotated block', async () => {
    const r = await rationale(['explain', 'src/ui/dashboard.ts:10'], { files: model });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, "Nothing governs src/ui/dashboard.ts:10: no annotation or id covers it, no decision's applies-to or rules scope it, and no document mentions it.\n");
  });

  it('names decisions by scope, from any working directory or with an absolute path', async () => {
    const dir = workspace(model);
    const r = await rationale(['explain', 'invoice.ts', '--json'], { dir, cwd: 'src/billing' });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { file: string; governing: { id: string; via: string; glob?: string; goals: { id: string }[] }[] };
    assert.equal(out.file, 'src/billing/invoice.ts');
    assert.deepEqual(out.governing.map((g) => [g.id, g.via, g.glob, g.goals.map((x) => x.id)]), [['ADR-0002', 'scope', 'src/billing/**', ['GOAL-growth']]]);
    const abs = await rationale(['explain', nodePath.join(dir, 'src/billing/invoice.ts')], { dir: workspace() });
    assert.match(abs.stdout, /why {6}applies-to src\/billing\/\*\*/);
  });

  it('shows the successor of a superseded decision', async () => {
    const files = { ...model, 'src/old.ts': '// @decision ADR-0001\nexport {};\n' };
    const r = await rationale(['explain', 'src/old.ts'], { files });
    assert.match(r.stdout, /status {3}superseded · 2023-01-01 → now ADR-0002 Use date-fns instead of Moment\.js \(docs\/adr\/0002-use-date-fns\.md\)/);
  });

  it('shows the status in force next to the one the file states', async () => {
    const files = {
      ...model,
      'docs/adr/0001-use-moment.md': model['docs/adr/0001-use-moment.md'].replace('status: superseded by ADR-0002', 'status: accepted'),
      'src/old.ts': '// @decision ADR-0001\nexport {};\n',
    };
    const r = await rationale(['explain', 'src/old.ts'], { files });
    assert.match(r.stdout, /status {3}superseded \(file says accepted\) · 2023-01-01 → now ADR-0002 /);
    const json = JSON.parse((await rationale(['explain', 'src/old.ts', '--json'], { files })).stdout);
    assert.deepEqual([json.governing[0].status, json.governing[0].writtenStatus, json.governing[0].retired], ['superseded', 'accepted', true]);
    const list = await rationale(['list', '--kind', 'decision'], { files });
    assert.match(list.stdout, /ADR-0001 +decision +superseded \(file says accepted\) /);
  });

  it('exits 2 for a missing file, a folder, or a line past the end', async () => {
    const dir = workspace(model);
    const cases: [string[], RegExp][] = [
      [['explain', 'src/nope.ts'], /^rationale: no such file: src\/nope\.ts\n$/],
      [['explain', 'src'], /^rationale: not a file: src /],
      [['explain', 'src/ui/dashboard.ts:99'], /^rationale: line 99 is past the end of src\/ui\/dashboard\.ts \(12 lines\)\n$/],
      [['explain'], /^rationale: "explain" needs <path\[:line\]>/],
    ];
    const results = await Promise.all(cases.map(([args]) => rationale(args, { dir })));
    for (const [i, [args, message]] of cases.entries()) {
      const r = results[i];
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
  });
});

describe('rationale search and graph', () => {
  it('finds documents by id, title words and typos', async () => {
    const dir = workspace(model);
    const byTitle = JSON.parse((await rationale(['search', 'date fns', '--json'], { dir })).stdout) as { id: string; exact: boolean }[];
    assert.equal(byTitle[0].id, 'ADR-0002');
    const byId = JSON.parse((await rationale(['search', 'adr 3', '--json', '--limit', '1'], { dir })).stdout) as { id: string; exact: boolean }[];
    assert.deepEqual(byId.map((h) => [h.id, h.exact]), [['ADR-0003', true]]);
    const typo = await rationale(['search', 'databse'], { dir });
    assert.match(typo.stdout.split('\n')[1], /^ADR-0003 /);
    const none = await rationale(['search', 'kubernetes'], { dir });
    assert.equal(none.stdout, 'No documents match "kubernetes".\n');
    const bad = await rationale(['search', 'x', '--limit', '0'], { dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^rationale: --limit must be a positive whole number \(got "0"\)/);
  });

  it('prints the goal → project → decision graph as Mermaid and as DOT', async () => {
    const dir = workspace(model);
    const mermaid = await rationale(['graph'], { dir });
    assert.equal(mermaid.code, 0);
    assert.match(mermaid.stdout, /^flowchart TD\n/);
    assert.match(mermaid.stdout, /\n {2}n0 --> n1\n/);
    assert.match(mermaid.stdout, /\n {2}n3 -\. supersedes \.-> n2\n/);
    const dot = await rationale(['graph', '--format', 'dot'], { dir });
    assert.match(dot.stdout, /^digraph rationale \{\n/);
    assert.match(dot.stdout, /n0 \[label="GOAL-growth\\nDouble self-serve revenue\\n\(active\)"/);
  });
});

describe('read-only commands', () => {
  it('never write: check, list, explain, search and graph leave the workspace byte for byte as it was', async () => {
    const dir = workspace(model);
    const before = snapshot(dir);
    const commands = [['check'], ['check', '--format', 'sarif'], ['list'], ['list', '--json'], ['explain', 'src/ui/dashboard.ts:5'], ['search', 'date'], ['graph'], ['graph', '--format', 'dot']];
    for (const r of await Promise.all(commands.map((args) => rationale(args, { dir })))) {
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
    }
    assert.deepEqual(snapshot(dir), before);
  });
});
