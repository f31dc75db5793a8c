import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryCheckCache } from '../../../server/src/core/checks/checkCache.js';
import { checkWorkspace } from '../../../server/src/core/checks/checkWorkspace.js';
import { indexAndCheck } from '../../../server/src/core/checks/indexAndCheck.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { requirementTraceOf } from '../../../server/src/core/requirements/workspaceRequirementTrace.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { throughCacheFile } from '../../helpers/cacheFileRoundTrip.js';

/** A workspace that counts reads, so a test can tell that tracing reads nothing of its own. */
class CountingWorkspace extends MemoryWorkspace {
  readonly reads: string[] = [];
  override readText(path: string): string | undefined {
    this.reads.push(path);
    return super.readText(path);
  }
}

const files = {
  'docs/goals/speed.md': '---\nid: GOAL-speed\n---\n# Be fast\n',
  'docs/prd/0001-login.md': '---\ngoals: [GOAL-speed]\n---\n# Login\n\n## Password login\n`req~login~2`\nUsers log in with a password.\n\nNeeds: impl, utest\n',
  'docs/adr/0001-sessions.md': '---\nstatus: accepted\nproject: PRD-0001\n---\n# Sessions\n\n## Session cookie\n`dsn~session~1`\nCovers: req~login~2\nNeeds: impl\n',
  'doc/spec/plain.md': '# Spec\n\n## Logout\n`req~logout~1`\nNeeds: impl\n',
  'src/login.ts': '// [impl->req~login~2]\nexport const login = 1;\n// [impl->req~logout~0]\n',
  'src/session.ts': '/* [impl->dsn~session~1] */\nexport const s = 1;\n// [impl->req~nothing~1]\n',
};

describe('requirement tracing in the index and the check', () => {
  it('traces items of every Markdown file and tags of every file, with their owning project', async () => {
    const ws = new CountingWorkspace(files);
    const { index, result } = await indexAndCheck(ws, { today: '2026-11-23' });
    // Code files read once: tracing works from the text the check already held (discovery peeks at Markdown, as before).
    assert.deepEqual(ws.reads.filter((p) => p.startsWith('src/')).sort(), ['src/login.ts', 'src/session.ts']);
    const trace = requirementTraceOf(index);
    // In path order; the decision's item belongs to the project the decision was made for.
    assert.deepEqual(trace.items.map((t) => [t.item.id, t.project?.id, t.covered, t.needed]), [
      ['req~logout~1', undefined, [], ['impl']],
      ['dsn~session~1', 'PRD-0001', ['impl'], ['impl']],
      ['req~login~2', 'PRD-0001', ['impl'], ['impl', 'utest']],
    ]);
    assert.deepEqual(trace.byId.get('req~login~2')?.coverage.map((c) => `${c.type} ${c.file}:${c.line + 1}`), ['dsn docs/adr/0001-sessions.md:9', 'impl src/login.ts:1']);
    const requirementFindings = result.findings.filter((f) => f.code.endsWith('-requirement') || f.code === 'requirement-not-covered');
    assert.deepEqual(requirementFindings.map((f) => `${f.path}:${f.range.start.line + 1} ${f.code}`), [
      'doc/spec/plain.md:4 requirement-not-covered',
      'docs/prd/0001-login.md:7 requirement-not-covered',
      'src/login.ts:3 outdated-requirement',
      'src/session.ts:3 unknown-requirement',
    ]);
  });

  it('reports the same findings from checkWorkspace over a built index, and from a warm cache', async () => {
    const ws = new MemoryWorkspace(files);
    const cold = await indexAndCheck(ws, { today: '2026-11-23' });
    assert.deepEqual(checkWorkspace(buildIndex(ws), ws, { today: '2026-11-23' }).findings, cold.result.findings);
    const cache = new MemoryCheckCache();
    await indexAndCheck(ws, { today: '2026-11-23', cache });
    const reloaded = throughCacheFile(cache);
    const warm = await indexAndCheck(ws, { today: '2026-11-23', cache: reloaded });
    assert.ok(reloaded.loaded > 0);
    assert.deepEqual(JSON.parse(JSON.stringify(warm.result)), JSON.parse(JSON.stringify(cold.result)));
    assert.deepEqual(JSON.parse(JSON.stringify([...warm.index.requirements])), JSON.parse(JSON.stringify([...cold.index.requirements])));
  });

  it('does not serve a cache entry written before entries carried requirements', async () => {
    const ws = new MemoryWorkspace(files);
    const cache = new MemoryCheckCache();
    await indexAndCheck(ws, { today: '2026-11-23', cache });
    const data = cache.toData();
    // An older version's cache: same shape, no requirements, and its own keys.
    for (const e of Object.values(data.files)) delete (e.entry as { requirements?: unknown }).requirements;
    for (const e of Object.values(data.documents)) delete (e.doc as { requirements?: unknown }).requirements;
    data.checkKey = data.checkKey!.replace(',"requirements-1"]', ']');
    data.parseKey = data.parseKey!.replace(',"requirements-1"]', ']');
    const warm = await indexAndCheck(ws, { today: '2026-11-23', cache: new MemoryCheckCache(data) });
    assert.equal(requirementTraceOf(warm.index).items.length, 3);
  });

  it('a suppression with a reason silences a requirement finding like any other', async () => {
    const ws = new MemoryWorkspace({ ...files, 'src/session.ts': '// rationale-disable-next-line unknown-requirement -- a demo tag\n// [impl->req~nothing~1]\n' });
    const { result } = await indexAndCheck(ws, { today: '2026-11-23' });
    assert.equal(result.findings.filter((f) => f.code === 'unknown-requirement').length, 0);
    assert.deepEqual(result.suppressed.map((f) => f.code), ['unknown-requirement']);
  });
});
