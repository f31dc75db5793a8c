import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  blockCommentFor, commentLine, commentSyntaxFor, fallbackCommentSyntax, knownCommentSyntax, lineCommentFor,
} from '../../../server/src/core/source/commentSyntax.js';
import { scanAnnotations } from '../../../server/src/core/source/scanAnnotations.js';

/** Asserts what each path or VS Code language id answers, for one lookup function. */
function check<T>(lookup: (pathOrLanguageId: string) => T, expected: Record<string, T>): void {
  for (const [input, want] of Object.entries(expected)) assert.deepEqual(lookup(input), want, `for ${JSON.stringify(input)}`);
}

describe('lineCommentFor', () => {
  it('answers from file paths, including well-known file names and Windows paths', () => {
    check(lineCommentFor, {
      'src/app.ts': '//', 'web/App.tsx': '//', 'lib/x.mjs': '//', 'a.vue': '//', 'main.go': '//', 'Main.java': '//', 'lib.rs': '//',
      'C:\\repo\\Program.cs': '//', 'x.cpp': '//', 'x.h': '//', 'x.swift': '//', 'x.dart': '//', 'x.zig': '//', 'api.proto': '//', 'Jenkinsfile': '//',
      'tool.py': '#', 'app.rb': '#', 'run.sh': '#', 'x.ps1': '#', 'x.pl': '#', 'x.R': '#', 'ci.yml': '#', 'pyproject.toml': '#', 'main.tf': '#',
      'Dockerfile': '#', 'docker/Dockerfile.prod': '#', 'Makefile': '#', 'CMakeLists.txt': '#', '.gitignore': '#', 'x.ex': '#', 'x.nim': '#', 'x.jl': '#', 'schema.graphql': '#',
      'q.sql': '--', 'Main.hs': '--', 'Main.elm': '--', 'init.lua': '--',
      'core.clj': ';', 'x.lisp': ';', 'setup.ini': ';', 'x.erl': '%', 'paper.tex': '%', 'Module.vb': "'", 'build.bat': '::',
      'README.md': undefined, 'index.html': undefined, 'icon.svg': undefined, 'site.css': undefined, 'file.unknownext': undefined, 'LICENSE': undefined,
    });
  });

  it('answers from VS Code language ids', () => {
    check(lineCommentFor, {
      typescript: '//', typescriptreact: '//', javascript: '//', javascriptreact: '//', csharp: '//', cpp: '//', c: '//', go: '//', rust: '//',
      java: '//', kotlin: '//', swift: '//', php: '//', fsharp: '//', jsonc: '//', terraform: '#',
      python: '#', shellscript: '#', powershell: '#', ruby: '#', perl: '#', r: '#', yaml: '#', toml: '#', dockerfile: '#', makefile: '#', elixir: '#',
      sql: '--', haskell: '--', lua: '--', clojure: ';', erlang: '%', latex: '%', vb: "'",
      markdown: undefined, html: undefined, xml: undefined, css: undefined, plaintext: undefined,
    });
  });
});

describe('blockCommentFor', () => {
  it('gives the pair an editor should write, not docstrings or =begin blocks', () => {
    const pair = (open: string, close: string) => ({ open, close });
    check(blockCommentFor, {
      'a.ts': pair('/*', '*/'), typescript: pair('/*', '*/'), 'a.css': pair('/*', '*/'), 'q.sql': pair('/*', '*/'), 'main.tf': pair('/*', '*/'),
      'README.md': pair('<!--', '-->'), markdown: pair('<!--', '-->'), html: pair('<!--', '-->'), 'a.xml': pair('<!--', '-->'),
      haskell: pair('{-', '-}'), fsharp: pair('(*', '*)'), 'init.lua': pair('--[[', ']]'), powershell: pair('<#', '#>'), julia: pair('#=', '=#'),
      python: undefined, 'a.rb': undefined, shellscript: undefined, 'a.unknownext': undefined,
    });
  });
});

describe('commentLine', () => {
  it('writes a one-line comment in the file\'s own syntax', () => {
    const body = '@decision ADR-0007';
    check((p) => commentLine(p, body), {
      'a.ts': '// @decision ADR-0007', python: '# @decision ADR-0007', 'q.sql': '-- @decision ADR-0007',
      markdown: '<!-- @decision ADR-0007 -->', 'a.css': '/* @decision ADR-0007 */', 'a.unknownext': '// @decision ADR-0007',
    });
  });

  it('writes comments that the scanner reads back, for every kind of file', () => {
    const files = ['a.ts', 'a.py', 'a.go', 'a.rb', 'a.sql', 'a.hs', 'a.lua', 'a.clj', 'a.erl', 'a.vb', 'a.bat', 'a.html', 'a.md', 'a.css',
      'a.yaml', 'a.toml', 'a.ini', 'Dockerfile', 'Makefile', 'a.ml', 'a.ps1', 'a.tex', 'a.unknownext', 'a.properties', 'a.jinja'];
    for (const f of files) {
      const text = `${commentLine(f, '@decision ADR-0007')}\n`;
      const ids = scanAnnotations(f, text).references.map((r) => `${r.id} ${r.strength}`);
      assert.deepEqual(ids, ['ADR-0007 annotation'], `${f}: ${text}`);
    }
  });
});

describe('commentSyntaxFor', () => {
  it('falls back to the shared markers for unknown files, and only for them', () => {
    assert.equal(commentSyntaxFor('x.unknownext'), fallbackCommentSyntax);
    assert.equal(knownCommentSyntax('x.unknownext'), undefined);
    assert.deepEqual(fallbackCommentSyntax.line.map((l) => l.text), ['//', '#']);
    assert.deepEqual(fallbackCommentSyntax.block.map((b) => b.open), ['/*', '<!--']);
    assert.notEqual(commentSyntaxFor('a.ts'), fallbackCommentSyntax);
  });
});
