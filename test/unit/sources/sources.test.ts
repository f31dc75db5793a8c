import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { parseConfig } from '../../../server/src/core/workspace/config.js';
import { buildIndex, resolveId, withSources, type WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { readSources } from '../../../server/src/core/index/readSources.js';
import { indexAndCheck } from '../../../server/src/core/checks/indexAndCheck.js';
import { modelHierarchy } from '../../../server/src/core/index/mentalModel.js';
import { configFindings } from '../../../server/src/core/checks/configFindings.js';
import { scanAnnotations } from '../../../server/src/core/source/scanAnnotations.js';
import { completeIds } from '../../../server/src/core/features/completions.js';
import { createLanguageService } from '../../../server/src/core/features/languageService.js';
import { extractMarkers } from '../../helpers/markers.js';

/** Goals of a strategy folder: GOAL-3 only there, GOAL-9 also in finance; its own project links its own goal. */
const strategy = new MemoryWorkspace({
  'goals/0003-grow.md': '---\nstatus: active\n---\n# Grow revenue\n\nWe grow.\n',
  'goals/0009-nine.md': '---\nstatus: nonsense\n---\n# Nine\n',
  'docs/prd/0001-plan.md': '---\nstatus: active\ngoals: [GOAL-3]\n---\n# The plan\n',
  '.rationale.json': '{ "folders": { "goal": ["goals"] } }',
});
const finance = new MemoryWorkspace({ 'docs/goals/0009-nine.md': '# Nine in finance\n' });

const own = {
  'docs/prd/0001-checkout.md': '---\nstatus: active\ngoals: [strategy:GOAL-3]\n---\n# Checkout\n',
  'docs/prd/0002-bare.md': '---\nstatus: active\ngoals: [GOAL-3]\n---\n# Bare\n',
  'docs/prd/0003-ambiguous.md': '---\nstatus: active\ngoals: [GOAL-9]\n---\n# Ambiguous\n',
  'src/a.ts': '// @goal strategy:GOAL-3\nexport const a = 1;\n// @goal GOAL-9\nexport const b = 2;\n',
};

function indexWithSources(files: Record<string, string>, errors: string[] = []): WorkspaceIndex {
  return withSources(buildIndex(new MemoryWorkspace(files)), readSources([{ name: 'strategy', workspace: strategy }, { name: 'finance', workspace: finance }], errors));
}

describe('sources: config', () => {
  it('keeps the valid entries and names each bad one', () => {
    const { config, errors } = parseConfig(JSON.stringify({
      sources: [{ name: 'strategy', path: '../strategy' }, { name: '9bad', path: '../x' }, { name: 'Strategy', path: '../y' }, { name: 'abs', path: '/etc' }, { name: 'home', path: '~/x' }, { path: '../z' }],
      template: 'nygard',
    }));
    assert.deepEqual(config.sources, [{ name: 'strategy', path: '../strategy' }]);
    assert.equal(config.template, 'nygard');
    assert.equal(errors.length, 5, errors.join('\n'));
    assert.match(errors[0], /sources\[1\]/);
    assert.match(errors[1], /"Strategy" is used twice/);
    assert.match(errors[2], /"\/etc" is not relative/);
    assert.match(errors[3], /"~\/x" is not relative/);
    assert.match(errors[4], /sources\[5\]/);
  });

  it('rejects sources that are not an array, and applies the rest', () => {
    const { config, errors } = parseConfig('{"sources": {"name": "x"}, "ignore": ["a/**"]}');
    assert.deepEqual(config.sources, []);
    assert.deepEqual(config.ignore, ['a/**']);
    assert.match(errors.join('\n'), /"sources" must be an array/);
  });
});

describe('sources: resolution', () => {
  it('reads each source with its own discovery and qualifies ids and paths', () => {
    const index = indexWithSources(own);
    const goal = resolveId(index, 'strategy:GOAL-3', 'goal');
    assert.equal(goal?.id, 'strategy:GOAL-0003');
    assert.equal(goal?.path, 'strategy:goals/0003-grow.md');
    assert.deepEqual(goal?.source, { name: 'strategy', path: 'goals/0003-grow.md' });
    // The strategy folder's own `.rationale.json` declared `goals/`: without it this would be no goal.
    assert.equal(goal?.kind, 'goal');
    assert.equal(resolveId(index, 'STRATEGY:goal-0003')?.id, 'strategy:GOAL-0003');
    assert.equal(resolveId(index, 'GOAL-3', 'goal')?.id, 'strategy:GOAL-0003', 'a bare id unique among sources resolves');
    assert.equal(resolveId(index, 'GOAL-9', 'goal'), undefined, 'a bare id in two sources is ambiguous');
    assert.equal(resolveId(index, 'finance:GOAL-9', 'goal')?.title, 'Nine in finance');
    assert.equal(resolveId(index, 'other:GOAL-3', 'goal'), undefined);
    // Source documents never enter the workspace's own documents, which every check walks.
    assert.ok([...index.documents.keys()].every((p) => !p.includes(':')));
  });

  it('prefers the workspace\'s own document to a source\'s with the same bare id', () => {
    const index = indexWithSources({ ...own, 'docs/goals/0003-mine.md': '# Mine\n' });
    assert.equal(resolveId(index, 'GOAL-3', 'goal')?.path, 'docs/goals/0003-mine.md');
    assert.equal(resolveId(index, 'strategy:GOAL-3', 'goal')?.path, 'strategy:goals/0003-grow.md');
  });

  it('links projects to source goals in the hierarchy, inside a source too', () => {
    const index = indexWithSources(own);
    const links = modelHierarchy(index).links.map((l) => `${l.parent.id} <- ${l.child.id}`);
    assert.ok(links.includes('strategy:GOAL-0003 <- PRD-0001'), links.join('\n'));
    assert.ok(links.includes('strategy:GOAL-0003 <- PRD-0002'), links.join('\n'));
    assert.ok(links.includes('strategy:GOAL-0003 <- strategy:PRD-0001'), links.join('\n'));
  });

  it('reads a qualified id after a tag in a comment', () => {
    const found = scanAnnotations('a.ts', '// @goal strategy:GOAL-3, finance:GOAL-9.\n// @goal ADR-7: because\n');
    assert.deepEqual(found.references.map((r) => [r.id, r.kind, r.range.start.character, r.range.end.character]), [
      ['strategy:GOAL-3', 'goal', 9, 24],
      ['finance:GOAL-9', 'goal', 26, 40],
      ['ADR-7', 'goal', 9, 14],
    ]);
  });
});

describe('sources: completion and workspace symbols', () => {
  /** Completions at the `┃` in `marked`. */
  const complete = (index: WorkspaceIndex, path: string, marked: string) => {
    const { text, cursor } = extractMarkers(marked);
    return completeIds(index, path, text, cursor!) ?? [];
  };

  it('offers sources\' documents by qualified id, inserting the bare id only where it resolves to them', () => {
    const index = indexWithSources({ ...own, 'docs/goals/0001-own.md': '# Own goal\n' });
    const items = complete(index, 'src/b.ts', '// @goal ┃\n');
    assert.deepEqual(items.map((i) => [i.id, i.insert ?? i.id]), [
      ['GOAL-0001', 'GOAL-0001'],
      ['strategy:GOAL-0003', 'GOAL-0003'],
      ['strategy:GOAL-0009', 'strategy:GOAL-0009'],
      ['finance:GOAL-0009', 'finance:GOAL-0009'],
    ]);
    for (const i of items) assert.equal(resolveId(index, i.insert ?? i.id, 'goal')?.id, i.id, `${i.insert ?? i.id} must resolve to ${i.id}`);
    assert.ok(items.every((i, n) => n === 0 || i.sortText > items[0].sortText), 'the workspace\'s own goal sorts first');
  });

  it('qualifies a source\'s id that an own document shadows, and replaces a typed qualifier whole', () => {
    const index = indexWithSources({ ...own, 'docs/goals/0003-mine.md': '# Mine\n' });
    const items = complete(index, 'docs/prd/0001-checkout.md', '---\nstatus: active\ngoals: [strategy:GO┃]\n---\n# Checkout\n');
    const grow = items.find((i) => i.id === 'strategy:GOAL-0003');
    assert.equal(grow?.insert, 'strategy:GOAL-0003', 'bare GOAL-3 would name the own goal');
    assert.deepEqual(grow?.replace, { start: { line: 2, character: 8 }, end: { line: 2, character: 19 } });
  });

  it('lists sources\' documents among workspace symbols, after the workspace\'s own', () => {
    const files = { ...own, 'docs/goals/0001-grow-more.md': '# Grow more\n' };
    const workspace = new MemoryWorkspace(files);
    const index = indexWithSources(files);
    const ls = createLanguageService({ workspace, index: () => index, uriOf: (p) => p });
    assert.deepEqual(ls.symbols('grow', 10).map((d) => [d.id, d.path]), [['GOAL-0001', 'docs/goals/0001-grow-more.md'], ['strategy:GOAL-0003', 'strategy:goals/0003-grow.md']]);
    assert.deepEqual(ls.symbols('finance:goal', 10).map((d) => d.title), ['Nine in finance']);
  });
});

describe('sources: check', () => {
  it('reports nothing inside a source, and names the qualified ids of an ambiguous one', async () => {
    const sources = readSources([{ name: 'strategy', workspace: strategy }, { name: 'finance', workspace: finance }], ['.rationale.json: source "gone": the folder "../gone" does not exist; its documents are left out']);
    const { index, result } = await indexAndCheck(new MemoryWorkspace(own), { sources, today: '2026-01-01' });
    const lines = result.findings.map((f) => `${f.path}:${f.range.start.line} ${f.code} ${f.message}`);
    assert.ok(result.findings.every((f) => !f.path.includes(':')), lines.join('\n'));
    assert.ok(!lines.some((l) => l.includes('project-without-goal')), lines.join('\n'));
    assert.deepEqual(lines.filter((l) => l.includes('unknown-id')), [
      'docs/prd/0003-ambiguous.md:2 unknown-id PRD-0003 names GOAL-9 in `goal`, but more than one source has it; write strategy:GOAL-0009 or finance:GOAL-0009.',
      'src/a.ts:2 unknown-id Ambiguous goal id "GOAL-9": more than one source has it; write strategy:GOAL-0009 or finance:GOAL-0009.',
    ]);
    assert.deepEqual(configFindings(index).map((f) => [f.path, f.severity, f.code]), [['.rationale.json', 'warning', 'invalid-config']]);
    assert.equal(lines.filter((l) => l.includes('invalid-config')).length, 1);
  });
});
