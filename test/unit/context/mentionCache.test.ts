import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MentionCache, MentionIndex } from '../../../server/src/core/index/mentions.js';
import { buildIndex, updateIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';

describe('mentions carried from one snapshot to the next', () => {
  it('re-reads only what changed, and sees new files and edited documents', () => {
    const ws = new MemoryWorkspace({
      'docs/adr/0001-a.md': '# A\n\nSee `src/a.ts` and `src/b.ts`.\n',
      'docs/adr/0002-b.md': '# B\n\nSee `src/a.ts`.\n',
      'src/a.ts': 'export {};\n',
    });
    const reads: string[] = [];
    const read = (p: string) => {
      reads.push(p);
      return ws.readText(p);
    };
    const cache = new MentionCache();
    let index = buildIndex(ws);
    const targets = (m: MentionIndex, doc: string) => m.mentionsIn(doc).map((x) => x.target);
    assert.deepEqual(targets(new MentionIndex(index, read, cache), 'docs/adr/0001-a.md'), ['src/a.ts']);

    // Editing code keeps every document's mentions.
    ws.set('src/a.ts', 'export const a = 1;\n');
    index = updateIndex(index, ws, ['src/a.ts'], []);
    reads.length = 0;
    assert.deepEqual(targets(new MentionIndex(index, read, cache), 'docs/adr/0001-a.md'), ['src/a.ts']);
    assert.deepEqual(reads, [], 'no document was read again');

    // Editing one document re-reads that one.
    ws.set('docs/adr/0002-b.md', '# B\n\nNothing named.\n');
    index = updateIndex(index, ws, ['docs/adr/0002-b.md'], []);
    reads.length = 0;
    const m = new MentionIndex(index, read, cache);
    assert.deepEqual(targets(m, 'docs/adr/0002-b.md'), []);
    assert.deepEqual(reads, ['docs/adr/0002-b.md']);

    // A new file a document already names is now mentioned.
    ws.set('src/b.ts', 'export {};\n');
    index = updateIndex(index, ws, ['src/b.ts'], []);
    assert.deepEqual(targets(new MentionIndex(index, read, cache), 'docs/adr/0001-a.md'), ['src/a.ts', 'src/b.ts']);
  });
});
