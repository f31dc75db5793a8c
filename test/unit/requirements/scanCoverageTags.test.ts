import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanCoverageTags, scanCoverageTagsInSource, type CommentSegment } from '../../../server/src/core/requirements/scanCoverageTags.js';
import { extractMarkers, md } from '../../helpers/markers.js';

/** A tag as `"<artifactType>[ <ownId>] -> <target>[ >> <needs>]"`, or a problem as a pattern of its message. */
type Expected = string | RegExp;

/** Scans marked source; each `⟦…⟧` marks, in order, a whole tag or a malformed one. */
function check(path: string, marked: string, expected: Expected[]): void {
  const { text, ranges } = extractMarkers(marked);
  const { tags, problems } = scanCoverageTagsInSource(path, text);
  const found = [
    ...tags.map((t) => ({ range: t.range, what: `${t.artifactType}${t.ownId ? ` ${t.ownId}` : ''} -> ${t.target.type}~${t.target.name}~${t.target.revision}${t.needs.length ? ` >> ${t.needs.join(',')}` : ''}` as Expected })),
    ...problems.map((p) => ({ range: p.range, what: p.message as Expected })),
  ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  assert.deepEqual(found.map((f) => f.range), ranges, JSON.stringify(found));
  found.forEach((f, i) => {
    const want = expected[i];
    if (typeof want === 'string') assert.equal(f.what, want);
    else assert.match(String(f.what), want);
  });
  assert.equal(found.length, expected.length);
  for (const t of tags) assert.equal(t.file, path);
}

describe('scanCoverageTags: the tag forms', () => {
  it('reads the short form, the full form with an own id, a revision alone, blanks and needed types', () => {
    check(
      'src/login.ts',
      md`
        // ⟦[impl->req~login~2]⟧ and ⟦[utest->dsn~form.fields_v2~1]⟧
        /* ⟦[impl~login-form~1->req~login~2]⟧
         * ⟦[ impl~~3 -> dsn~x~1 ]⟧ */
        // ⟦[dsn->req~login~2>>impl, utest]⟧
        export function login() {}
      `,
      ['impl -> req~login~2', 'utest -> dsn~form.fields_v2~1', 'impl impl~login-form~1 -> req~login~2', 'impl -> dsn~x~1', 'dsn -> req~login~2 >> impl,utest'],
    );
  });

  it('reports a bracketed arrow that names an id badly, and ignores bracketed arrows that name none', () => {
    check(
      'src/a.ts',
      md`
        // ⟦[impl->dsn~missing-revision]⟧
        // ⟦[impl->dsn~name1~1>>]⟧
        // [a->b] maps a to b
      `,
      [/\[impl->dsn~missing-revision\] is not a coverage tag: write \[type->type~name~revision\]/, /is not a coverage tag/],
    );
  });
});

describe('scanCoverageTags: only comments count', () => {
  it('ignores tags quoted in TypeScript strings and templates', () => {
    check(
      'test/a.test.ts',
      md`
        const tag = "[impl->req~quoted~1]";
        const other = '[impl->req~quoted~2]', bad = \`[impl->req~broken]\`;
        assert(parse(tag)); // ⟦[utest->req~login~1]⟧
      `,
      ['utest -> req~login~1'],
    );
  });

  it('ignores tags in Java strings, as in OpenFastTrace’s own tests', () => {
    check(
      'TestTagImporter.java',
      md`
        // ⟦[utest->dsn~import.full-coverage-tag~1]⟧
        class TestTagImporter {
            void test() {
                noItemDetected("[impl->dsn~missing-revision]");
                parsedItem("[ impl -> dsn~nameA~1 " + "]");
                String block = """
                    // [impl->dsn~in-text-block~1]
                    """;
            }
        }
      `,
      ['utest -> dsn~import.full-coverage-tag~1'],
    );
  });

  it('reads Python comments and docstrings but not string literals', () => {
    check(
      'src/login.py',
      md`
        # ⟦[impl->req~login~1]⟧
        def login():
            """Logs in. ⟦[impl->req~login-doc~1]⟧"""
            return "[impl->req~quoted~1]"
      `,
      ['impl -> req~login~1', 'impl -> req~login-doc~1'],
    );
  });

  it('reads HTML comments in Markdown and any language’s comments', () => {
    check('docs/guide.md', 'Text [impl->req~prose~1].\n<!-- ⟦[uman->req~login~1]⟧ -->\n', ['uman -> req~login~1']);
    check('main.go', 'x := "[impl->req~q~1]" // ⟦[impl->req~go~1]⟧\n', ['impl -> req~go~1']);
    check('run.sh', 'echo "[impl->req~q~1]" # ⟦[impl->req~sh~1]⟧\n', ['impl -> req~sh~1']);
  });

  it('skips tags quoted in backticks inside a comment: documentation examples, as for annotations', () => {
    check('a.ts', '/** Reads `[impl->req~login~2]` tags. */\n// ⟦[impl->req~real~1]⟧ and `[utest->req~example~1]`\n', ['impl -> req~real~1']);
    check('a.ts', '// it`s ⟦[impl->req~open~1]⟧\n', ['impl -> req~open~1']);
  });

  it('looks only inside the segments it is given', () => {
    const text = '[impl->req~a~1] [impl->req~b~1]\n[impl->req~c~1]';
    const segments: CommentSegment[] = [{ start: 16, end: 31, line: 0, lineStart: 0 }, { start: 32, end: 47, line: 1, lineStart: 32 }];
    const { tags } = scanCoverageTags('a.txt', text, segments);
    assert.deepEqual(tags.map((t) => [t.target.name, t.range.start.line, t.range.start.character, t.range.end.character]), [['b', 0, 16, 31], ['c', 1, 0, 15]]);
    assert.deepEqual(scanCoverageTags('a.txt', text, []).tags, []);
  });
});
