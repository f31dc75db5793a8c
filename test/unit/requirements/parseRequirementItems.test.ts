import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRequirementItems } from '../../../server/src/core/requirements/parseRequirementItems.js';
import type { RequirementItem } from '../../../server/src/core/requirements/requirementItem.js';
import type { RequirementFinding } from '../../../server/src/core/requirements/requirementFinding.js';
import { LineMap, type Range } from '../../../server/src/core/base/range.js';
import { extractMarkers, md } from '../../helpers/markers.js';

/** The parts of an item a test states; `covers` and `depends` as ids. Unstated parts are not compared. */
type ExpectedItem = Partial<Omit<RequirementItem, 'covers' | 'depends' | 'range' | 'file'>> & { id: string; covers?: string[]; depends?: string[] };
type Expected = ExpectedItem | { problem: RegExp };

type Found =
  | { kind: 'item'; range: Range; item: RequirementItem }
  | { kind: 'problem'; range: Range; problem: RequirementFinding }
  | { kind: 'reference'; range: Range; id: string };

/**
 * Parses marked Markdown and compares, in text order, every item and problem with `expected`. Each
 * `⟦…⟧` marks, in order, the range of an item's id (or forward line), of a problem, or of an id
 * in a `Covers:` or `Depends:` entry; the last need no entry in `expected`, their text is the id.
 */
function check(marked: string, expected: Expected[]): RequirementItem[] {
  const { text, ranges } = extractMarkers(marked);
  const { items, problems } = parseRequirementItems('docs/spec.md', text);
  const found: Found[] = [
    ...items.map((item): Found => ({ kind: 'item', range: item.range, item })),
    ...items.flatMap((item) => [...item.covers, ...item.depends]).map((r): Found => ({ kind: 'reference', range: r.range, id: r.id })),
    ...problems.map((problem): Found => ({ kind: 'problem', range: problem.range, problem })),
    // Markers yield ranges in the order they close, so a reference inside a forward comes first.
  ].sort((a, b) => a.range.end.line - b.range.end.line || a.range.end.character - b.range.end.character || b.range.start.character - a.range.start.character);
  assert.deepEqual(found.map((f) => f.range), ranges, 'ranges');
  const lines = new LineMap(text);
  const described = found.filter((f) => f.kind !== 'reference' || assert.equal(lines.lineText(f.range.start.line).slice(f.range.start.character, f.range.end.character), f.id));
  assert.equal(described.length, expected.length, JSON.stringify(described));
  described.forEach((f, i) => {
    const want = expected[i];
    if ('problem' in want) {
      assert.equal(f.kind, 'problem', `#${i} should be a problem`);
      if (f.kind !== 'problem') return;
      assert.equal(f.problem.code, 'malformed-requirement');
      assert.match(f.problem.message, want.problem);
      return;
    }
    assert.equal(f.kind, 'item', `#${i} should be an item`);
    if (f.kind !== 'item') return;
    const actual: Record<string, unknown> = { ...f.item, covers: f.item.covers.map((c) => c.id), depends: f.item.depends.map((d) => d.id) };
    for (const key of Object.keys(want)) assert.deepEqual(actual[key], want[key as keyof ExpectedItem], `${want.id}: ${key}`);
    assert.equal(f.item.file, 'docs/spec.md');
  });
  return items;
}

describe('parseRequirementItems: items', () => {
  it('reads an id alone on its line, the heading above as title, the description and one-line Needs', () => {
    check(
      md`
        # Accounts

        ### Login with a password
        \`⟦req~login.password_v-2~2⟧\`
        Users log in with their name
        and a password.

        Needs: impl, utest
      `,
      [{ id: 'req~login.password_v-2~2', type: 'req', name: 'login.password_v-2', revision: 2, title: 'Login with a password', text: 'Users log in with their name\nand a password.', needs: ['impl', 'utest'] }],
    );
  });

  it('reads Covers entries anywhere in their bullets, Needs, Depends and Tags as lists, and Status', () => {
    check(
      md`
        \`⟦dsn~login-form~1⟧\`
        Status: draft

        Description:
        The form asks for both at once.

        Rationale:
        Not part of the description.

        Covers:

        * [⟦req~login~2⟧](#login)
        - \`⟦feat~accounts~1⟧\`

        Depends:
        + ⟦dsn~session~3⟧

        Needs:
        - impl
        - \`utest\`

        Tags: Web, Auth
      `,
      [{ id: 'dsn~login-form~1', status: 'draft', text: 'The form asks for both at once.', covers: ['req~login~2', 'feat~accounts~1'], depends: ['dsn~session~3'], needs: ['impl', 'utest'], tags: ['Web', 'Auth'] }],
    );
  });

  it('accepts an id without backticks and a Covers list on the keyword line', () => {
    check('⟦req~a~1⟧\nCovers: ⟦feat~x~1⟧, ⟦feat~y~2⟧\n', [{ id: 'req~a~1', covers: ['feat~x~1', 'feat~y~2'], title: undefined }]);
  });

  it('takes only a heading directly above (blank lines allowed) as the title, setext headings included', () => {
    check(
      md`
        Login
        =====

        \`⟦req~login~1⟧\`

        ## Logout
        Some introduction.
        \`⟦req~logout~1⟧\`
      `,
      [{ id: 'req~login~1', title: 'Login', text: '' }, { id: 'req~logout~1', title: undefined }],
    );
  });

  it('ends an item at the next heading or id: what follows belongs to no item', () => {
    check(
      md`
        \`⟦req~a~1⟧\`
        About a.
        Underlined text
        ---------------
        Needs: impl

        \`⟦req~b~1⟧\`
        Needs: utest
        \`⟦req~c~1⟧\`
      `,
      [{ id: 'req~a~1', text: 'About a.', needs: [] }, { id: 'req~b~1', needs: ['utest'] }, { id: 'req~c~1', needs: [] }],
    );
  });

  it('keeps CRLF out of texts and ranges', () => {
    check('## T\r\n`⟦req~a~1⟧`\r\nText.\r\nNeeds: impl\r\n', [{ id: 'req~a~1', title: 'T', text: 'Text.', needs: ['impl'] }]);
  });
});

describe('parseRequirementItems: examples are not items', () => {
  it('skips fenced blocks of backticks and tildes until a fence of the same character, at least as long', () => {
    check(
      md`
        \`\`\`\`markdown
        \`req~in-fence~1\`
        \`\`\`
        \`req~still-in-fence~1\`
        \`\`\`\`
        ~~~
        \`req~in-tilde-fence~1\`
        \`\`\`
        \`req~still-in-tilde-fence~1\`
        ~~~~
        \`⟦req~outside~1⟧\`
      `,
      [{ id: 'req~outside~1' }],
    );
  });

  it('skips indented code, the parts between oft:off and oft:on, and front matter', () => {
    check(
      md`
        ---
        id: req~front-matter~1
        ---
        Example:

            \`req~indented~1\`
            arch --> dsn : req~indented~1

        <!-- oft:off -->
        \`req~switched-off~1\`
        <!-- oft:on -->
        \`⟦req~on-again~1⟧\`
      `,
      [{ id: 'req~on-again~1' }],
    );
  });

  it('reads items after a leading thematic break that opens no front matter', () => {
    check('---\n`⟦req~a~1⟧`\n', [{ id: 'req~a~1' }]);
  });

  it('reads a document that ends inside a fence without complaint', () => {
    check('`⟦req~a~1⟧`\nNeeds: impl\n```\n`req~b~1`\n', [{ id: 'req~a~1', needs: ['impl'] }]);
  });
});

describe('parseRequirementItems: forwards', () => {
  it('reads `arch --> dsn, itest : req~x~1` as an item of the skipped type covering the original and needing the targets', () => {
    check(
      md`
        # Forwarded Requirements

        * \`⟦arch --> dsn, itest : ⟦req~web-ui~1⟧⟧\`
        * ⟦arch-->impl:⟦req~other~2⟧⟧
      `,
      [
        { id: 'arch~web-ui~1', type: 'arch', covers: ['req~web-ui~1'], needs: ['dsn', 'itest'], forwarded: true },
        { id: 'arch~other~2', covers: ['req~other~2'], needs: ['impl'], forwarded: true },
      ],
    );
  });

  it('ignores a forward inside an item description, and ends the item when it follows Needs', () => {
    check(
      md`
        \`⟦dsn~a~1⟧\`
        Write arch --> dsn : req~b~1 to forward.
        Needs: impl
        ⟦arch --> dsn : ⟦req~c~1⟧⟧
        Needs: utest
      `,
      [{ id: 'dsn~a~1', needs: ['impl'] }, { id: 'arch~c~1', needs: ['dsn'] }],
    );
  });
});

describe('parseRequirementItems: problems', () => {
  it('reports ids without a revision, Covers entries without an id and Needs entries that are no type', () => {
    check(
      md`
        \`⟦req~login⟧\`

        \`⟦req~a~1⟧\`
        Covers:
        * [⟦feat~requirement-tracing⟧](#requirement-tracing)
        * ⟦see the features⟧
        Depends:
        * ⟦feat~x~y⟧
        Needs: impl, ⟦u-test⟧
      `,
      [
        { problem: /`req~login` looks like a specification item id, but an id is type~name~revision/ },
        { id: 'req~a~1', covers: [], depends: [], needs: ['impl'] },
        { problem: /`feat~requirement-tracing` in the Covers of req~a~1 is not an item id/ },
        { problem: /This Covers entry of req~a~1 names no item/ },
        { problem: /`feat~x~y` in the Depends of req~a~1 is not an item id/ },
        { problem: /"u-test" is not an artifact type in the Needs of req~a~1/ },
      ],
    );
  });

  it('finds nothing in text without items', () => {
    check('# Notes\n\nNeeds: impl\nCovers:\n* req~x~1\n', []);
    check('', []);
  });
});
