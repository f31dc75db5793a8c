import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { describe, it } from 'node:test';
import { corpusCopy, rationale, read, snapshot, workspace } from './cliHarness.js';

interface Listed {
  id: string;
  status: string | null;
  file: string;
  links: { type: string; target: string; id: string | null }[];
}

async function listed(dir: string): Promise<Listed[]> {
  const r = await rationale(['list', '--json'], { dir });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Listed[];
}

describe('rationale new: numbering and templates', () => {
  it('continues the MADR corpus at 0019 with a MADR document', async () => {
    const dir = corpusCopy('adr__madr');
    const r = await rationale(['new', 'adr', 'Use Rust for the MADR tools', '--date', '2026-05-01'], { dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${nodePath.join('docs', 'decisions', '0019-use-rust-for-the-madr-tools.md')}\n`);
    const text = read(dir, 'docs/decisions/0019-use-rust-for-the-madr-tools.md');
    assert.match(text, /^---\nstatus: proposed\ndate: 2026-05-01\n/);
    assert.match(text, /\n# Use Rust for the MADR tools\n/);
    const doc = (await listed(dir)).find((d) => d.file === 'docs/decisions/0019-use-rust-for-the-madr-tools.md');
    assert.deepEqual([doc?.id, doc?.status], ['ADR-0019', 'proposed']);
  });

  it('continues the adr-tools corpus at 0010 with an adr-tools document', async () => {
    const dir = corpusCopy('npryce__adr-tools');
    const r = await rationale(['new', 'adr', 'Support Windows', '--date', '2026-05-01'], { dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), nodePath.join('doc', 'adr', '0010-support-windows.md'));
    assert.equal(read(dir, 'doc/adr/0010-support-windows.md').split('\n').slice(0, 7).join('\n'), '# 10. Support Windows\n\nDate: 2026-05-01\n\n## Status\n\nProposed');
  });

  it('uses a log4brains date slug in the log4brains corpus', async () => {
    const dir = corpusCopy('thomvaill__log4brains');
    const r = await rationale(['new', 'adr', 'Use Vitest', '--date', '2026-05-01'], { dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), nodePath.join('docs', 'adr', '20260501-use-vitest.md'));
    assert.match(read(dir, 'docs/adr/20260501-use-vitest.md'), /^# Use Vitest\n\n- Status: proposed\n/);
  });

  it('creates docs/decisions/0000 in an empty workspace, and projects and goals in their folders', async () => {
    const dir = workspace({ '.git/': '' });
    assert.equal((await rationale(['new', 'adr', 'First decision'], { dir })).stdout.trim(), nodePath.join('docs', 'decisions', '0000-first-decision.md'));
    assert.equal((await rationale(['new', 'prd', 'Onboarding'], { dir })).stdout.trim(), nodePath.join('docs', 'prd', '0001-onboarding.md'));
    assert.equal((await rationale(['new', 'goal', 'Grow revenue'], { dir })).stdout.trim(), nodePath.join('docs', 'goals', '0001-grow-revenue.md'));
    const kinds = (await listed(dir)).map((d) => `${d.id} ${d.status}`);
    assert.deepEqual(kinds, ['GOAL-0001 active', 'PRD-0001 proposed', 'ADR-0000 proposed']);
  });

  it('finds the workspace from a subfolder, and takes --dir as the target folder inside it', async () => {
    const dir = workspace({ '.git/': '', 'docs/adr/0001-a.md': '# 1. A\n\n## Status\n\nAccepted\n', 'src/': '' });
    const fromSub = await rationale(['new', 'adr', 'B'], { dir, cwd: 'src' });
    // Outside the working directory, the path printed is absolute.
    assert.equal(fromSub.stdout.trim(), nodePath.join(dir, 'docs', 'adr', '0002-b.md'));
    const intoFolder = await rationale(['new', 'adr', 'C', '--dir', 'architecture'], { dir: workspace({ '.git/': '', 'architecture/': '' }) });
    assert.equal(intoFolder.stdout.trim(), nodePath.join('architecture', '0000-c.md'));
    assert.match(read(intoFolder.dir, 'architecture/0000-c.md'), /^---\nkind: decision\n/);
  });

  it('never overwrites: six concurrent runs get six distinct numbers, and existing files stay as they were', async () => {
    const existing = '# 1. Keep me\n\n## Status\n\nAccepted\n';
    const dir = workspace({ '.git/': '', 'doc/adr/0001-keep-me.md': existing, 'doc/adr/0002-other.md': '# 2. Other\n\n## Status\n\nAccepted\n' });
    const titles = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Alpha', 'Alpha'];
    const runs = await Promise.all(titles.map((t) => rationale(['new', 'adr', t], { dir })));
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    const created = runs.map((r) => r.stdout.trim());
    assert.equal(new Set(created).size, 6, created.join(', '));
    const numbers = created.map((p) => Number(/(\d{4})-/.exec(nodePath.basename(p))![1])).sort((a, b) => a - b);
    assert.deepEqual(numbers, [3, 4, 5, 6, 7, 8]);
    assert.equal(read(dir, 'doc/adr/0001-keep-me.md'), existing);
    const files = fs.readdirSync(nodePath.join(dir, 'doc/adr')).sort();
    assert.equal(files.length, 8, files.join(', '));
    assert.ok(!files.some((f) => f.startsWith('.')), `no lock or temporary file is left: ${files.join(', ')}`);
  });

  it('exits 2 with one line for a bad kind, an empty title, a bad date or a missing folder', async () => {
    const dir = workspace({ '.git/': '' });
    const cases: [string[], RegExp][] = [
      [['new', 'memo', 'X'], /^rationale: "new" makes an adr, prd or goal \(got "memo"\)/],
      [['new', 'adr'], /^rationale: "new" needs <title>/],
      [['new', 'adr', '  '], /^rationale: the title is empty/],
      [['new', 'adr', 'X', '--date', 'tomorrow'], /^rationale: --date must be a date like 2026-05-01/],
      [['new', 'adr', 'X', '--dir', 'nowhere'], /^rationale: no such folder: nowhere\n$/],
      [['new', 'prd', 'X', '--supersedes', 'ADR-1'], /^rationale: --supersedes is only for decisions/],
      [['new', 'adr', 'X', '--supersedes', 'ADR-99'], /^rationale: --supersedes: no decision has the id "ADR-99"\n$/],
    ];
    const results = await Promise.all(cases.map(([args]) => rationale(args, { dir })));
    for (const [i, [args, message]] of cases.entries()) {
      const r = results[i];
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1);
    }
    assert.deepEqual(Object.keys(snapshot(dir)), [], 'no failed run wrote anything');
  });
});

describe('rationale new --supersedes', () => {
  it('updates an adr-tools Status section and prints both paths', async () => {
    const dir = corpusCopy('npryce__adr-tools');
    const r = await rationale(['new', 'adr', 'Use a Go binary', '--supersedes', 'ADR-2'], { dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [nodePath.join('doc', 'adr', '0010-use-a-go-binary.md'), nodePath.join('doc', 'adr', '0002-implement-as-shell-scripts.md')]);
    assert.match(read(dir, 'doc/adr/0002-implement-as-shell-scripts.md'), /## Status\n\nSuperseded by \[10\. Use a Go binary\]\(0010-use-a-go-binary\.md\)\n/);
    assert.match(read(dir, 'doc/adr/0010-use-a-go-binary.md'), /## Status\n\nProposed\n\nSupersedes \[2\. Implement as shell scripts\]\(0002-implement-as-shell-scripts\.md\)\n/);
    const docs = await listed(dir);
    const old = docs.find((d) => d.id === 'ADR-0002')!;
    assert.equal(old.status, 'superseded');
    assert.ok(old.links.some((l) => l.type === 'superseded-by' && l.id === 'ADR-0010'));
  });

  it('updates a MADR front matter status', async () => {
    const dir = corpusCopy('adr__madr');
    const before = read(dir, 'docs/decisions/0013-use-yaml-front-matter-for-meta-data.md');
    const r = await rationale(['new', 'adr', 'Use TOML front matter', '--supersedes', 'adr-0013'], { dir });
    assert.equal(r.code, 0, r.stderr);
    const after = read(dir, 'docs/decisions/0013-use-yaml-front-matter-for-meta-data.md');
    // MADR's own file had no status: one line is added to its front matter, nothing else changes.
    assert.equal(after, before.replace('nav_order: 13\n---', 'nav_order: 13\nstatus: superseded by ADR-0019\n---'));
    assert.match(read(dir, 'docs/decisions/0019-use-toml-front-matter.md'), /\nsupersedes: ADR-0013\n/);
    assert.equal((await listed(dir)).find((d) => d.id === 'ADR-0013')?.status, 'superseded');
  });

  it('updates a log4brains status bullet', async () => {
    const dir = corpusCopy('thomvaill__log4brains');
    const r = await rationale(['new', 'adr', 'Use Algolia for search', '--date', '2026-05-01', '--supersedes', '20201103-use-lunr-for-search'], { dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(read(dir, 'docs/adr/20201103-use-lunr-for-search.md'), /\n- Status: superseded by \[20260501-use-algolia-for-search\]\(20260501-use-algolia-for-search\.md\)\n/);
    const docs = await listed(dir);
    assert.equal(docs.find((d) => d.id === '20201103-use-lunr-for-search')?.status, 'superseded');
  });

  it('updates a plain front matter status in place and keeps the file mode', async () => {
    const dir = workspace({ '.git/': '', 'docs/adr/0001-a.md': '---\nstatus: accepted\n---\n# A\n' });
    fs.chmodSync(nodePath.join(dir, 'docs/adr/0001-a.md'), 0o640);
    const r = await rationale(['new', 'adr', 'B', '--supersedes', 'ADR-1'], { dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(read(dir, 'docs/adr/0001-a.md'), '---\nstatus: superseded by ADR-0002\n---\n# A\n');
    assert.equal(fs.statSync(nodePath.join(dir, 'docs/adr/0001-a.md')).mode & 0o777, 0o640);
  });
});
