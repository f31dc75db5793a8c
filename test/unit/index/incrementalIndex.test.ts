import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from '../../helpers/checkProperty.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { buildIndex, updateIndex, type WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { requirementTraceOf } from '../../../server/src/core/requirements/workspaceRequirementTrace.js';

/** Everything observable in a snapshot, in a canonical order, so two snapshots compare by value. */
function snapshot(index: WorkspaceIndex): unknown {
  return {
    config: index.config,
    files: index.files,
    documents: [...index.documents.entries()],
    byKey: [...index.byKey.entries()].map(([k, docs]) => [k, docs.map((d) => d.path)]).sort(([a], [b]) => String(a).localeCompare(String(b))),
    annotations: [...index.annotations.entries()],
    requirements: [...index.requirements.entries()],
    requirementFindings: [...requirementTraceOf(index).findingsByPath.entries()],
  };
}

/** A pool of contents each path may take, so random edit sequences touch every kind of file. */
const pool: Record<string, (string | null)[]> = {
  'docs/adr/0001-a.md': ['---\nstatus: accepted\n---\n# A\n', '# 1. A\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n', null],
  'docs/adr/0002-b.md': ['---\nstatus: accepted\nsupersedes: ADR-0001\nproject: PRD-0001\n---\n# B\n', '# B changed\n', null],
  'docs/prd/0001-p.md': ['---\ngoals: [GOAL-x]\n---\n# P\n', '---\ngoals: [GOAL-x]\n---\n# P\n\n## Login\n`req~login~2`\nNeeds: impl\n', null],
  'doc/spec/s.md': ['## Login\n`req~login~1`\nNeeds: impl, utest\n', '`req~login`\n', null],
  'docs/goals/x.md': ['---\nid: GOAL-x\n---\n# X\n', '---\nid: GOAL-y\n---\n# Y\n', null],
  'records/0003-c.md': ['# C\n', null],
  '.adr-dir': ['records\n', null],
  '.rationale.json': ['{"idPrefixes": {"decision": "DEC"}}', '{"statusMap": {"Yes": "accepted"}}', '{ broken', null],
  'src/a.ts': ['// @decision ADR-0002\nexport const a = 1;\n', '// @adr 1\n', '// [impl->req~login~2]\n', '// [impl->req~login~1] [utest->req~nope~1]\n', null],
  'app/b.py': ['# @goal GOAL-x\nimport os\n', null],
  'notes/kind.md': ['---\nkind: decision\nid: ADR-0100\n---\n# Anywhere\n', '# not a document\n', null],
};
const paths = Object.keys(pool);

function apply(ws: MemoryWorkspace, path: string, content: string | null): void {
  if (content === null) ws.delete(path);
  else ws.set(path, content);
}

describe('incremental index', () => {
  it('equals an index rebuilt from scratch after any sequence of edits', () => {
    const edit = fc.tuple(fc.constantFrom(...paths), fc.nat()).map(([p, n]) => ({ path: p, content: pool[p][n % pool[p].length] }));
    assertProperty('incremental index',
      fc.property(fc.array(edit, { maxLength: 8 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (initial, edits) => {
        const ws = new MemoryWorkspace();
        for (const e of initial) apply(ws, e.path, e.content);
        let index = buildIndex(ws);
        for (const e of edits) {
          const existed = ws.exists(e.path) === 'file';
          apply(ws, e.path, e.content);
          index = e.content === null ? updateIndex(index, ws, [], existed ? [e.path] : []) : updateIndex(index, ws, [e.path], []);
        }
        assert.deepEqual(snapshot(index), snapshot(buildIndex(ws)));
      }),
      { numRuns: 300 },
    );
  });

  it('shares unchanged documents with the previous snapshot', () => {
    const ws = new MemoryWorkspace({ 'docs/adr/0001-a.md': '# A\n', 'docs/adr/0002-b.md': '# B\n' });
    const before = buildIndex(ws);
    ws.set('docs/adr/0002-b.md', '# B2\n');
    const after = updateIndex(before, ws, ['docs/adr/0002-b.md'], []);
    assert.equal(after.documents.get('docs/adr/0001-a.md'), before.documents.get('docs/adr/0001-a.md'));
    assert.equal(after.documents.get('docs/adr/0002-b.md')?.title, 'B2');
    assert.equal(before.documents.get('docs/adr/0002-b.md')?.title, 'B', 'the old snapshot is untouched');
  });
});
