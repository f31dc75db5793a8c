import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { indexAndCheck, type IndexAndCheckResult } from '../../../server/src/core/checks/indexAndCheck.js';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace.js';
import { locateRipgrep } from '../../helpers/locateRipgrep.js';
import { corpusCopy, rationale, repoRoot, workspace } from '../../cli/cliHarness.js';

const rg = locateRipgrep();
const skip = rg ? false : 'ripgrep NOT FOUND (no RATIONALE_RG, no rg on the PATH, no /usr/bin/rg, no code-server bundle): the ripgrep prefilter is UNTESTED here; apt-get install ripgrep';
if (!rg) process.stderr.write(`\n*** ${skip} ***\n\n`);

const today = '2026-11-23';

/** Checks `dir` both ways and asserts the results and indexes are equal; returns how many files ripgrep spared. */
async function bothWays(dir: string, maxFileSizeBytes?: number): Promise<{ spared: number; run: IndexAndCheckResult }> {
  const plain = await indexAndCheck(new NodeWorkspace(dir, { maxFileSizeBytes }), { today });
  const warnings: string[] = [];
  const searched = new NodeWorkspace(dir, { maxFileSizeBytes, ripgrep: rg, onWarning: (w) => warnings.push(w) });
  let spared = 0;
  const search = searched.filesMatchingNone!;
  (searched as { filesMatchingNone: typeof search }).filesMatchingNone = async (paths, needles) => {
    const clean = await search(paths, needles);
    spared += clean?.size ?? 0;
    return clean;
  };
  const filtered = await indexAndCheck(searched, { today, prefilterMinFiles: 0 });
  assert.deepEqual(warnings, []);
  assert.deepEqual(filtered.result, plain.result);
  assert.deepEqual(filtered.index, plain.index);
  return { spared, run: plain };
}

/** A tree with every rule kind, every kind of annotation, requirement tags and files no needle may hide. */
function everyKind(): string {
  const rules = [
    '  - forbid-import: [lib1, "node:fs", a.b]',
    // Rules no needle speaks for: the files they govern are read whatever they hold.
    '  - forbid-import: ["glob*"]\n    files: ["src/wide/**"]',
    '  - forbid-import: ["./local"]\n    files: ["src/rel/**"]',
    "  - forbid-pattern: 'eval\\('\n    files: [\"src/**\"]",
    "  - forbid-pattern: '(?i)secret'\n    files: [\"src/wide/**\"]",
    "  - require-pattern: 'Copyright'\n    files: [\"src/lic/**\"]",
    '  - forbid-dependency: [left-pad]',
    "  - forbid-layer: { from: 'src/ui/**', to: 'src/db/**' }",
  ];
  const files: Record<string, string> = {
    '.gitignore': 'ignored/\n',
    'ignored/x.ts': 'eval(9);\n',
    'docs/adr/0001-rules.md': `---\nstatus: accepted\nrules:\n${rules.join('\n')}\n---\n# Rules\n`,
    'docs/adr/0002-old.md': '---\nstatus: superseded\nsuperseded-by: ADR-0001\n---\n# Old\n',
    'docs/goals/GOAL-growth.md': '---\nid: GOAL-growth\nkind: goal\n---\n# Growth\n',
    'notes/spec.md': '# Spec\n\n### Login\n`req~login~1`\nUsers log in.\n\nNeeds: impl\n',
    'package.json': '{ "dependencies": { "left-pad": "1.0.0" } }\n',
    'src/a.ts': "import x from 'lib1';\n",
    'src/b.ts': "import x from 'lib10';\nimport y from 'mylib1x';\n",
    'src/c.ts': "import fs from 'node:fs';\n",
    'src/d.py': 'from a . b import c\nimport lib1 . sub\n',
    'src/e.rs': 'use lib1::{b, c::d};\n',
    'src/wide/glob.ts': "import g from 'globby';\n",
    'src/rel/x.ts': "import l from './local';\n",
    'src/evil.ts': 'eval(1);\n',
    'src/wide/secret.ts': 'const SeCrEt = 1;\n',
    'src/lic/none.ts': 'export const x = 1;\n',
    'src/lic/ok.ts': '// Copyright 2026\n',
    'src/ui/view.ts': "import { q } from '../db/query';\n",
    'src/db/query.ts': 'export const q = 1;\n',
    'src/ann/upper.ts': '// @DECISION ADR-0001\n',
    'src/ann/mention.ts': '// see adr 1 and ADR-0002, and adr7x\n',
    'src/ann/named.ts': '// serves GOAL-growth\n',
    'src/ann/directive.ts': '// rationale-disable-next-line ADR-0001 -- measured\neval(2);\n',
    'src/ann/address.ts': 'const address = 1; // an adr-ess, not an id\n',
    'src/trace/t.ts': '// [impl->req~login~1]\n// [impl->req~broken]\n',
    'src/.hidden.ts': '// @adr 1\n',
  };
  for (let i = 0; i < 30; i++) files[`src/plain/p${i}.ts`] = `export const v${i} = ${i}; // nothing to see\n`;
  const dir = workspace(files);
  const bytes: Record<string, Buffer> = {
    'src/bin/nul.ts': Buffer.from([0x65, 0, 0x76]),
    'src/bin/utf16.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('plain words\n', 'utf16le')]),
    'src/bin/utf16-odd.ts': Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]),
    'src/latin1.ts': Buffer.from('// caf\xe9 nothing\n', 'latin1'),
    'src/big.ts': Buffer.alloc(5000, 'x'),
    'outside/big.txt': Buffer.alloc(5000, 'y'),
  };
  for (const [rel, body] of Object.entries(bytes)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), body);
  }
  // A link ripgrep does not follow and the workspace does: read by the checker, as it must be.
  fs.symlinkSync('a.ts', path.join(dir, 'src', 'link.ts'));
  return dir;
}

describe('ripgrep prefilter', { skip }, () => {
  it('gives the same findings and index as reading every file, on a tree with every rule kind', async () => {
    const { spared, run } = await bothWays(everyKind(), 4096);
    assert.ok(spared >= 30, `ripgrep spared only ${spared} files`);
    const codes = new Set(run.result.findings.map((f) => f.code));
    for (const code of ['forbid-import', 'forbid-pattern', 'require-pattern', 'forbid-dependency', 'forbid-layer', 'unreadable-file', 'malformed-requirement']) {
      assert.ok(codes.has(code as never), `the tree has no ${code} finding`);
    }
  });

  for (const corpus of fs.readdirSync(path.join(repoRoot, 'test', 'fixtures', 'corpora')).filter((n) => n.includes('__'))) {
    it(`gives the same findings and index as reading every file, on the ${corpus} corpus`, async () => {
      const { spared } = await bothWays(corpusCopy(corpus));
      assert.ok(spared > 0, 'ripgrep spared no file');
    });
  }

  it('prints the same check and list with and without --no-ripgrep, and RATIONALE_RG=off', async () => {
    const files: Record<string, string> = {
      'docs/adr/0001-x.md': "---\nstatus: accepted\nrules:\n  - forbid-pattern: 'TODO\\(x\\)'\n---\n# X\n",
    };
    // Enough files for the command line to use ripgrep (it does not below a few hundred).
    for (let i = 0; i < 600; i++) files[`src/f${i}.ts`] = i % 100 === 0 ? `// TODO(x) @decision ADR-0001\n` : `export const v = ${i};\n`;
    const dir = workspace(files);
    const env = { RATIONALE_RG: rg };
    const args = ['check', '--no-cache', '--format', 'json', '--fail-on', 'never'];
    const searched = await rationale(args, { dir, env });
    assert.equal(searched.stderr, '');
    assert.equal((JSON.parse(searched.stdout) as { findings: unknown[] }).findings.length, 6);
    for (const off of [await rationale([...args, '--no-ripgrep'], { dir, env }), await rationale(args, { dir, env: { RATIONALE_RG: 'off' } })]) {
      assert.equal(off.stdout, searched.stdout);
    }
    const list = await rationale(['list', '--json'], { dir, env });
    assert.equal(list.stdout, (await rationale(['list', '--json'], { dir, env: { RATIONALE_RG: 'off' } })).stdout);
  });

  it('warns when RATIONALE_RG names no executable, and checks without it', async () => {
    const dir = workspace({ 'src/a.ts': '// @decision ADR-0001\n' });
    const r = await rationale(['check', '--no-cache', '--fail-on', 'never'], { dir, env: { RATIONALE_RG: path.join(dir, 'no-such-rg') } });
    assert.match(r.stderr, /RATIONALE_RG names .*no-such-rg, which is not an executable file/);
    assert.match(r.stdout, /unknown-reference|ADR-0001/);
  });

  it('reports a ripgrep that fails, and reads every file itself', async () => {
    const dir = everyKind();
    const warnings: string[] = [];
    const broken = new NodeWorkspace(dir, { ripgrep: process.execPath, onWarning: (w) => warnings.push(w) });
    const run = await indexAndCheck(broken, { today, prefilterMinFiles: 0 });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /exited with \d+.*; every file was read without it/);
    assert.deepEqual(run.result, (await indexAndCheck(new NodeWorkspace(dir), { today })).result);
  });
});
