import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachCommentSegment } from '../../../server/src/core/source/commentSegments.js';
import { commentSyntaxFor, importReaderOf, syntaxOfImportReader } from '../../../server/src/core/source/commentSyntax.js';
import { maskSource } from '../../../server/src/core/source/maskSource.js';

/**
 * Annotation scanning (comment segments) and import extraction (masking) read the same lexer, so
 * they agree on what is a comment. Each fixture mixes comments with literals that look like them.
 */
const fixtures: Record<string, string> = {
  'a.ts': [
    '#!/usr/bin/env node',
    "import { a } from './a.js'; // first",
    'const re = /[//] not a comment/g, q = /\'/;',
    "const s = '// not a comment', d = \"/* nor this */\";",
    'const t = `text // not a comment ${x /* a comment */ + `nested ${y} // text`} more`;',
    '/* a block',
    '   over lines */ const z = a / b / c; // division, then a comment',
    'return /* before a regex */ /x\\/y/.test(s);',
  ].join('\n'),
  'a.py': [
    '"""Module docstring, a comment.',
    '# still inside the docstring',
    '"""',
    'import os  # a comment',
    "s = 'it''s # not a comment'",
    'u = """# not a comment either"""',
    "x = '\\'' # a comment after an escaped quote",
  ].join('\n'),
  'a.go': ['package a', '', 'import "fmt" // a comment', 'var r = `raw // not a comment', '/* still raw */`', "var c = '\"' /* a comment */"].join('\n'),
  'a.rs': [
    'use std::io; // a comment',
    'let s = r#"a " // not a comment"#;',
    "fn f<'a>(x: &'a str) -> char { '\"' } // a comment",
    '/* outer /* nested */ still a comment */ let y = 1;',
  ].join('\n'),
  'a.cs': ['using System; // a comment', 'var p = @"C:\\"; var q = "// not a comment"; // a comment', 'var v = @"say ""hi"" // not a comment";'].join('\n'),
  'a.java': ['import java.util.List; // a comment', 'String s = """', '  // not a comment', '  """; /* a comment */', "char c = '\"'; // a comment"].join('\n'),
  'a.kt': ['import a.b.C // a comment', '/* outer /* nested */ still */ val x = "// not a comment"'].join('\n'),
  'a.c': ['#include "a.h" // a comment', 'char *s = "/* not a comment */"; /* a', ' comment */ char c = \'"\';'].join('\n'),
};

/** Offsets of the comment text that the annotation scanner is given. */
function segmentOffsets(path: string, text: string): Set<number> {
  const offsets = new Set<number>();
  forEachCommentSegment(text, commentSyntaxFor(path), (start, end) => {
    for (let k = start; k < end; k++) offsets.add(k);
  });
  return offsets;
}

/** Offsets that masking blanked as comment (spaces where the text had something else). */
function blankedOffsets(path: string, text: string): Set<number> {
  const masked = maskSource(text, syntaxOfImportReader(importReaderOf(path)!));
  const offsets = new Set<number>();
  for (let k = 0; k < text.length; k++) if (masked[k] === ' ' && text[k] !== ' ') offsets.add(k);
  return offsets;
}

const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

describe('one lexer for comments and imports', () => {
  for (const [path, text] of Object.entries(fixtures)) {
    it(`annotation scanning and import masking see the same comments in ${path}`, () => {
      const syntax = commentSyntaxFor(path);
      assert.equal(syntaxOfImportReader(importReaderOf(path)!), syntax, 'both consumers use the language table');
      const segments = segmentOffsets(path, text);
      const blanked = blankedOffsets(path, text);
      // Every character of comment text is blanked by the mask ...
      for (const k of segments) if (!isBlank(text[k])) assert.ok(blanked.has(k), `${path}: comment text at ${k} (${JSON.stringify(text.slice(k, k + 12))}) is masked`);
      // ... and the mask blanks nothing else but the comment markers around that text.
      const markerChars = new Set([...syntax.line.map((l) => l.text), ...syntax.block.flatMap((b) => [b.open, b.close]), '#!'].join(''));
      for (const k of blanked) {
        if (segments.has(k)) continue;
        assert.ok(markerChars.has(text[k]), `${path}: masked ${JSON.stringify(text[k])} at ${k} (${JSON.stringify(text.slice(k, k + 12))}) is a comment marker`);
      }
      // The fixtures say which is which.
      const commentText = [...segments].sort((a, b) => a - b).map((k) => text[k]).join('');
      assert.doesNotMatch(commentText, /not a comment/, `${path}: literals are not comments`);
      assert.ok(commentText.includes('comment'), `${path}: comments are found`);
    });
  }

  it('finds exactly the comments the fixtures hold, line by line', () => {
    const expected: Record<string, string[]> = {
      'a.ts': ['0:/usr/bin/env node', '1:first', '4:a comment', '5:a block', '6:over lines', '6:division, then a comment', '7:before a regex'],
      'a.py': ['0:Module docstring, a comment.', '1:# still inside the docstring', '2:', '3:a comment', '6:a comment after an escaped quote'],
      'a.go': ['2:a comment', '5:a comment'],
      'a.rs': ['0:a comment', '2:a comment', '3:outer /* nested */ still a comment'],
      'a.cs': ['0:a comment', '1:a comment'],
      'a.java': ['0:a comment', '3:a comment', '4:a comment'],
      'a.kt': ['0:a comment', '1:outer /* nested */ still'],
      'a.c': ['0:a comment', '1:a', '2:comment'],
    };
    for (const [path, text] of Object.entries(fixtures)) {
      const found: string[] = [];
      forEachCommentSegment(text, commentSyntaxFor(path), (start, end, line) => found.push(`${line}:${text.slice(start, end).trim()}`));
      assert.deepEqual(found, expected[path], path);
    }
  });
});
