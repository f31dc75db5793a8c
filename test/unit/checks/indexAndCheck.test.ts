import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkWorkspace } from '../../../server/src/core/checks/checkWorkspace.js';
import { indexAndCheck } from '../../../server/src/core/checks/indexAndCheck.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The one-pass CLI path must give exactly what indexing then checking gives. */
async function check(dir: string): Promise<void> {
  const a = new NodeWorkspace(dir);
  const slow = checkWorkspace(buildIndex(a), a, { today: '2026-11-23' });
  const fast = await indexAndCheck(new NodeWorkspace(dir), { today: '2026-11-23' });
  assert.deepEqual(fast.result.findings, slow.findings);
  assert.deepEqual(fast.result.suppressed, slow.suppressed);
  assert.equal(fast.result.filesChecked, slow.filesChecked);
  assert.deepEqual([...fast.index.annotations.entries()], [...buildIndex(new NodeWorkspace(dir)).annotations.entries()]);
  assert.ok(slow.findings.length > 0);
}

/** Every file here is in a rule's scope, where both paths report unreadable files alike. */
function hostileTree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-one-pass-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const files: Record<string, string | Buffer> = {
    'docs/adr/0001-no-eval.md': '---\nstatus: accepted\nrules:\n  - forbid-pattern: "eval\\\\("\n  - forbid-import: [moment]\n---\n# No eval\n',
    'docs/adr/0002-old.md': '---\nstatus: superseded\nsuperseded-by: ADR-0001\n---\n# Old\n',
    'src/nul.ts': Buffer.from([0x65, 0, 0x76]),
    'src/latin1.ts': Buffer.from('// caf\xe9 eval(1)\n', 'latin1'),
    'src/utf16.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("import m from 'moment';\n// @adr ADR-0002\n", 'utf16le')]),
    'src/new\nline.ts': 'eval(2);\n',
    'src/__proto__.ts': '// @decision ADR-0001\neval(3);\n',
  };
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), body);
  }
  return dir;
}

describe('indexAndCheck (one read per file)', () => {
  it('equals buildIndex + checkWorkspace on the sample workspace', () => check(path.join(repo, 'sample')));
  it('equals buildIndex + checkWorkspace on a tree with unreadable, UTF-16 and hostile files', () => check(hostileTree()));
});

describe('indexAndCheck with codeFiles', () => {
  it('reads every document but only the code files named, and checks those as a full run would', async () => {
    const dir = hostileTree();
    const full = await indexAndCheck(new NodeWorkspace(dir), { today: '2026-11-23' });
    const ws = new NodeWorkspace(dir);
    const read: string[] = [];
    const readText = ws.readText.bind(ws);
    ws.readText = (p: string) => {
      read.push(p);
      return readText(p);
    };
    const only = new Set(['src/__proto__.ts']);
    const part = await indexAndCheck(ws, { today: '2026-11-23', codeFiles: only });
    assert.deepEqual(read.filter((p) => !p.endsWith('.md')), ['src/__proto__.ts']);
    const inPart = part.result.findings.filter((f) => only.has(f.path));
    assert.deepEqual(inPart, full.result.findings.filter((f) => only.has(f.path)));
    assert.ok(inPart.length > 0);
    assert.equal(part.result.findings.filter((f) => f.path.startsWith('src/') && !only.has(f.path)).length, 0);
  });
});
