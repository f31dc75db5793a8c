import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { describe, it } from 'node:test';
import { rationale, read, snapshot, workspace } from './cliHarness.js';

const files = {
  '.git/': '',
  'docs/adr/0001-keep.md': '---\nstatus: accepted\ndate: 2026-01-01\n---\n# Keep\n',
  'docs/adr/0002-drop.md': '---\nstatus: proposed\ndate: 2026-11-01\n---\n# Drop\n',
  'src/a.ts': '// @decision ADR-0001\n',
};

describe('rationale site', () => {
  it('writes the site into a new folder, with its marker, and prints the home page', async () => {
    const r = await rationale(['site', '--out', 'public'], { files });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${nodePath.join('public', 'index.html')}\n`);
    const site = snapshot(nodePath.join(r.dir, 'public'));
    for (const f of ['index.html', 'doc/ADR-0001.html', 'doc/ADR-0002.html', 'timeline.html', 'flow.html', 'health.html', 'search.html', 'search.js', 'search-index.js', 'style.css', '.rationale-site']) assert.ok(f in site, f);
    assert.match(site['doc/ADR-0001.html'], /<code>src\/a\.ts:1<\/code>/);
    assert.match(site['index.html'], /<svg class="graph"/, 'the graph is laid out');
    assert.deepEqual(JSON.parse(site['.rationale-site']).files.length, Object.keys(site).length);
  });

  it('refuses a folder that is not empty and holds no site, and writes nothing there', async () => {
    const dir = workspace({ ...files, 'notes/mine.txt': 'mine' });
    const r = await rationale(['site', '--out', 'notes'], { dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /notes is not empty and holds no site written by "rationale site".*--force/);
    assert.deepEqual(snapshot(nodePath.join(dir, 'notes')), { 'mine.txt': 'mine' });
  });

  it('with --force writes into such a folder and keeps what was there', async () => {
    const dir = workspace({ ...files, 'notes/mine.txt': 'mine' });
    const r = await rationale(['site', '--out', 'notes', '--force'], { dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(read(dir, 'notes/mine.txt'), 'mine');
    assert.ok(fs.existsSync(nodePath.join(dir, 'notes', 'index.html')));
  });

  it('replaces its own previous site: files of the last run no longer written are removed, nothing else', async () => {
    const dir = workspace(files);
    assert.equal((await rationale(['site', '--out', 'public'], { dir })).code, 0);
    fs.writeFileSync(nodePath.join(dir, 'public', 'CNAME'), 'docs.example.com\n');
    fs.writeFileSync(nodePath.join(dir, 'outside.txt'), 'keep');
    // A marker that names a file outside the folder is not obeyed.
    const marker = nodePath.join(dir, 'public', '.rationale-site');
    const listed = JSON.parse(fs.readFileSync(marker, 'utf8'));
    fs.writeFileSync(marker, JSON.stringify({ ...listed, files: [...listed.files, '../outside.txt'] }));
    fs.rmSync(nodePath.join(dir, 'docs/adr/0002-drop.md'));
    const r = await rationale(['site', '--out', 'public'], { dir });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!fs.existsSync(nodePath.join(dir, 'public', 'doc', 'ADR-0002.html')), 'the removed decision lost its page');
    assert.ok(fs.existsSync(nodePath.join(dir, 'public', 'doc', 'ADR-0001.html')));
    assert.equal(read(dir, 'public/CNAME'), 'docs.example.com\n');
    assert.equal(read(dir, 'outside.txt'), 'keep');
  });

  it('needs --out, and says so', async () => {
    const r = await rationale(['site'], { files });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--out needs the folder to write the site to \(see "rationale site --help"\)/);
  });
});
