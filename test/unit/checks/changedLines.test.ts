import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/base/finding.js';
import { findingsOnChangedLines, wholeFile, type ChangedLines } from '../../../server/src/core/checks/changedLines.js';
import { addedLines, unquoteC } from '../../../server/src/core/checks/unifiedDiff.js';

const diff = [
  'diff --git a/src/a.ts b/src/a.ts',
  'index 1111111..2222222 100644',
  '--- a/src/a.ts',
  '+++ b/src/a.ts',
  '@@ -2,0 +3,2 @@ export const a = 1;',
  '+console.log(2);',
  '+console.log(3);',
  '@@ -7 +9 @@',
  '-old',
  '+new',
  '@@ -12,3 +13,0 @@',
  '-gone',
  '-gone',
  '-gone',
  'diff --git a/src/deleted.ts b/src/deleted.ts',
  'deleted file mode 100644',
  '--- a/src/deleted.ts',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-x',
  'diff --git a/old name.ts b/new name.ts',
  'similarity index 90%',
  'rename from old name.ts',
  'rename to new name.ts',
  '--- a/old name.ts',
  '+++ b/new name.ts',
  '@@ -4 +4 @@',
  '-a',
  '+b',
  'diff --git "a/caf\\303\\251\\t.ts" "b/caf\\303\\251\\t.ts"',
  'new file mode 100644',
  '--- /dev/null',
  '+++ "b/caf\\303\\251\\t.ts"',
  '@@ -0,0 +1 @@',
  '+x',
  'diff --git a/logo.png b/logo.png',
  'new file mode 100644',
  'Binary files /dev/null and b/logo.png differ',
  '',
].join('\n');

const finding = (path: string, start: number, end = start): Finding => ({
  path,
  range: { start: { line: start, character: 0 }, end: { line: end, character: 1 } },
  severity: 'error',
  code: 'forbid-pattern',
  decision: 'ADR-1',
  message: 'm',
});

describe('addedLines', () => {
  it('reads the zero-based lines each file gained, by its new path', () => {
    const changed = addedLines(diff);
    assert.deepEqual(Object.fromEntries(changed), {
      'src/a.ts': { whole: false, ranges: [{ start: 2, end: 3 }, { start: 8, end: 8 }] },
      'new name.ts': { whole: false, ranges: [{ start: 3, end: 3 }] },
      'café\t.ts': { whole: false, ranges: [{ start: 0, end: 0 }] },
      'logo.png': wholeFile,
    });
  });

  it('unquotes C-style paths with octal bytes and escapes', () => {
    assert.equal(unquoteC('"b/a\\"q\\\\\\303\\251"'), 'b/a"q\\é');
  });
});

describe('findingsOnChangedLines', () => {
  const changed = new Map<string, ChangedLines>([
    ['src/a.ts', { whole: false, ranges: [{ start: 2, end: 3 }] }],
    ['src/new.ts', wholeFile],
    ['docs/adr/1.md', { whole: false, ranges: [{ start: 20, end: 20 }] }],
  ]);
  const isDocument = (p: string) => p.endsWith('.md');

  it('keeps findings that touch a changed line, every finding of a new file or changed document, and nothing else', () => {
    const all = [finding('src/a.ts', 1), finding('src/a.ts', 2), finding('src/a.ts', 0, 2), finding('src/a.ts', 4), finding('src/new.ts', 40), finding('docs/adr/1.md', 1), finding('docs/adr/2.md', 1), finding('src/b.ts', 2)];
    const kept = findingsOnChangedLines(all, changed, isDocument).map((f) => `${f.path}:${f.range.start.line}-${f.range.end.line}`);
    assert.deepEqual(kept, ['src/a.ts:2-2', 'src/a.ts:0-2', 'src/new.ts:40-40', 'docs/adr/1.md:1-1']);
  });
});
