import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkProperty } from '../../helpers/checkProperty.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { buildIndex, updateIndex, type WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { canonicalIndex } from '../../../server/src/core/index/indexDivergence.js';
import { requirementTraceOf } from '../../../server/src/core/requirements/workspaceRequirementTrace.js';

/** What a snapshot says, canonically, plus the requirement trace that crosses files. */
function canonical(index: WorkspaceIndex): unknown {
  return { ...canonicalIndex(index), requirementFindings: [...requirementTraceOf(index).findingsByPath.entries()] };
}

// Ids that collide on purpose: `ADR-7` and `adr-0007` are one key, `a` is also a file slug (an alias).
const someId = fc.constantFrom('ADR-0001', 'ADR-0002', 'adr-0007', 'ADR-7', 'GOAL-x', 'PRD-0001', 'a', 'b');
const someStatus = fc.constantFrom('accepted', 'proposed', 'superseded', 'deprecated', 'Yes', 'draft', 'rejected');
const someBody = fc.constantFrom(
  '',
  'See [B](0002-b.md) and [gone](0099-gone.md).\n',
  '## Login\n`req~login~1`\nNeeds: impl, utest\n',
  '## Status\n\nSuperseded by [2. B](0002-b.md)\n',
  '## Status\n\nAccepted\n',
);

/** A decision, project or goal in any of the forms the parser reads, with ids, links and statuses drawn from small pools. */
const documentText = fc.record({
  id: fc.option(someId, { nil: undefined }),
  status: fc.option(someStatus, { nil: undefined }),
  supersedes: fc.option(someId, { nil: undefined }),
  supersededBy: fc.option(someId, { nil: undefined }),
  project: fc.option(fc.constantFrom('PRD-0001', 'PRD-9'), { nil: undefined }),
  goals: fc.option(fc.constantFrom('[GOAL-x]', '[GOAL-x, GOAL-y]'), { nil: undefined }),
  appliesTo: fc.option(fc.constantFrom('src/**', 'app/*.py'), { nil: undefined }),
  kind: fc.option(fc.constantFrom('decision', 'goal'), { nil: undefined }),
  title: fc.constantFrom('A', 'B', 'Same title'),
  body: someBody,
}).map((d) => {
  const fm = [
    d.id && `id: ${d.id}`,
    d.kind && `kind: ${d.kind}`,
    d.status && `status: ${d.status}`,
    d.supersedes && `supersedes: ${d.supersedes}`,
    d.supersededBy && `superseded-by: ${d.supersededBy}`,
    d.project && `project: ${d.project}`,
    d.goals && `goals: ${d.goals}`,
    d.appliesTo && `applies-to: ["${d.appliesTo}"]`,
  ].filter(Boolean);
  return `${fm.length > 0 ? `---\n${fm.join('\n')}\n---\n` : ''}# ${d.title}\n\n${d.body}`;
});

const codeLine = fc.constantFrom('// @decision ADR-0001', '// @adr 7', '# @goal GOAL-x', '// see a', '// [impl->req~login~1]', '// [utest->req~nope~1]', 'export const x = 1;', '// rationale-disable-next-line');
const codeText = fc.array(codeLine, { maxLength: 4 }).map((lines) => lines.join('\n') + '\n');
const configText = fc.constantFrom('{}', '{"ignore": ["app/**"]}', '{"idPrefixes": {"decision": "DEC"}}', '{"statusMap": {"Yes": "accepted"}}', '{ broken');
const kepYaml = fc.constantFrom('title: Pod Overhead\nkep-number: 688\nstatus: implemented\n', 'title: Other\nstatus: provisional\nreplaces: [KEP-1]\n');

/** Where each kind of content may live: document folders by convention, a declared one, code, KEP folders. */
const documentPaths = ['docs/adr/0001-a.md', 'docs/adr/0002-b.md', 'docs/adr/0003-a.md', 'docs/adr/0007-c.md', 'docs/prd/0001-p.md', 'docs/goals/x.md', 'records/0004-r.md', 'notes/n.md', 'keps/sig-node/688-pod-overhead/README.md'];
const codePaths = ['src/a.ts', 'src/b.ts', 'app/c.py', 'src/deep/d.ts'];
const contentFor = (path: string): fc.Arbitrary<string> =>
  path.endsWith('kep.yaml') ? kepYaml : path === '.rationale.json' ? configText : path === '.adr-dir' ? fc.constant('records\n') : codePaths.includes(path) ? codeText : documentText;

type Step =
  | { kind: 'write'; files: [string, string][] }
  | { kind: 'delete'; path: string }
  | { kind: 'rename'; from: string; to: string };

const writable = (paths: string[]) => fc.constantFrom(...paths).chain((p) => contentFor(p).map((t) => [p, t] as [string, string]));
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: writable(codePaths).map((f) => ({ kind: 'write' as const, files: [f] })) },
  { weight: 5, arbitrary: writable(documentPaths).map((f) => ({ kind: 'write' as const, files: [f] })) },
  { weight: 1, arbitrary: writable(['.rationale.json', '.adr-dir', 'keps/sig-node/688-pod-overhead/kep.yaml']).map((f) => ({ kind: 'write' as const, files: [f] })) },
  { weight: 2, arbitrary: fc.array(writable([...codePaths, ...documentPaths]), { minLength: 2, maxLength: 3 }).map((files) => ({ kind: 'write' as const, files })) },
  { weight: 2, arbitrary: fc.constantFrom(...codePaths, ...documentPaths, '.rationale.json', '.adr-dir', 'keps/sig-node/688-pod-overhead/kep.yaml').map((path) => ({ kind: 'delete' as const, path })) },
  { weight: 2, arbitrary: fc.oneof(fc.tuple(fc.constantFrom(...documentPaths), fc.constantFrom(...documentPaths)), fc.tuple(fc.constantFrom(...codePaths), fc.constantFrom(...codePaths))).map(([from, to]) => ({ kind: 'rename' as const, from, to })) },
);

/** Applies a step to the workspace and returns the diff an editor or watcher would report. */
function apply(ws: MemoryWorkspace, s: Step): { changed: string[]; deleted: string[] } {
  if (s.kind === 'write') {
    for (const [p, t] of s.files) ws.set(p, t);
    return { changed: [...new Set(s.files.map(([p]) => p))], deleted: [] };
  }
  if (s.kind === 'delete') {
    const existed = ws.exists(s.path) === 'file';
    ws.delete(s.path);
    return { changed: [], deleted: existed ? [s.path] : [] };
  }
  const text = ws.readText(s.from);
  if (text === undefined || s.from === s.to) return { changed: [], deleted: [] };
  ws.delete(s.from);
  ws.set(s.to, text);
  return { changed: [s.to], deleted: [s.from] };
}

describe('an index updated by diffs', () => {
  it('equals one rebuilt from scratch after every step of random edits, creates, deletes, renames and config edits', () => {
    const initial = fc.array(writable([...codePaths, ...documentPaths]), { maxLength: 8 });
    checkProperty('edit sequences', [initial, fc.array(step, { minLength: 1, maxLength: 12 })], (files, steps) => {
      const ws = new MemoryWorkspace(Object.fromEntries(files));
      let index = buildIndex(ws);
      const seen = { duplicateId: false, aliasKey: false, renamed: false, created: false, deleted: false, config: false };
      for (const s of steps) {
        const before = index;
        const beforeCanonical = canonical(before);
        const diff = apply(ws, s);
        seen.created ||= diff.changed.some((p) => !before.fileSet.has(p));
        seen.deleted ||= diff.deleted.length > 0;
        seen.renamed ||= s.kind === 'rename' && diff.deleted.length > 0;
        seen.config ||= diff.changed.includes('.rationale.json');
        index = updateIndex(before, ws, diff.changed, diff.deleted);
        assert.deepEqual(canonical(index), canonical(buildIndex(ws)), `after ${JSON.stringify(s)}`);
        assert.deepEqual(canonical(before), beforeCanonical, 'the previous snapshot is unchanged by the update');
        seen.duplicateId ||= [...index.byKey.values()].some((docs) => docs.length > 1);
        seen.aliasKey ||= [...index.byKey].some(([key, docs]) => docs.some((d) => d.aliases.some((a) => a.toLowerCase() === key)));
      }
      return seen;
    }, { numRuns: 200, minimumFractions: { duplicateId: 0.1, aliasKey: 0.3, renamed: 0.1, created: 0.5, deleted: 0.3, config: 0.05 } });
  });

  it('reuses the file list and shares unchanged entries when a code file is edited', () => {
    const ws = new MemoryWorkspace({ 'docs/adr/0001-a.md': '# A\n', 'src/a.ts': '// @adr 1\n', 'src/b.ts': '// @adr 1\n' });
    const before = buildIndex(ws);
    ws.set('src/a.ts', '// @adr 1\n// @adr 2\n');
    const after = updateIndex(before, ws, ['src/a.ts'], []);
    assert.equal(after.files, before.files, 'the same paths: the same list');
    assert.equal(after.fileSet, before.fileSet);
    assert.equal(after.documents, before.documents, 'no document changed: the same table');
    assert.equal(after.byKey, before.byKey);
    assert.equal(after.annotations.get('src/b.ts'), before.annotations.get('src/b.ts'));
    assert.equal(before.annotations.get('src/a.ts')?.references.length, 1, 'the old snapshot keeps its annotations');
    assert.equal(after.annotations.get('src/a.ts')?.references.length, 2);
  });
});

describe('paranoid mode', () => {
  it('passes an update that equals the rebuild', () => {
    const ws = new MemoryWorkspace({ 'docs/adr/0001-a.md': '# A\n', 'src/a.ts': '// @adr 1\n' });
    ws.set('docs/adr/0002-b.md', '---\nsupersedes: ADR-0001\n---\n# B\n');
    const after = updateIndex(buildIndex(ws), ws, ['docs/adr/0002-b.md'], [], { paranoid: true });
    assert.equal(after.documents.size, 2);
  });

  it('throws with what differs when an update misses a change (a diff that left a file out)', () => {
    const ws = new MemoryWorkspace({ 'docs/adr/0001-a.md': '# A\n', 'src/a.ts': '// @adr 1\n' });
    const before = buildIndex(ws);
    ws.set('docs/adr/0001-a.md', '---\nid: ADR-0042\n---\n# A\n');
    ws.set('src/a.ts', '// @adr 1\n// @adr 2\n');
    assert.throws(() => updateIndex(before, ws, ['src/a.ts'], [], { paranoid: true }), (e: Error) => {
      assert.match(e.message, /paranoid mode.*changed \["src\/a\.ts"\], deleted \[\]/);
      assert.match(e.message, /^documents:\n {2}docs\/adr\/0001-a\.md: incremental .*"ADR-0001".* \| rebuilt .*"ADR-0042"/m);
      assert.match(e.message, /^byKey:\n {2}adr-42: missing from the incremental index \(rebuilt: \["docs\/adr\/0001-a\.md"\]\)/m);
      assert.doesNotMatch(e.message, /^annotations:/m, 'the file the diff named is up to date');
      return true;
    });
  });
});
