import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { codeStamp } from '../../../server/src/node/codeStamp.js';

describe('codeStamp (part of the check cache key)', () => {
  it('changes when the running code is rebuilt, even at the same size', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-stamp-')), 'main.js');
    fs.writeFileSync(file, 'export const a = 1;\n');
    fs.utimesSync(file, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    const before = codeStamp(file);
    assert.equal(codeStamp(file), before, 'stable while nothing changes');
    fs.writeFileSync(file, 'export const b = 2;\n');
    fs.utimesSync(file, new Date('2026-01-02T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
    assert.notEqual(codeStamp(file), before);
  });

  it('never matches a real stamp when the code cannot be stat-ed', () => {
    assert.match(codeStamp('/nonexistent/rationale/main.js'), /^unreadable-ENOENT$/);
    assert.equal(codeStamp(undefined), 'unknown');
  });
});
