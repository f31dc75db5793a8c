import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/core/checks/checkWorkspace.js';
import { indexAndCheck } from '../../../server/src/core/checks/indexAndCheck.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';

/**
 * Names and values that are also Object.prototype members: every table the checker looks them up
 * in must answer "unknown", not hand back a function.
 */
const hostile = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

async function check(files: Record<string, string>) {
  const ws = new MemoryWorkspace(files);
  const fast = (await indexAndCheck(ws, { today: '2026-11-23' })).result;
  const slow = checkWorkspace(buildIndex(ws), ws, { today: '2026-11-23' });
  assert.deepEqual(fast.findings, slow.findings);
  for (const f of fast.findings) {
    assert.equal(typeof f.code, 'string', JSON.stringify(f));
    assert.equal(typeof f.message, 'string');
  }
  return fast.findings;
}

describe('names shared with Object.prototype', () => {
  it('are unknown statuses, kinds and file types, never crashes', async () => {
    const files: Record<string, string> = {};
    hostile.forEach((name, i) => {
      const n = String(i + 1).padStart(4, '0');
      files[`docs/adr/${n}-${name}.md`] = `---\nstatus: ${name}\nkind: ${name === '__proto__' ? 'decision' : name}\n---\n# ${name}\n`;
      files[name] = `// @decision ADR-${n}\n`;
      files[`src/${name}/x.${name}`] = `// @adr ADR-${n}\n`;
      files[`${name}/docs/y.md`] = `---\nkind: ${name}\n---\n# y\n`;
    });
    const findings = await check(files);
    const unknownStatus = findings.filter((f) => f.code === 'unknown-status').map((f) => f.path);
    assert.equal(unknownStatus.length, hostile.length);
    // Citing a decision whose status is merely unknown is not citing a retired one.
    assert.equal(findings.filter((f) => f.code.endsWith('-reference')).length, 0);
  });

  it('resolve ids and tags only when they are real', async () => {
    const findings = await check({
      'docs/adr/0001-a.md': '---\nstatus: accepted\n---\n# A\n',
      'src/a.ts': '// @constructor ADR-0001\n// @decision constructor\n// @toString __proto__\n// @decision ADR-0009\n',
    });
    assert.deepEqual(findings.map((f) => `${f.code} ${f.range.start.line}`), ['unknown-id 3']);
  });
});
