import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { JsonReport } from '../../server/src/cli/formats/jsonFormat.js';
import { md } from '../helpers/markers.js';
import { commitAll, git, initRepository, writeFiles } from '../helpers/gitFixture.js';
import { rationale, workspace } from './cliHarness.js';
import { findingsOnChangedLines } from '../../server/src/core/checks/changedLines.js';
import { buildIndex } from '../../server/src/core/index/workspaceIndex.js';
import { changedSince } from '../../server/src/node/gitChanges.js';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace.js';

const consoleLog = String.raw`'\bconsole\.log\('`;

const decision = (title = 'Log through the logger', message = 'Use the logger.') => md`
  ---
  title: ${JSON.stringify(title)}
  status: accepted
  date: 2024-01-01
  project: PRD-0001
  applies-to: ["src/**"]
  rules:
    - forbid-pattern: ${consoleLog}
      severity: error
      message: ${JSON.stringify(message)}
  ---
  # Heading

  ## Context and Problem Statement

  Logs must reach the collector.
`;

const goal = md`
  ---
  id: GOAL-ops
  status: active
  ---
  # Run calmly
`;

const project = (goals = '[GOAL-ops]') => md`
  ---
  status: active
  goals: ${goals}
  ---
  # Observability

  ## Problem

  We cannot see errors.
`;

const base = {
  'docs/goals/ops.md': goal,
  'docs/prd/0001-observability.md': project(),
  'docs/adr/0001-logger.md': decision(),
  'src/old.ts': 'console.log(1);\nexport const a = 1;\n',
};

/** A repository with `base` on main and a branch `feature` checked out. */
function repository(files: Record<string, string> = base): string {
  const dir = workspace();
  initRepository(dir, files);
  git(dir, ['checkout', '-q', '-b', 'feature']);
  return dir;
}

const located = (r: { stdout: string }) => (JSON.parse(r.stdout) as JsonReport).findings.map((f) => `${f.file}:${f.line} ${f.code}`);

describe('rationale check --changed-since', () => {
  it('reports findings on added or changed lines only, and every line of a new file', async () => {
    const dir = repository();
    writeFiles(dir, { 'src/old.ts': 'console.log(1);\nexport const a = 1;\nconsole.log(2);\n', 'src/added.ts': 'console.log(3);\n' });
    commitAll(dir, 'feature work');
    writeFiles(dir, { 'src/untracked.ts': 'export const b = 2;\nconsole.log(4);\n' });
    const all = await rationale(['check', '--format', 'json'], { dir });
    assert.deepEqual(located(all), ['src/added.ts:1 forbid-pattern', 'src/old.ts:1 forbid-pattern', 'src/old.ts:3 forbid-pattern', 'src/untracked.ts:2 forbid-pattern']);
    const changed = await rationale(['check', '--format', 'json', '--changed-since', 'main'], { dir });
    assert.equal(changed.code, 1, changed.stderr);
    assert.deepEqual(located(changed), ['src/added.ts:1 forbid-pattern', 'src/old.ts:3 forbid-pattern', 'src/untracked.ts:2 forbid-pattern']);
  });

  it('compares with the merge base, so commits on the ref since the branch left it do not count', async () => {
    const dir = repository();
    git(dir, ['checkout', '-q', 'main']);
    writeFiles(dir, { 'src/main-only.ts': 'console.log(5);\n' });
    commitAll(dir, 'main moves on');
    git(dir, ['checkout', '-q', 'feature']);
    writeFiles(dir, { 'src/old.ts': 'console.log(1);\nconsole.log(6);\n' });
    const r = await rationale(['check', '--format', 'json', '--changed-since', 'main'], { dir });
    assert.deepEqual(located(r), ['src/old.ts:2 forbid-pattern']);
  });

  it('counts a renamed file by its new lines, and reports nothing when nothing changed', async () => {
    const dir = repository();
    git(dir, ['mv', 'src/old.ts', 'src/moved.ts']);
    commitAll(dir, 'move');
    const moved = await rationale(['check', '--format', 'json', '--changed-since', 'main'], { dir });
    assert.equal(moved.code, 0, moved.stderr);
    assert.deepEqual(located(moved), []);
    writeFiles(dir, { 'src/moved.ts': 'console.log(1);\nexport const a = 1;\nconsole.log(7);\n' });
    assert.deepEqual(located(await rationale(['check', '--format', 'json', '--changed-since', 'main'], { dir })), ['src/moved.ts:3 forbid-pattern']);
  });

  it('reports every document finding of a changed document, and none of an unchanged one', async () => {
    const dir = repository({ ...base, 'docs/prd/0001-observability.md': project('[]') });
    const untouched = await rationale(['check', '--format', 'json', '--changed-since', 'main'], { dir });
    assert.deepEqual(located(untouched), []);
    writeFiles(dir, { 'docs/prd/0001-observability.md': `${project('[]')}\nMore detail.\n` });
    const r = await rationale(['check', '--format', 'json', '--changed-since', 'main'], { dir });
    assert.deepEqual(located(r), ['docs/prd/0001-observability.md:2 project-without-goal']);
  });

  it('gives the findings of a full check on the changed lines, whatever changed: added, edited, deleted, renamed files and a document', async () => {
    const layers = md`
      ---
      status: accepted
      date: 2024-01-01
      project: PRD-0001
      rules:
        - forbid-layer: { from: "src/ui/**", to: "src/db/**" }
      ---
      # Keep the UI off the database
    `;
    const dir = repository({
      ...base,
      'docs/adr/0002-layers.md': layers,
      'docs/adr/0003-old.md': md`
        ---
        status: superseded
        superseded-by: ADR-0002
        project: PRD-0001
        ---
        # The old way
      `,
      'src/db/client.ts': 'export const db = 1;\n',
      'src/ui/page.ts': "import { db } from '../db/client';\nconsole.log(db);\n",
      'src/ui/gone.ts': "import { db } from '../db/client';\n",
      'src/ui/rename-me.ts': "// @decision ADR-0003\nexport const r = 1;\nconsole.log(r);\n",
      'src/kept.ts': 'console.log(0);\n// @decision ADR-0099\n',
    });
    writeFiles(dir, {
      'src/ui/page.ts': "import { db } from '../db/client';\nconsole.log(db);\n// @decision ADR-0003\nconsole.log('new');\n",
      'src/ui/added.ts': "import { db } from '../db';\nimport { c } from '../db/client.js';\n// @decision ADR-0077\n",
      'src/db/index.ts': 'export const db = 2;\n',
      'src/ui/gone.ts': null,
      'docs/adr/0002-layers.md': `${layers}\nSee [the missing note](../notes/missing.md) and [the client](../../src/db/client.ts).\n`,
    });
    git(dir, ['add', '-A']);
    git(dir, ['mv', 'src/ui/rename-me.ts', 'src/ui/renamed.ts']);
    commitAll(dir, 'feature work');
    writeFiles(dir, { 'src/ui/renamed.ts': "// @decision ADR-0003\nexport const r = 1;\nconsole.log(r);\nimport { db } from '../db/client';\n", 'src/untracked.ts': '// @decision ADR-0042\nconsole.log(9);\n' });

    const full = (JSON.parse((await rationale(['check', '--format', 'json'], { dir })).stdout) as JsonReport).findings;
    const index = buildIndex(new NodeWorkspace(dir));
    // The full check's findings, as the core filter reads them, each carrying its JSON form back out.
    const located = full.map((json) => ({ json, path: json.file, range: { start: { line: json.line - 1, character: 0 }, end: { line: json.endLine - 1, character: 0 } } }));
    const expected = findingsOnChangedLines(located as never, changedSince(dir, 'main'), (p) => index.documents.has(p)).map((f) => (f as unknown as (typeof located)[number]).json);
    const changed = (JSON.parse((await rationale(['check', '--format', 'json', '--changed-since', 'main'], { dir })).stdout) as JsonReport).findings;
    assert.deepEqual(changed, expected);
    // Every kind of change above leaves something to report, so the equality is not an empty one.
    assert.deepEqual([...new Set(changed.map((f) => f.file))].sort(), ['docs/adr/0002-layers.md', 'src/ui/added.ts', 'src/ui/page.ts', 'src/ui/renamed.ts', 'src/untracked.ts']);
    assert.ok(changed.some((f) => f.code === 'forbid-layer') && changed.some((f) => f.code === 'superseded-reference') && changed.some((f) => f.code === 'broken-link'));
  });

  it('counts in its summary only the changed files it reports on', async () => {
    const dir = repository({ ...base, 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 1;\n' });
    writeFiles(dir, { 'src/a.ts': 'export const a = 1;\nconsole.log(a);\n', 'src/gone.ts': null, 'src/new.ts': 'export const n = 1;\n' });
    const changed = await rationale(['check', '--changed-since', 'main'], { dir });
    assert.match(changed.stdout, /1 error, 0 warnings in 2 files$/m);
    const json = JSON.parse((await rationale(['check', '--format', 'json', '--changed-since', 'main'], { dir })).stdout) as JsonReport;
    assert.deepEqual([json.summary.filesScanned, json.summary.filesChecked, json.summary.errors], [2, 2, 1]);
    const all = JSON.parse((await rationale(['check', '--format', 'json'], { dir })).stdout) as JsonReport;
    assert.equal(all.summary.filesScanned, 7);
  });

  it('matches the baseline by line text within the changed files, and calls no entry of an unchanged file stale', async () => {
    const dir = repository({ ...base, 'src/other.ts': 'console.log(2);\n' });
    assert.equal((await rationale(['baseline'], { dir })).code, 0);
    commitAll(dir, 'baseline');
    writeFiles(dir, { 'src/old.ts': 'export const first = 0;\nconsole.log(1);\nexport const a = 1;\nconsole.log(3);\n' });
    const r = JSON.parse((await rationale(['check', '--format', 'json', '--changed-since', 'main'], { dir })).stdout) as JsonReport & { findings: { baselined?: true }[] };
    assert.deepEqual(r.findings.map((f) => [f.file, f.line, f.code, f.baselined ?? false]), [['src/old.ts', 4, 'forbid-pattern', false]]);
    // A line that only goes away is no changed line: the fix rewrites it, as fixes mostly do.
    writeFiles(dir, { 'src/old.ts': 'logger.info(1);\nexport const a = 1;\n' });
    const fixed = JSON.parse((await rationale(['check', '--format', 'json', '--changed-since', 'main'], { dir })).stdout) as JsonReport;
    assert.deepEqual(fixed.findings.map((f) => [f.file, f.code, f.message.includes('src/old.ts')]), [['.rationale-baseline.json', 'stale-baseline', true]]);
  });

  it('exits 2 naming the fix when the ref is unknown', async () => {
    const dir = repository();
    const r = await rationale(['check', '--changed-since', 'origin/nope'], { dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^rationale: unknown git ref "origin\/nope": .*fetch-depth: 0.*\n$/);
    assert.equal(r.stdout, '');
  });

  it('exits 2 naming fetch-depth in a shallow clone, whether the ref is missing or the merge base is', async () => {
    const origin = repository();
    writeFiles(origin, { 'src/added.ts': 'console.log(3);\n' });
    commitAll(origin, 'feature work');
    const url = pathToFileURL(origin).href;
    const single = workspace();
    git(single, ['clone', '-q', '--depth', '1', '--branch', 'feature', url, '.']);
    const missing = await rationale(['check', '--changed-since', 'origin/main'], { dir: single });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /unknown git ref "origin\/main" in this shallow clone.*fetch-depth: 0.*git fetch --unshallow/);
    const both = workspace();
    git(both, ['clone', '-q', '--depth', '1', '--no-single-branch', '--branch', 'feature', url, '.']);
    const shallow = await rationale(['check', '--changed-since', 'origin/main'], { dir: both });
    assert.equal(shallow.code, 2);
    assert.match(shallow.stderr, /too shallow.*fetch-depth: 0.*git fetch --unshallow/);
  });

  it('exits 2 outside a git repository, and for a ref that looks like an option', async () => {
    const outside = await rationale(['check', '--changed-since', 'main'], { files: base });
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /--changed-since needs a git repository/);
    const dir = repository();
    const option = await rationale(['check', '--changed-since=--output=x'], { dir });
    assert.equal(option.code, 2);
    assert.match(option.stderr, /--changed-since needs a git ref/);
  });
});

describe('rationale check --format markdown', () => {
  it('lists each changed file with the decisions governing it, then its findings', async () => {
    const dir = repository();
    writeFiles(dir, { 'src/old.ts': 'console.log(1);\nexport const a = 1;\nconsole.log(2);\n', 'src/clean.ts': 'export const c = 3;\n', 'notes.txt': 'hello\n' });
    const r = await rationale(['check', '--format', 'markdown', '--changed-since', 'main'], { dir });
    assert.equal(r.code, 1, r.stderr);
    const decisionLine = '- **ADR-0001** Log through the logger · accepted · Logs must reach the collector. · PRD-0001 Observability → GOAL-ops Run calmly';
    assert.equal(r.stdout, [
      '## Rationale',
      '',
      '**1 error, 0 warnings in 3 files** · 3 changed files since `main`',
      '',
      '### src/clean.ts',
      '',
      'Governed by:',
      decisionLine,
      '',
      '### src/old.ts',
      '',
      'Governed by:',
      decisionLine,
      '',
      'Findings:',
      '- **error** line 3 `forbid-pattern`: \\`console.log\\(\\` matches a pattern \\(\\`\\\\bconsole\\\\.log\\\\\\(\\`\\) forbidden by ADR-0001 \\(Log through the logger\\): Use the logger.',
      '',
      '1 other changed file: no decision governs it, and nothing was found.',
      '',
    ].join('\n'));
  });

  it('without --changed-since, lists the files with findings in a stable order', async () => {
    const files = { ...base, 'src/b.ts': 'console.log(1);\n', 'src/a.ts': 'console.log(1);\nconsole.log(2);\n' };
    const r = await rationale(['check', '--format', 'markdown'], { files });
    const headings = r.stdout.split('\n').filter((l) => l.startsWith('###'));
    assert.deepEqual(headings, ['### src/a.ts', '### src/b.ts', '### src/old.ts']);
    assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('- **error**')).length, 4);
    assert.equal((await rationale(['check', '--format', 'markdown'], { files })).stdout, r.stdout);
  });

  it('stays under 60,000 characters on a big change, and says what it left out', async () => {
    const files: Record<string, string> = { ...base };
    const perFile = 20;
    for (let i = 0; i < 80; i++) files[`src/gen/f${String(i).padStart(3, '0')}.ts`] = 'console.log(0);\n'.repeat(perFile);
    const r = await rationale(['check', '--format', 'markdown'], { files });
    assert.ok(r.stdout.length < 60_000, `${r.stdout.length} characters`);
    const shownFiles = r.stdout.split('\n').filter((l) => l.startsWith('### ')).length;
    const shownFindings = r.stdout.split('\n').filter((l) => l.startsWith('- **error**')).length;
    const m = /> \*\*Truncated:\*\* (\d+) more files and (\d+) more findings are not shown/.exec(r.stdout);
    assert.ok(m, r.stdout.slice(-500));
    assert.equal(shownFiles + Number(m[1]), 81);
    assert.equal(shownFindings + Number(m[2]), 81 * perFile - (perFile - 1));
    assert.ok(shownFiles > 10);
  });

  it('escapes hostile titles and messages: no links, images, HTML or mentions get through', async () => {
    const hostile = '[click](https://evil.example) ![x](https://evil.example/i.png) <img src=x onerror=alert(1)> @octocat `code` *bold*';
    const dir = repository({ ...base, 'docs/adr/0001-logger.md': decision(hostile, '@octocat see [docs](https://evil.example)') });
    writeFiles(dir, { 'src/old.ts': 'console.log(1);\nconsole.log(2);\n' });
    const r = await rationale(['check', '--format', 'markdown', '--changed-since', 'main'], { dir });
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stdout, /[^\\]\[click\]|[^\\]\]\(https|[^\\]<img|(^|[^\\])!\[|@octocat/);
    assert.match(r.stdout, /\\\[click\\\]\\\(https:\/\/evil\.example\\\) \\!\\\[x\\\]/);
    assert.match(r.stdout, /\\<img src=x onerror=alert\\\(1\\\)\\> @\u200Boctocat \\`code\\` \\\*bold\\\*/);
    // In the governing decision's title, then twice in the finding's message (its title and the rule's message).
    assert.equal(r.stdout.split('@\u200Boctocat').length - 1, 3);
    assert.match(r.stdout, /: @\u200Boctocat see \\\[docs\\\]\\\(https:\/\/evil\.example\\\)\n/);
  });
});
