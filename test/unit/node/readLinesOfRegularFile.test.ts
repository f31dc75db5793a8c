import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readLinesOfRegularFile, type LineLimits } from '../../../server/src/node/readLinesOfRegularFile.js';

function fileWith(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-lines-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'f');
  fs.writeFileSync(file, text);
  return file;
}

function lines(file: string, limits: LineLimits, stopAfter = Infinity): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  const failed = readLinesOfRegularFile(file, limits, (l) => out.push(l) < stopAfter);
  assert.equal(failed, undefined);
  return out;
}

describe('readLinesOfRegularFile', () => {
  const text = 'alpha\nβeta γ\n\n{"x":"ünï"}\nlast';

  it('gives every line, across chunk edges that split lines and characters', () => {
    for (const chunkBytes of [1, 2, 3, 5, 7, 64]) {
      assert.deepEqual(lines(fileWith(text), { maxBytes: 1000, maxLineBytes: 100, chunkBytes }), text.split('\n'), `chunks of ${chunkBytes}`);
    }
    assert.deepEqual(lines(fileWith('a\nb\n'), { maxBytes: 1000, maxLineBytes: 100 }), ['a', 'b']);
  });

  it('gives undefined for a line longer than the limit, without holding it, and goes on', () => {
    const long = 'x'.repeat(50);
    for (const chunkBytes of [4, 16, 1024]) {
      assert.deepEqual(lines(fileWith(`a\n${long}\nb\n${long}`), { maxBytes: 1000, maxLineBytes: 10, chunkBytes }), ['a', undefined, 'b', undefined], `chunks of ${chunkBytes}`);
    }
  });

  it('stops when told to', () => {
    assert.deepEqual(lines(fileWith(text), { maxBytes: 1000, maxLineBytes: 100, chunkBytes: 2 }, 2), ['alpha', 'βeta γ']);
  });

  it('refuses a file over the size limit, a folder and a missing file without calling back', () => {
    const file = fileWith(text);
    const calls: unknown[] = [];
    const read = (p: string, maxBytes = 1000) => readLinesOfRegularFile(p, { maxBytes, maxLineBytes: 100 }, (l) => calls.push(l) > 0);
    assert.match(read(file, 10)?.problem ?? '', /larger than the limit/);
    assert.match(read(path.dirname(file))?.problem ?? '', /not a regular file/);
    assert.equal(read(`${file}-missing`)?.vanished, true);
    assert.deepEqual(calls, []);
  });
});
