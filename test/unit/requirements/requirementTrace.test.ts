import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { traceWorkspaceRequirements, type WorkspaceRequirements } from '../../../server/src/core/requirements/traceWorkspace.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { fixtureFiles, md } from '../../helpers/markers.js';

const login = md`
  ## Login
  \`req~login~2\`
  Users log in with a password.

  Needs: impl, utest
`;

/**
 * Traces a workspace of marked files. `⟦…⟧` marks where each expected finding is, in order within
 * each file; `expected` lists them in path order, then text order.
 */
function check(files: Record<string, string>, expected: [path: string, code: string, message?: RegExp | string][]): WorkspaceRequirements {
  const { texts, ranges } = fixtureFiles(files);
  const result = traceWorkspaceRequirements(new MemoryWorkspace(texts));
  const actual = [...result.findings].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const used: Record<string, number> = {};
  assert.deepEqual(
    actual.map((f) => ({ path: f.path, code: f.code, range: f.range })),
    expected.map(([path, code]) => ({ path, code, range: ranges[path][(used[path] = (used[path] ?? -1) + 1)] })),
    JSON.stringify(actual.map((f) => f.message)),
  );
  expected.forEach(([, , m], i) => {
    if (typeof m === 'string') assert.equal(actual[i].message, m);
    else if (m) assert.match(actual[i].message, m);
  });
  for (const [path, marks] of Object.entries(ranges)) assert.equal(used[path] ?? -1, marks.length - 1, `every marker in ${path} is a finding`);
  return result;
}

describe('traceRequirements: coverage', () => {
  it('counts tags in comments of any file as coverage of their type, with where they are', () => {
    const result = check(
      {
        'docs/spec.md': login,
        'src/login.ts': '// [impl->req~login~2]\nexport function login() {}\n',
        'test/login_test.py': 'def test_login():  # [utest->req~login~2]\n    pass\n',
      },
      [],
    );
    assert.deepEqual(result.coverage.get('req~login~2'), [
      { type: 'impl', file: 'src/login.ts', line: 0, by: '[impl->req~login~2]' },
      { type: 'utest', file: 'test/login_test.py', line: 0, by: '[utest->req~login~2]' },
    ]);
  });

  it('reports each needed type nothing covers on the item, saying what to write', () => {
    const result = check(
      { 'docs/spec.md': login.replace('`req~login~2`', '`⟦⟦req~login~2⟧⟧`'), 'src/login.ts': '// ⟦[impl->req~login~1]⟧\nconst s = "[utest->req~login~2]";\n' },
      [
        ['docs/spec.md', 'requirement-not-covered', 'req~login~2 needs impl, and nothing covers it: add `[impl->req~login~2]` in a comment of the code that implements it.'],
        ['docs/spec.md', 'requirement-not-covered', 'req~login~2 needs utest, and nothing covers it: add `[utest->req~login~2]` in a comment of the test that checks it.'],
        ['src/login.ts', 'outdated-requirement'],
      ],
    );
    assert.deepEqual(result.coverage.get('req~login~2'), []);
  });

  it('counts an item that covers another (Covers:) as coverage of its own type', () => {
    const result = check(
      {
        'docs/features.md': '`feat~accounts~1`\nNeeds: req\n',
        'docs/spec.md': md`
          \`req~login~1\`
          Covers:
          * [feat~accounts~1](features.md#accounts)
          Needs: dsn
        `,
        'docs/design.md': md`
          \`⟦dsn~login-form~1⟧\`
          Covers:
          - req~login~1
          Needs: impl
        `,
      },
      [['docs/design.md', 'requirement-not-covered', /dsn~login-form~1 needs impl/]],
    );
    assert.deepEqual(result.coverage.get('feat~accounts~1'), [{ type: 'req', file: 'docs/spec.md', line: 2, by: 'req~login~1' }]);
    assert.deepEqual(result.coverage.get('req~login~1')?.map((e) => e.by), ['dsn~login-form~1']);
  });

  it('lets a forward stand in for the skipped type, and asks the targets to cover it', () => {
    check(
      {
        'docs/spec.md': '`req~web-ui~1`\nNeeds: arch\n',
        'docs/arch.md': '# Forwarded\n* ⟦arch --> dsn, itest : req~web-ui~1⟧\n',
        'docs/design.md': '`dsn~web-ui~1`\nCovers:\n* arch~web-ui~1\n',
      },
      [['docs/arch.md', 'requirement-not-covered', 'arch~web-ui~1 needs itest, and nothing covers it: add `[itest->arch~web-ui~1]` in a comment of the test that checks it.']],
    );
  });

  it('makes a tag with its own id or needed types an item that others cover', () => {
    check(
      {
        'docs/spec.md': '`req~login~1`\nNeeds: dsn\n',
        'docs/design.md': '# Login flow\n<!-- ⟦[dsn->req~login~1>>impl,utest]⟧ -->\n![flow](login.svg)\n',
        'src/login.ts': '// [impl->dsn~login~0]\n// ⟦[impl~login-form~1->req~other~1]⟧\n',
        'src/login.test.ts': '// [utest->impl~login-form~1]\n// [utest->impl~login~4]\n',
        'src/session.ts': '// [impl~~4->req~login~1>>utest]\n',
      },
      [
        ['docs/design.md', 'requirement-not-covered', /dsn~login~0 needs utest/],
        ['src/login.ts', 'unknown-requirement', /impl~login-form~1 covers req~other~1, and no specification item has that id/],
      ],
    );
  });
});

describe('traceRequirements: OpenFastTrace short tags are not read', () => {
  it('takes [[name:revision]] for neither coverage nor a malformed tag, since only OFT\'s per-path setting gives its types', () => {
    const result = check(
      {
        'docs/spec.md': '`⟦dsn~login~2⟧`\nNeeds: impl\n',
        'src/login.ts': '// [[login:2]] [[ login:2]]\nexport function login() {}\n',
        'src/Login.java': '/* [[dsn~login~2:2]] */\nclass Login {}\n',
      },
      [['docs/spec.md', 'requirement-not-covered']],
    );
    assert.deepEqual(result.coverage.get('dsn~login~2'), []);
  });
});

describe('traceRequirements: revisions, unknown ids, duplicates', () => {
  it('warns that a tag for an older revision is outdated, naming the current one', () => {
    check(
      { 'docs/spec.md': '`req~login~3`\n', 'src/a.ts': '// ⟦[impl->req~login~2]⟧\n' },
      [['src/a.ts', 'outdated-requirement', '[impl->req~login~2] covers req~login~2, but the item is now req~login~3: check that this still does what req~login~3 asks, then cover req~login~3 instead.']],
    );
  });

  it('reports a newer revision or an unknown name as unknown, in tags and Covers alike', () => {
    check(
      {
        'docs/spec.md': '`req~login~2`\n\n`dsn~form~1`\nCovers:\n* ⟦req~logon~2⟧\n',
        'src/a.java': 'class A {} // ⟦[impl->req~login~3]⟧\n',
      },
      [
        ['docs/spec.md', 'unknown-requirement', 'dsn~form~1 covers req~logon~2, and no specification item has that id: check the spelling, or write the item.'],
        ['src/a.java', 'unknown-requirement', '[impl->req~login~3] covers req~login~3, which does not exist: the newest revision is req~login~2.'],
      ],
    );
  });

  it('reports a second item with the same id on the second, and still covers the first', () => {
    const result = check(
      {
        'docs/a.md': '`req~login~1`\nNeeds: impl\n',
        'docs/b.md': '# Copy\n`⟦req~login~1⟧`\nNeeds: utest\n',
        'src/a.ts': '// [impl->req~login~1]\n',
      },
      [['docs/b.md', 'duplicate-requirement', 'req~login~1 is defined twice; the first is at docs/a.md:1. Rename one of them, so coverage goes where it is meant to.']],
    );
    assert.equal(result.items.length, 2);
  });

  it('passes parse problems on as findings', () => {
    check({ 'docs/spec.md': '`⟦req~login⟧`\n', 'src/a.ts': '// ⟦[impl->req~x]⟧\n' }, [
      ['docs/spec.md', 'malformed-requirement'],
      ['src/a.ts', 'malformed-requirement'],
    ]);
  });
});
