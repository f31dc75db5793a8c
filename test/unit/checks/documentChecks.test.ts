import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/core/checks/checkWorkspace.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import type { Range } from '../../../server/src/core/base/range.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { fixtureFiles } from '../../helpers/markers.js';

/**
 * Builds a workspace from fixture files, runs every check, and compares the findings whose code is
 * in `codes` with `expected`: `[path, code]` pairs, each located at the next `⟦…⟧` marker of its file
 * (markers are consumed in order per file).
 */
function check(files: Record<string, string>, codes: string[], expected: [path: string, code: string, messagePart?: RegExp][]): void {
  const { texts, ranges } = fixtureFiles(files);
  const ws = new MemoryWorkspace(texts);
  const result = checkWorkspace(buildIndex(ws), ws, { today: '2026-11-23' });
  const actual = result.findings.filter((f) => codes.includes(f.code)).map((f) => ({ path: f.path, code: f.code, range: f.range, message: f.message }));
  const cursor: Record<string, number> = {};
  const want = expected.map(([path, code]) => {
    const i = cursor[path] ?? 0;
    cursor[path] = i + 1;
    const range: Range | undefined = ranges[path]?.[i];
    assert.ok(range, `fixture ${path} needs a ⟦marker⟧ for finding #${i + 1} (${code})`);
    return { path, code, range };
  });
  assert.deepEqual(actual.map(({ message: _m, ...rest }) => rest), want, `findings: ${JSON.stringify(actual, null, 1)}`);
  expected.forEach(([, , part], i) => part && assert.match(actual[i].message, part));
}

const goal = '---\nid: GOAL-growth\n---\n# Growth\n';
const project = '---\ngoals: [GOAL-growth]\n---\n# Onboarding\n';

describe('document checks', () => {
  it('reports unknown ids in front matter links on the id', () => {
    check({
      'docs/goals/growth.md': goal,
      'docs/prd/0001-onboarding.md': project,
      'docs/adr/0001-a.md': '---\nstatus: accepted\nproject: ⟦PRD-9⟧\n---\n# A\n',
    }, ['unknown-id'], [['docs/adr/0001-a.md', 'unknown-id', /PRD-9/]]);
  });

  it('reports broken relative links and links leaving the workspace', () => {
    check({
      'docs/adr/0001-a.md': '# A\n\nSee ⟦[b](0002-b.md)⟧, ⟦[pw](../../../etc/passwd)⟧ and [ok](0003-c.md).\n',
      'docs/adr/0003-c.md': '# C\n',
    }, ['broken-link'], [
      ['docs/adr/0001-a.md', 'broken-link', /does not exist/],
      ['docs/adr/0001-a.md', 'broken-link', /outside the workspace/],
    ]);
  });

  it('resolves log4brains links by file name, and suggests the document elsewhere', () => {
    check({
      '.log4brains.yml': 'project:\n  adrFolder: ./docs/adr\n  packages:\n    - name: p1\n      adrFolder: ./packages/p1/adr\n',
      'docs/adr/20200101-first.md': '# First\n',
      'packages/p1/adr/20200102-links.md': '# Links\n\n[global](../../docs/adr/20200101-first.md) and [wrong](../../../docs/adr/20200101-first.md)\n',
      'notes/adr/0001-x.md': '# X\n\nSee ⟦[first](../docs/adr/20200101-first.md)⟧.\n',
    }, ['broken-link'], [['notes/adr/0001-x.md', 'broken-link', /Did you mean docs\/adr\/20200101-first\.md\?/]]);
  });

  it('reports duplicate ids on every document that shares one', () => {
    check({
      'docs/adr/0001-a.md': '---\nid: ADR-0001\n---\n⟦# A⟧\n',
      'docs/adr/x.md': '---\nid: ADR-1\n---\n⟦# X⟧\n',
    }, ['duplicate-id'], [['docs/adr/0001-a.md', 'duplicate-id', /docs\/adr\/x\.md/], ['docs/adr/x.md', 'duplicate-id']]);
  });

  it('reports supersede cycles', () => {
    check({
      'docs/adr/0001-a.md': '---\nstatus: ⟦superseded⟧\nsupersedes: ADR-0002\n---\n# A\n',
      'docs/adr/0002-b.md': '---\nstatus: ⟦superseded⟧\nsupersedes: ADR-0001\n---\n# B\n',
    }, ['supersede-cycle'], [['docs/adr/0001-a.md', 'supersede-cycle', /ADR-0001 → ADR-0002 → ADR-0001/], ['docs/adr/0002-b.md', 'supersede-cycle']]);
  });

  it('reports a superseded decision with no successor, and an accepted one that has been superseded', () => {
    check({
      'docs/adr/0001-a.md': '---\nstatus: ⟦superseded⟧\n---\n# A\n',
      'docs/adr/0002-b.md': '# 2. B\n\n## Status\n\n⟦Accepted⟧\n',
      'docs/adr/0003-c.md': '---\nstatus: accepted\nsupersedes: ADR-0002\n---\n# C\n',
    }, ['superseded-without-successor', 'superseded-still-accepted'], [
      ['docs/adr/0001-a.md', 'superseded-without-successor'],
      ['docs/adr/0002-b.md', 'superseded-still-accepted', /ADR-0003.*supersedes ADR-0002/],
    ]);
  });

  it('does not call a decision still accepted when its successor is only proposed', () => {
    check({
      'docs/adr/0002-b.md': '---\nstatus: accepted\n---\n# B\n',
      'docs/adr/0003-c.md': '---\nstatus: proposed\nsupersedes: ADR-0002\n---\n# C\n',
    }, ['superseded-still-accepted'], []);
  });

  it('reports a project with no goal and a goal with no project', () => {
    check({
      'docs/goals/growth.md': '---\nid: GOAL-growth\n---\n⟦# Growth⟧\n',
      'docs/goals/done.md': '---\nid: GOAL-done\nstatus: achieved\n---\n# Done\n',
      'docs/prd/0001-p.md': '---\n⟦status: active⟧\n---\n# P\n',
    }, ['project-without-goal', 'goal-without-project'], [
      ['docs/goals/growth.md', 'goal-without-project'],
      ['docs/prd/0001-p.md', 'project-without-goal'],
    ]);
  });

  it('does not ask projects for a goal while the repository has no goal at all (first run on a real repository)', () => {
    check({
      'docs/prd/0001-p.md': '---\nstatus: active\n---\n# P\n',
      'docs/prd/0002-q.md': '---\nstatus: proposed\n---\n# Q\n',
    }, ['project-without-goal'], []);
  });

  it('reports applies-to globs that match nothing, and overdue reviews', () => {
    check({
      'docs/adr/0001-a.md': '---\nstatus: accepted\napplies-to: ⟦["src/**", "lib/**"]⟧\nreview-by: ⟦2026-01-01⟧\n---\n# A\n',
      'src/x.ts': 'export {};\n',
    }, ['applies-to-matches-nothing', 'review-overdue'], [
      ['docs/adr/0001-a.md', 'applies-to-matches-nothing', /lib\/\*\*/],
      ['docs/adr/0001-a.md', 'review-overdue', /2026-01-01/],
    ]);
  });

  // "A review-by date has passed" (README): on the day itself the review is due, not overdue.
  it('reports a review as overdue from the day after review-by, not on the day itself', () => {
    const ws = new MemoryWorkspace({ 'docs/adr/0001-a.md': '---\nstatus: accepted\nreview-by: 2026-03-15\n---\n# A\n' });
    const index = buildIndex(ws);
    const overdueOn = (today: string) => checkWorkspace(index, ws, { today }).findings.some((f) => f.code === 'review-overdue');
    assert.deepEqual(
      ['2026-03-14', '2026-03-15', '2026-03-16', '2027-01-01'].map(overdueOn),
      [false, false, true, true],
    );
  });

  it('reports schema violations and malformed front matter without losing other documents', () => {
    check({
      'docs/adr/0001-a.md': '---\nstatus: accepted\nsupersedes: ⟦{ a: 1 }⟧\n---\n# A\n',
      'docs/adr/0002-b.md': '---\n⟦status: [oops⟧\n---\n# B\n',
      'docs/adr/0003-c.md': '---\nstatus: accepted\n---\n# C\n',
    }, ['schema-violation', 'malformed-front-matter'], [
      ['docs/adr/0001-a.md', 'schema-violation', /supersedes/],
      ['docs/adr/0002-b.md', 'malformed-front-matter'],
    ]);
  });
});
