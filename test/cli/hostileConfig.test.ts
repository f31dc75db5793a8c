import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { describe, it } from 'node:test';
import { today } from '../../server/src/cli/today.js';
import { bin, cacheDir, pinnedToday, rationale, read, snapshot, workspace } from './cliHarness.js';

const decision = '---\nstatus: accepted\ndate: 2024-01-01\n---\n# Use records\n\n## Context\n\nWhy.\n';
/** One valid setting (`folders`) and one unknown key. */
const halfValid = JSON.stringify({ folders: { decision: ['records'] }, colour: 'blue' });

describe('a configuration with one unknown key', () => {
  it('new applies the valid folders and warns about the unknown key', async () => {
    const r = await rationale(['new', 'adr', 'Second record', '--date', '2026-05-01'], { files: { '.rationale.json': halfValid, 'records/0001-use-records.md': decision } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), nodePath.join('records', '0002-second-record.md'));
    assert.equal(r.stderr, 'rationale: warning: .rationale.json: the configuration has an unknown key `colour`; ignored\n');
  });

  it('list applies the valid folders and warns the same way', async () => {
    const r = await rationale(['list', '--json'], { files: { '.rationale.json': halfValid, 'records/0001-use-records.md': decision } });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((d) => d.file), ['records/0001-use-records.md']);
    assert.equal(r.stderr, 'rationale: warning: .rationale.json: the configuration has an unknown key `colour`; ignored\n');
  });

  it('check applies the valid folders and reports the unknown key as an invalid-config warning', async () => {
    const r = await rationale(['check', '--format', 'json'], { files: { '.rationale.json': halfValid, 'records/0001-use-records.md': decision } });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { findings: { file: string; code: string; severity: string; message: string }[]; summary: { documents: { decision: number } } };
    assert.equal(report.summary.documents.decision, 1, 'the records folder was read');
    assert.deepEqual(report.findings.map((f) => [f.file, f.code, f.severity, f.message]), [
      ['.rationale.json', 'invalid-config', 'warning', '.rationale.json: the configuration has an unknown key `colour`; ignored'],
    ]);
    assert.doesNotMatch(r.stdout + r.stderr, /front matter/);
  });
});

describe('folders outside the workspace', () => {
  it('new never turns an absolute folder in .rationale.json into a folder inside the workspace', async () => {
    const r = await rationale(['new', 'adr', 'Escape', '--date', '2026-05-01'], { files: { '.rationale.json': JSON.stringify({ folders: { decision: ['/etc', '../outside'] } }), '.git/': '' } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^rationale: warning: \.rationale\.json: folder "\/etc" is an absolute path; name folders relative to the workspace; ignored$/m);
    assert.match(r.stderr, /^rationale: warning: \.rationale\.json: folder "\.\.\/outside" is outside the workspace; ignored$/m);
    assert.ok(!fs.existsSync(nodePath.join(r.dir, 'etc')), 'no etc/ inside the workspace');
    assert.ok(!fs.existsSync(nodePath.join(r.dir, '..', 'outside')));
    assert.equal(r.stdout.trim(), nodePath.join('docs', 'decisions', '0000-escape.md'));
  });

  it('new never turns an absolute .adr-dir into a folder inside the workspace', async () => {
    const r = await rationale(['new', 'adr', 'Escape', '--date', '2026-05-01'], { files: { '.adr-dir': '/etc\n', '.git/': '' } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^rationale: warning: \.adr-dir: the folder "\/etc" is an absolute path; name folders relative to the workspace; ignored$/m);
    assert.ok(!fs.existsSync(nodePath.join(r.dir, 'etc')));
  });
});

describe('--cache-dir', () => {
  it('rejects an empty value instead of writing the cache into the checked workspace', async () => {
    const dir = workspace({ 'docs/adr/0001-use-records.md': decision });
    const before = snapshot(dir);
    for (const args of [['check', '--cache-dir', ''], ['check', '--cache-dir=']]) {
      const r = await rationale(args, { dir });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'rationale: --cache-dir needs a folder (got an empty value) (see "rationale check --help")\n');
    }
    assert.deepEqual(snapshot(dir), before);
  });
});

describe('dates', () => {
  it('new dates a record by UTC today, which RATIONALE_TODAY pins', async () => {
    const r = await rationale(['new', 'adr', 'Pinned', '--dir', '.'], { files: { '.git/': '' }, env: { RATIONALE_TODAY: '2031-02-03', TZ: 'Pacific/Kiritimati' } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(read(r.dir, 'docs/decisions/0000-pinned.md'), /^date: 2031-02-03$/m);
  });

  it('check judges review-by against RATIONALE_TODAY', async () => {
    const files = { 'docs/adr/0001-review.md': '---\nstatus: accepted\nreview-by: 2030-01-01\n---\n# Review me\n\n## Context\n\nWhy.\n' };
    const before = await rationale(['check', '--format', 'json', '--no-cache'], { files, env: { RATIONALE_TODAY: '2029-12-31' } });
    const after = await rationale(['check', '--format', 'json', '--no-cache'], { files, env: { RATIONALE_TODAY: '2030-01-02' } });
    const codes = (r: { stdout: string }) => (JSON.parse(r.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code);
    assert.deepEqual(codes(before), []);
    assert.deepEqual(codes(after), ['review-overdue']);
  });

  it('takes today in UTC, not in the local time zone', () => {
    // 23:30 in New York on 1 January is already 2 January in UTC.
    const io = { cwd: '.', env: {}, stdout: { write: () => {}, isTTY: false }, stderr: { write: () => {}, isTTY: false } };
    assert.equal(today(io, () => new Date('2026-01-01T23:30:00-05:00')), '2026-01-02');
  });

  it('rejects a RATIONALE_TODAY that is not a date', async () => {
    const r = await rationale(['new', 'adr', 'X'], { files: { '.git/': '' }, env: { RATIONALE_TODAY: 'tomorrow' } });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'rationale: RATIONALE_TODAY must be a date like 2026-05-01 (got "tomorrow")\n');
  });
});

describe('files that cannot be read', () => {
  it('fail check when a rule governs them: one NUL byte does not let a file skip every rule', async () => {
    const dir = workspace({
      'docs/adr/0001-no-eval.md': "---\nstatus: accepted\nrules:\n  - forbid-pattern: 'eval\\('\n    severity: error\n    files: ['src/**']\n---\n# No eval\n",
    });
    fs.mkdirSync(nodePath.join(dir, 'src'));
    fs.writeFileSync(nodePath.join(dir, 'src/evil.ts'), Buffer.concat([Buffer.from('eval(1);\n'), Buffer.from([0])]));
    fs.writeFileSync(nodePath.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    const r = await rationale(['check'], { dir });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^src\/evil\.ts:1:1 +error +unreadable-file +src\/evil\.ts cannot be read \(it contains a NUL byte, so it looks binary\), so the rules of ADR-0001 did not check it\.  \[ADR-0001\]$/m);
    assert.doesNotMatch(r.stdout, /logo\.png/);
  });
});

describe('a .rationale.json that is not a regular file', () => {
  /** The timeout only keeps the test run from hanging if the bug returns; the assertions are on the result. */
  function run(args: string[], dir: string) {
    const env = { ...process.env, RATIONALE_CACHE_DIR: cacheDir, RATIONALE_TODAY: pinnedToday };
    return spawnSync(process.execPath, ['--max-old-space-size=256', bin, ...args], { cwd: dir, env, timeout: 30_000, encoding: 'utf8' });
  }

  it('a FIFO does not make list or check hang', { skip: process.platform === 'win32' }, () => {
    const dir = workspace({ '.git/': '', 'docs/adr/0001-use-records.md': decision });
    execFileSync('mkfifo', [nodePath.join(dir, '.rationale.json')]);
    for (const args of [['list'], ['check']]) {
      const r = run(args, dir);
      assert.equal(r.signal, null, `${args[0]} hung`);
      assert.equal(r.status, 0, r.stderr);
    }
  });

  it('a link to /dev/zero is not read', { skip: !fs.existsSync('/dev/zero') }, () => {
    const dir = workspace({ '.git/': '', 'docs/adr/0001-use-records.md': decision });
    fs.symlinkSync('/dev/zero', nodePath.join(dir, '.rationale.json'));
    const r = run(['list'], dir);
    assert.equal(r.signal, null, 'list hung');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /ADR-0001/);
  });
});
