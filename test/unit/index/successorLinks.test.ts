import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/core/checks/checkWorkspace.js';
import { latestSuccessor, supersessionGraph } from '../../../server/src/core/index/supersession.js';
import { statusInForce } from '../../../server/src/core/index/statusInForce.js';
import { buildIndex, resolveId } from '../../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';

const successor = '---\nstatus: accepted\n---\n# 123. New way\n';

/** Indexes the files and returns the index with the document of each id looked up. */
function indexOf(files: Record<string, string>) {
  const ws = new MemoryWorkspace(files);
  const index = buildIndex(ws);
  const doc = (id: string) => {
    const d = resolveId(index, id);
    assert.ok(d, `${id} is indexed`);
    return d;
  };
  return { index, doc };
}

describe('successor links', () => {
  // "Superceded" is the misspelling adr-tools and many teams write; it must link like "Superseded".
  for (const [form, old] of [
    ['a Status section', '# 1. Old way\n\n## Status\n\nSuperceded by ADR-0123\n'],
    ['a Status section with a Markdown link', '# 1. Old way\n\n## Status\n\nSuperceded by [123. New way](0123-new-way.md)\n'],
    ['a status bullet', '# 1. Old way\n\n* Status: Superceded by ADR-0123\n* Date: 2020-01-01\n'],
    ['front matter', '---\nstatus: Superceded by ADR-0123\n---\n# 1. Old way\n'],
    ['a link line of its Status section', '# 1. Old way\n\n## Status\n\nSuperseded\n\nSuperceded by [123. New way](0123-new-way.md)\n'],
  ]) {
    it(`links a decision "Superceded by ADR-0123" in ${form} to its successor`, () => {
      const files = { 'docs/adr/0001-old-way.md': old, 'docs/adr/0123-new-way.md': successor };
      const { index, doc } = indexOf(files);
      const superseded = doc('ADR-0001');
      assert.equal(superseded.status, 'superseded');
      assert.equal(latestSuccessor(index, supersessionGraph(index), superseded)?.id, 'ADR-0123');
      // What a user sees: code citing the old decision is pointed at the new one.
      const withCode = new MemoryWorkspace({ ...files, 'src/a.ts': '// @decision ADR-0001\n' });
      const findings = checkWorkspace(buildIndex(withCode), withCode, { today: '2026-01-01' }).findings.filter((f) => f.path === 'src/a.ts');
      assert.deepEqual(findings.map((f) => [f.code, f.data?.successor]), [['superseded-reference', 'ADR-0123']]);
    });
  }

  it('links from the successor side too: "Supercedes [1. Old way](…)" in its Status section', () => {
    const { index, doc } = indexOf({
      'docs/adr/0001-old-way.md': '# 1. Old way\n\n## Status\n\nAccepted\n',
      'docs/adr/0123-new-way.md': '# 123. New way\n\n## Status\n\nAccepted\n\nSupercedes [1. Old way](0001-old-way.md)\n',
    });
    assert.equal(latestSuccessor(index, supersessionGraph(index), doc('ADR-0001'))?.id, 'ADR-0123');
    assert.equal(statusInForce(index, doc('ADR-0001')).status, 'superseded');
  });

  it('does not count a proposed successor as superseding: its predecessor stays in force', () => {
    const files = {
      'docs/adr/0001-old-way.md': '---\nstatus: accepted\n---\n# 1. Old way\n',
      'docs/adr/0002-new-way.md': '---\nstatus: proposed\nsupersedes: ADR-1\n---\n# 2. New way\n',
    };
    const proposed = indexOf(files);
    assert.equal(statusInForce(proposed.index, proposed.doc('ADR-0001')).status, 'accepted');
    // The same pair, once the successor is accepted, does supersede: the edge itself is read.
    const accepted = indexOf({ ...files, 'docs/adr/0002-new-way.md': files['docs/adr/0002-new-way.md'].replace('proposed', 'accepted') });
    assert.equal(statusInForce(accepted.index, accepted.doc('ADR-0001')).status, 'superseded');
  });
});
