import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
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

describe('indexAndCheck (one read per file)', () => {
  it('equals buildIndex + checkWorkspace on the sample workspace', () => check(path.join(repo, 'sample')));
  it('equals buildIndex + checkWorkspace on a real corpus', () => check(path.join(repo, '../shared/corpora/thomvaill__log4brains')));
});
