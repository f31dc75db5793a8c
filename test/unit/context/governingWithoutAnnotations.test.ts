import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { governanceReason } from '../../../server/src/core/features/governanceReason.js';
import { createLanguageService } from '../../../server/src/core/features/languageService.js';
import { governing } from '../../../server/src/core/index/governance.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';

/** Context before anyone annotates: decisions govern what their rules scope, and bare ids in comments cite. */
const files: Record<string, string> = {
  'docs/adr/0001-ui-layer.md': '---\nstatus: accepted\nrules:\n  - forbid-layer:\n      from: ["src/ui/**"]\n      to: ["src/db/**"]\n---\n# The UI does not call the database\n',
  'docs/adr/0002-no-eval.md': '---\nstatus: accepted\nrules:\n  - forbid-pattern: "eval\\\\("\n    files: ["scripts/**"]\n---\n# No eval in scripts\n',
  'docs/adr/0003-everywhere.md': '---\nstatus: accepted\nrules:\n  - forbid-import: moment\n---\n# No Moment.js\n',
  'docs/adr/0004-both.md': '---\nstatus: accepted\napplies-to: ["src/ui/**"]\nrules:\n  - forbid-layer:\n      from: ["src/ui/**"]\n      to: ["src/api/**"]\n---\n# UI through the store\n',
  'docs/adr/0005-retries.md': '---\nstatus: accepted\n---\n# Retry with backoff\n',
  'src/ui/cart.ts': 'export const cart = 1;\n',
  'scripts/build.js': 'run();\n',
  'src/net/fetch.ts': 'import x from "y";\n\n// Retries follow ADR-0005.\nfunction retry() {\n  return 1;\n}\n\nexport const other = 2;\n',
  'src/net/annotated.ts': '// ADR-0005\n// @decision ADR-0005\nexport {};\n',
};

function setup() {
  const workspace = new MemoryWorkspace(files);
  const index = buildIndex(workspace);
  return { index, ls: createLanguageService({ workspace, index: () => index, uriOf: (p) => `file:///ws/${p}` }) };
}

describe('a decision governs the files its rules scope', () => {
  const { index, ls } = setup();

  it('governs by a layer rule\'s from, saying so', () => {
    const g = governing(index, 'src/ui/cart.ts', files['src/ui/cart.ts']);
    const byId = new Map(g.map((x) => [x.document.id, x]));
    assert.equal(byId.get('ADR-0001')?.via, 'rule');
    assert.equal(byId.get('ADR-0001')?.glob, 'src/ui/**');
    assert.equal(governanceReason(byId.get('ADR-0001')!), 'its rule scopes src/ui/**');
  });

  it('governs by a rule\'s files', () => {
    const g = governing(index, 'scripts/build.js', files['scripts/build.js']);
    assert.deepEqual(g.map((x) => [x.document.id, x.via, x.glob]), [['ADR-0002', 'rule', 'scripts/**']]);
  });

  it('a rule without a scope of its own does not make its decision govern every file', () => {
    assert.ok(!governing(index, 'src/ui/cart.ts', undefined).some((x) => x.document.id === 'ADR-0003'));
  });

  it('lists a decision once, for its strongest reason (applies-to before its rule)', () => {
    const both = governing(index, 'src/ui/cart.ts', undefined).filter((x) => x.document.id === 'ADR-0004');
    assert.deepEqual(both.map((x) => x.via), ['scope']);
  });

  it('shows in hovers, with the reason', () => {
    const hover = ls.hover('src/ui/cart.ts', { line: 0, character: 3 })?.markdown ?? '';
    assert.match(hover, /_its rule scopes src\/ui\/\\\*\\\*_\n\n\*\*ADR-0001\*\*/);
  });
});

describe('bare ids in comments count as citations, weaker than annotations', () => {
  const { index, ls } = setup();

  it('governs the block under the comment', () => {
    const text = files['src/net/fetch.ts'];
    assert.deepEqual(governing(index, 'src/net/fetch.ts', text, 4).map((x) => [x.document.id, x.via]), [['ADR-0005', 'bare-id']]);
    assert.deepEqual(governing(index, 'src/net/fetch.ts', text, 7), [], 'a line past the block is not governed');
    const whole = governing(index, 'src/net/fetch.ts', text);
    assert.equal(governanceReason(whole[0]), 'its id is written in a comment on line 3');
  });

  it('an annotation of the same decision wins over its bare id', () => {
    const g = governing(index, 'src/net/annotated.ts', files['src/net/annotated.ts']);
    assert.deepEqual(g.map((x) => [x.document.id, x.via]), [['ADR-0005', 'annotation']]);
  });

  it('hover lists it after the annotations, with why', () => {
    const hover = ls.hover('src/net/fetch.ts', { line: 4, character: 2 })?.markdown ?? '';
    assert.match(hover, /^_its id is written in a comment on line 3_\n\n\*\*ADR-0005\*\* · Retry with backoff/);
  });
});
