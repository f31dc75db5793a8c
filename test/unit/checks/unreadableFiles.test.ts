import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/core/checks/checkWorkspace.js';
import { indexAndCheck } from '../../../server/src/core/checks/indexAndCheck.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace.js';

const adr = '---\nstatus: accepted\nrules:\n  - forbid-pattern: "eval\\\\("\n    files: ["src/**"]\n---\n# No eval\n';

function tree(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-unreadable-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), body);
  }
  return dir;
}

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);

async function check(dir: string) {
  const { result } = await indexAndCheck(new NodeWorkspace(dir, { maxFileSizeBytes: 4096 }), { today: '2026-11-23' });
  return result.findings.map((f) => `${f.path} ${f.code} ${f.severity}`);
}

describe('files the checker cannot read', () => {
  it('fail the check when a rule governs them (a NUL byte, over the size limit)', async () => {
    const dir = tree({
      'docs/adr/0001-no-eval.md': adr,
      'src/nul.ts': Buffer.concat([Buffer.from('eval(1);\n'), Buffer.from([0])]),
      'src/big.ts': `eval(1);\n${'x'.repeat(5000)}`,
      'src/utf16-without-mark.ts': Buffer.from('eval(1);\n', 'utf16le'),
    });
    assert.deepEqual(await check(dir), ['src/big.ts unreadable-file error', 'src/nul.ts unreadable-file error', 'src/utf16-without-mark.ts unreadable-file error']);
  });

  it('are only info outside every rule, and binary ones there (by content or extension) are not reported', async () => {
    const dir = tree({ 'docs/adr/0001-no-eval.md': adr, 'data/big.txt': 'x'.repeat(5000), 'data/blob.dat': Buffer.from([1, 0, 2]), 'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]) });
    assert.deepEqual(await check(dir), ['data/big.txt unreadable-file info']);
  });

  it('decodes UTF-16 with a byte order mark (LE and BE) and checks it like any file, and legacy 8-bit text too', async () => {
    const dir = tree({ 'docs/adr/0001-no-eval.md': adr, 'src/le.ts': utf16le('const a = eval(1);\n'), 'src/be.ts': utf16be('const b = eval(2);\n'), 'src/latin1.ts': Buffer.from('// caf\xe9\neval(3);\n', 'latin1') });
    assert.deepEqual(await check(dir), ['src/be.ts forbid-pattern warning', 'src/latin1.ts forbid-pattern warning', 'src/le.ts forbid-pattern warning']);
  });

  it('are reported the same by the two-pass check (index, then check)', async () => {
    const dir = tree({ 'docs/adr/0001-no-eval.md': adr, 'src/nul.ts': Buffer.from([0x65, 0, 0x76]) });
    const ws = new NodeWorkspace(dir);
    const slow = checkWorkspace(buildIndex(ws), ws, { today: '2026-11-23' });
    assert.deepEqual(slow.findings.map((f) => `${f.path} ${f.code} ${f.severity}`), ['src/nul.ts unreadable-file error']);
    assert.match(slow.findings[0].message, /NUL byte.*ADR-0001/);
  });
});
