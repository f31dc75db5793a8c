import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Writes a tree (string = text file, Buffer = bytes, {link} = symlink) and lists it through NodeWorkspace. */
function check(tree: Record<string, string | Buffer | { link: string }>, expected: string[], options: { maxFileSizeBytes?: number } = {}): NodeWorkspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-ws-'));
  dirs.push(root);
  for (const [p, v] of Object.entries(tree)) {
    const abs = path.join(root, p);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    if (typeof v === 'object' && !Buffer.isBuffer(v)) fs.symlinkSync(v.link, abs);
    else fs.writeFileSync(abs, v);
  }
  const ws = new NodeWorkspace(root, options);
  assert.deepEqual(ws.listFiles(), expected);
  return ws;
}

describe('NodeWorkspace', () => {
  it('honours .gitignore files at every level and skips dependency and VCS folders', () => {
    check({
      '.gitignore': 'dist/\n*.log\n',
      'src/a.ts': 'a',
      'src/debug.log': 'x',
      'dist/bundle.js': 'x',
      'pkg/.gitignore': 'generated.ts\n!keep.log\n',
      'pkg/generated.ts': 'x',
      'pkg/keep.ts': 'x',
      'node_modules/m/index.js': 'x',
      '.git/HEAD': 'x',
    }, ['.gitignore', 'pkg/.gitignore', 'pkg/keep.ts', 'src/a.ts']);
  });

  it('skips binary files by extension when listing and by content when reading, and oversized files', () => {
    const ws = check({ 'docs/adr/0001.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'data.bin2': Buffer.from([1, 0, 2]), 'big.txt': 'x'.repeat(5000), 'ok.md': '# ok' }, ['big.txt', 'data.bin2', 'ok.md'], { maxFileSizeBytes: 2048 });
    assert.equal(ws.readText('data.bin2'), undefined, 'NUL bytes mean binary');
    assert.equal(ws.readText('big.txt'), undefined, 'above the size limit');
    assert.equal(ws.readText('ok.md'), '# ok');
  });

  it('never follows a symlink loop or a link out of the root, and never reads outside it', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-outside-'));
    dirs.push(outside);
    fs.writeFileSync(path.join(outside, 'secret.md'), 'secret');
    const ws = check({ 'a/b.md': 'b', 'a/loop': { link: '..' }, 'out': { link: outside }, 'inside.md': { link: 'a/b.md' } }, ['a/b.md', 'inside.md']);
    assert.equal(ws.readText('../secret.md'), undefined);
    assert.equal(ws.readText('inside.md'), 'b');
  });

  it('survives a file vanishing between listing and reading', () => {
    const ws = check({ 'gone.md': 'x' }, ['gone.md']);
    fs.rmSync(path.join(ws.root, 'gone.md'));
    assert.equal(ws.readText('gone.md'), undefined);
    assert.equal(ws.exists('gone.md'), undefined);
  });
});
