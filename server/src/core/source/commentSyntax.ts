import { lookupTable } from '../base/lookupTable.js';

/**
 * The one table of languages: per file extension (and file name, and VS Code language id), how
 * comments and string literals are written and, where Rationale reads imports, which import reader
 * the file gets. Just enough to find comments without parsing: annotations must work in any
 * mainstream language, so the table favours breadth over precision, and unknown files fall back to
 * the markers most languages share.
 */

export interface LineCommentMarker {
  text: string;
  /** Only at the start of a word, as in shell where `a#b` and `$#` are not comments. */
  wordStart?: boolean;
  /** The marker must be followed by whitespace or the end of the line (`REM`, not `REMOVE`). */
  wordEnd?: boolean;
  /** Text that, right after the marker, means it is not a comment (PHP's `#[Attribute]`). */
  notFollowedBy?: string;
}

export interface BlockCommentMarker {
  open: string;
  close: string;
  /** Rust, Swift, Haskell, … let block comments nest. */
  nested?: boolean;
  /** The opener counts only as the first thing on its line (Python docstrings, Ruby `=begin`). */
  openAtLineStart?: boolean;
  /** The closer counts only at column 0 (Ruby `=end`, Perl `=cut`). */
  closeAtLineStart?: boolean;
}

export interface StringMarker {
  open: string;
  close: string;
  /** May span lines (template literals, triple-quoted strings); otherwise an unclosed quote is ignored. */
  multiline?: boolean;
  /** Escape character inside the literal; `null` for raw literals. Default `\`. */
  escape?: string | null;
  /**
   * Character literals (`'a'`, `'\n'`): must close within this many characters and never open right
   * after a word character, so Rust lifetimes, Haskell primes and MATLAB transposes are not strings.
   */
  maxLength?: number;
  /** JavaScript template literals: `${…}` inside is code again, up to the `}` that matches it. */
  interpolation?: boolean;
  /** C# verbatim strings: a doubled closer (`""`) is a quote inside the literal, not its end. */
  doubledCloserEscapes?: boolean;
  /** Rust raw strings: the quote follows `r` (or `br`, `cr`) and `#`s, which the closer repeats. */
  rustRaw?: boolean;
  /** Rust character literals: exactly one character or escape, so a lifetime (`'a`) is not one. */
  rustChar?: boolean;
}

export interface CommentSyntax {
  /** A short name of the syntax family, for tests and debugging. */
  name: string;
  line: readonly LineCommentMarker[];
  block: readonly BlockCommentMarker[];
  strings: readonly StringMarker[];
  /** JavaScript regex literals, told apart from division by the token before the `/`. */
  regexLiterals?: boolean;
}

// ---- building blocks

const slashes: LineCommentMarker = { text: '//' };
const hash: LineCommentMarker = { text: '#' };
const hashAtWord: LineCommentMarker = { text: '#', wordStart: true };
const dashes: LineCommentMarker = { text: '--' };
const semicolon: LineCommentMarker = { text: ';' };
const percent: LineCommentMarker = { text: '%' };

const cBlock: BlockCommentMarker = { open: '/*', close: '*/' };
const cBlockNested: BlockCommentMarker = { open: '/*', close: '*/', nested: true };
const htmlBlock: BlockCommentMarker = { open: '<!--', close: '-->' };

const dq: StringMarker = { open: '"', close: '"' };
const sq: StringMarker = { open: "'", close: "'" };
const sqRaw: StringMarker = { open: "'", close: "'", escape: null };
const charLit: StringMarker = { open: "'", close: "'", maxLength: 12 };
const backtickTemplate: StringMarker = { open: '`', close: '`', multiline: true };
const backtickRaw: StringMarker = { open: '`', close: '`', multiline: true, escape: null };
const tripleDq: StringMarker = { open: '"""', close: '"""', multiline: true };
const tripleSq: StringMarker = { open: "'''", close: "'''", multiline: true };
const jsTemplate: StringMarker = { open: '`', close: '`', multiline: true, interpolation: true };
const rustRawString: StringMarker = { open: '"', close: '"', multiline: true, escape: null, rustRaw: true };
const rustCharLit: StringMarker = { open: "'", close: "'", rustChar: true };
const verbatimStrings: StringMarker[] = ['@$"', '$@"', '@"'].map((open) => ({ open, close: '"', multiline: true, escape: null, doubledCloserEscapes: true }));

function syntax(name: string, line: LineCommentMarker[], block: BlockCommentMarker[], strings: StringMarker[], regexLiterals?: boolean): CommentSyntax {
  return regexLiterals ? { name, line, block, strings, regexLiterals } : { name, line, block, strings };
}

const cFamily = syntax('c', [slashes], [cBlock], [dq, charLit]);
const javascript = syntax('javascript', [slashes], [cBlock], [dq, sq, jsTemplate], true);
const go = syntax('go', [slashes], [cBlock], [dq, charLit, backtickRaw]);
const rust = syntax('rust', [slashes], [cBlockNested], [rustRawString, dq, rustCharLit]);
const jvm = syntax('jvm', [slashes], [cBlock], [tripleDq, dq, charLit]);
const nestedJvm = syntax('kotlin-scala', [slashes], [cBlockNested], [tripleDq, dq, charLit]);
const groovy = syntax('groovy', [slashes], [cBlock], [tripleDq, tripleSq, dq, sq]);
const swift = syntax('swift', [slashes], [cBlockNested], [tripleDq, dq]);
const dart = syntax('dart', [slashes], [cBlockNested], [tripleDq, tripleSq, dq, sq]);
const csharp = syntax('csharp', [slashes], [cBlock], [...verbatimStrings, tripleDq, dq, charLit]);
const fsharp = syntax('fsharp', [slashes], [{ open: '(*', close: '*)', nested: true }], [tripleDq, dq, charLit]);
const ocaml = syntax('ocaml', [], [{ open: '(*', close: '*)', nested: true }], [dq, charLit]);
const php = syntax('php', [slashes, { text: '#', notFollowedBy: '[' }], [cBlock], [dq, sq]);
const zig = syntax('zig', [slashes], [], [dq, charLit]);
const protobuf = syntax('protobuf', [slashes], [cBlock], [dq, sq]);
const jsonc = syntax('jsonc', [slashes], [cBlock], [dq]);

const python = syntax(
  'python',
  [hash],
  // A triple-quoted string that starts a line is a docstring: Python's documentation comment.
  [{ open: '"""', close: '"""', openAtLineStart: true }, { open: "'''", close: "'''", openAtLineStart: true }],
  [tripleDq, tripleSq, dq, sq],
);
const ruby = syntax('ruby', [hash], [{ open: '=begin', close: '=end', openAtLineStart: true, closeAtLineStart: true }], [dq, sq]);
const perl = syntax(
  'perl',
  [hashAtWord],
  ['=pod', '=head1', '=head2', '=head3', '=begin', '=over', '=item', '=for', '=encoding'].map((open) => ({ open, close: '=cut', openAtLineStart: true, closeAtLineStart: true })),
  [dq, sq],
);
const shell = syntax('shell', [hashAtWord], [], [dq, sqRaw]);
const powershell = syntax('powershell', [hash], [{ open: '<#', close: '#>' }], [{ open: '"', close: '"', escape: '`' }, sqRaw]);
const hashOnly = syntax('hash', [hash], [], [dq, sq]);
const makefile = syntax('makefile', [hash], [], []);
const dockerfile = syntax('dockerfile', [hashAtWord], [], [dq, sq]);
const yaml = syntax('yaml', [hashAtWord], [], [dq, { open: "'", close: "'", escape: null }]);
const toml = syntax('toml', [hash], [], [tripleDq, { open: "'''", close: "'''", multiline: true, escape: null }, dq, sqRaw]);
const ini = syntax('ini', [{ text: ';', wordStart: true }, hashAtWord], [], [dq]);
const properties = syntax('properties', [hashAtWord, { text: '!', wordStart: true }], [], []);
const hcl = syntax('hcl', [hash, slashes], [cBlock], [dq]);
const nix = syntax('nix', [hash], [cBlock], [dq, { open: "''", close: "''", multiline: true, escape: null }]);
const r = syntax('r', [hash], [], [dq, sq, { open: '`', close: '`' }]);
const julia = syntax('julia', [hash], [{ open: '#=', close: '=#', nested: true }], [tripleDq, dq, charLit]);
const nim = syntax('nim', [hash], [{ open: '#[', close: ']#', nested: true }], [tripleDq, dq, charLit]);
const elixir = syntax('elixir', [hash], [], [tripleDq, tripleSq, dq, sq]);
const cmake = syntax('cmake', [hash], [{ open: '#[[', close: ']]' }, { open: '#[=[', close: ']=]' }], [dq]);
const graphql = syntax('graphql', [hash], [], [tripleDq, dq]);
const sql = syntax('sql', [dashes], [cBlock], [{ open: "'", close: "'", escape: null }, { open: '"', close: '"', escape: null }]);
const haskell = syntax('haskell', [dashes], [{ open: '{-', close: '-}', nested: true }], [dq, charLit]);
const lua = syntax(
  'lua',
  [dashes],
  [{ open: '--[[', close: ']]' }, { open: '--[=[', close: ']=]' }, { open: '--[==[', close: ']==]' }],
  [{ open: '[[', close: ']]', multiline: true, escape: null }, dq, sq],
);
const adaLike = syntax('ada', [dashes], [], [dq]);
const lisp = syntax('lisp', [semicolon], [{ open: '#|', close: '|#', nested: true }], [dq]);
const clojure = syntax('clojure', [semicolon], [], [dq]);
const erlang = syntax('erlang', [percent], [], [dq]);
const prolog = syntax('prolog', [percent], [cBlock], [dq, sq]);
const tex = syntax('tex', [percent], [], []);
const matlab = syntax('matlab', [percent], [{ open: '%{', close: '%}', openAtLineStart: true }], [dq, charLit]);
const assembly = syntax('assembly', [semicolon, hashAtWord, slashes], [cBlock], [dq]);
/** `.m` is Objective-C or MATLAB: read both languages' comments (a stray `%` costs nothing). */
const objcOrMatlab = syntax('objc-matlab', [slashes, percent], [cBlock, { open: '%{', close: '%}', openAtLineStart: true }], [dq, charLit]);
const fortran = syntax('fortran', [{ text: '!' }], [], [dq, sq]);
const vb = syntax('vb', [{ text: "'" }, { text: 'REM', wordStart: true, wordEnd: true }, { text: 'Rem', wordStart: true, wordEnd: true }, { text: 'rem', wordStart: true, wordEnd: true }], [], [{ open: '"', close: '"', escape: null }]);
const batch = syntax('batch', [{ text: '::' }, { text: 'REM', wordStart: true, wordEnd: true }, { text: 'rem', wordStart: true, wordEnd: true }, { text: 'Rem', wordStart: true, wordEnd: true }], [], []);
const markup = syntax('markup', [], [htmlBlock], []);
const markdown = syntax('markdown', [], [htmlBlock, { open: '{/*', close: '*/}' }], []);
const css = syntax('css', [], [cBlock], [dq, sq]);
const scss = syntax('scss', [slashes], [cBlock], [dq, sq]);
const component = syntax('component', [slashes], [cBlock, htmlBlock], [dq, sq, backtickTemplate]);
const jinja = syntax('template', [], [{ open: '{#', close: '#}' }, { open: '{{!--', close: '--}}' }, { open: '{{!', close: '}}' }, htmlBlock], []);
const pascal = syntax('pascal', [slashes], [{ open: '{', close: '}' }, { open: '(*', close: '*)' }], [sqRaw]);
const vim = syntax('vim', [{ text: '"', wordStart: true }], [], []);

/** Unknown files: the markers most languages share, so annotations still work there. */
export const fallbackCommentSyntax: CommentSyntax = syntax('fallback', [slashes, hashAtWord], [cBlock, htmlBlock], [dq, sq]);

// ---- lookup tables

/**
 * How a file's imports are read (extractImports.ts has one extractor per reader). Only files with
 * one of these are checked by import rules; the reader is chosen by extension alone.
 */
export type ImportReader = 'javascript' | 'component' | 'python' | 'go' | 'java' | 'kotlin' | 'rust' | 'csharp' | 'c';

const byExtension: Record<string, CommentSyntax | undefined> = Object.create(null);
const importReaderByExtension: Record<string, ImportReader | undefined> = Object.create(null);
function extensions(s: CommentSyntax, list: string, imports?: ImportReader): void {
  for (const ext of list.split(/\s+/)) {
    if (!ext) continue;
    byExtension[ext] = s;
    if (imports) importReaderByExtension[ext] = imports;
  }
}
extensions(javascript, 'js jsx mjs cjs ts tsx mts cts', 'javascript');
extensions(javascript, 'es6 gs');
extensions(component, 'vue svelte', 'component');
extensions(component, 'astro');
extensions(cFamily, 'c h cc cpp cxx c++ hh hpp hxx h++ ipp inl mm', 'c');
extensions(cFamily, 'tpp cu cuh ino glsl hlsl frag vert metal sol v sv svh verilog d');
extensions(jvm, 'java', 'java');
extensions(nestedJvm, 'kt kts scala', 'kotlin');
extensions(nestedJvm, 'sc sbt');
extensions(groovy, 'groovy', 'java');
extensions(groovy, 'gradle gvy jenkinsfile');
extensions(go, 'go', 'go');
extensions(rust, 'rs', 'rust');
extensions(swift, 'swift');
extensions(dart, 'dart');
extensions(csharp, 'cs', 'csharp');
extensions(csharp, 'csx');
extensions(fsharp, 'fs fsi fsx');
extensions(ocaml, 'ml mli');
extensions(php, 'php phtml php3 php4 php5 phps');
extensions(zig, 'zig');
extensions(protobuf, 'proto thrift capnp');
extensions(jsonc, 'json jsonc json5 jsonl');
extensions(python, 'py pyi pyw', 'python');
extensions(python, 'pyx pxd bzl star');
extensions(ruby, 'rb rake gemspec ru podspec rbs');
extensions(perl, 'pl pm t pod psgi');
extensions(shell, 'sh bash zsh ksh fish ash dash bats command envrc');
extensions(powershell, 'ps1 psm1 psd1');
extensions(r, 'r rmd');
extensions(yaml, 'yml yaml');
extensions(toml, 'toml');
extensions(ini, 'ini cfg conf cnf gitconfig editorconfig npmrc inf reg');
extensions(properties, 'properties');
extensions(hcl, 'tf tfvars hcl nomad sentinel');
extensions(nix, 'nix');
extensions(julia, 'jl');
extensions(nim, 'nim nims nimble');
extensions(elixir, 'ex exs');
extensions(erlang, 'erl hrl escript');
extensions(cmake, 'cmake');
extensions(graphql, 'graphql gql graphqls');
extensions(sql, 'sql psql pgsql plsql mysql ddl');
extensions(haskell, 'hs lhs elm purs idr agda');
extensions(lua, 'lua');
extensions(adaLike, 'ada adb ads vhd vhdl');
extensions(lisp, 'lisp lsp cl el scm ss rkt');
extensions(clojure, 'clj cljs cljc edn fnl');
extensions(tex, 'tex sty bib');
extensions(matlab, 'matlab');
extensions(objcOrMatlab, 'm', 'c');
extensions(assembly, 'asm s nasm');
extensions(fortran, 'f90 f95 f03 f08 for');
extensions(vb, 'vb vbs bas vba');
extensions(batch, 'bat cmd');
extensions(markup, 'html htm xhtml xml svg xsd xsl xslt xaml plist csproj fsproj vbproj props targets resx config wsdl rss atom jsp aspx cshtml razor');
extensions(markdown, 'md markdown mdx mkd');
extensions(css, 'css');
extensions(scss, 'scss sass less styl');
extensions(jinja, 'j2 jinja jinja2 njk twig hbs handlebars mustache liquid');
extensions(pascal, 'pas dpr lpr');
extensions(vim, 'vim');
extensions(hashOnly, 'tcl cr coffee nf smk pp gitignore dockerignore gitattributes env htaccess');
extensions(makefile, 'mk mak make');
extensions(dockerfile, 'dockerfile containerfile');

/** The syntax an import reader masks comments and strings with: the language it was written for. */
const importReaderSyntax: Record<ImportReader, CommentSyntax> = {
  javascript, component: javascript, python, go, java: jvm, kotlin: nestedJvm, rust, csharp, c: cFamily,
};

export function syntaxOfImportReader(reader: ImportReader): CommentSyntax {
  return importReaderSyntax[reader];
}

/** Whole file names (lower case), for files whose extension says nothing. */
const byFileName = lookupTable<CommentSyntax>({
  dockerfile, containerfile: dockerfile,
  makefile, gnumakefile: makefile, 'makefile.am': makefile, 'makefile.in': makefile, justfile: makefile, '.justfile': makefile,
  'cmakelists.txt': cmake,
  jenkinsfile: groovy,
  vagrantfile: ruby, gemfile: ruby, rakefile: ruby, podfile: ruby, brewfile: ruby, guardfile: ruby, fastfile: ruby, appfile: ruby, dangerfile: ruby, berksfile: ruby, capfile: ruby, 'gemfile.lock': hashOnly,
  pipfile: toml, 'cargo.lock': toml, 'poetry.lock': toml,
  build: python, 'build.bazel': python, workspace: python, 'workspace.bazel': python, 'module.bazel': python, tiltfile: python, sconstruct: python, sconscript: python, snakefile: python,
  'go.mod': go, 'go.work': go,
  procfile: hashOnly, caddyfile: hashOnly, codeowners: hashOnly, owners: hashOnly, 'requirements.txt': hashOnly, 'constraints.txt': hashOnly,
  '.gitignore': hashOnly, '.dockerignore': hashOnly, '.npmignore': hashOnly, '.eslintignore': hashOnly, '.prettierignore': hashOnly,
  '.stylelintignore': hashOnly, '.vscodeignore': hashOnly, '.helmignore': hashOnly, '.gcloudignore': hashOnly, '.slugignore': hashOnly,
  '.gitattributes': hashOnly, '.gitmodules': ini, '.gitconfig': ini, '.editorconfig': ini, '.npmrc': ini, '.yarnrc': hashOnly,
  '.env': shell, '.envrc': shell, '.bashrc': shell, '.bash_profile': shell, '.bash_logout': shell, '.profile': shell, '.zshrc': shell,
  '.zshenv': shell, '.zprofile': shell, '.kshrc': shell, '.inputrc': hashOnly, '.htaccess': hashOnly, '.flake8': ini, '.pylintrc': ini,
  '.coveragerc': ini, 'setup.cfg': ini, 'tox.ini': ini, '.babelrc': jsonc, '.eslintrc': jsonc, '.prettierrc': yaml, '.nvmrc': hashOnly,
  '.tool-versions': hashOnly, '.mailmap': hashOnly, '.vimrc': vim, '_vimrc': vim, '.clang-format': yaml, '.clang-tidy': yaml,
});

/** VS Code language identifiers (what `TextDocument.languageId` says). */
const byLanguageId = lookupTable<CommentSyntax>({
  javascript, javascriptreact: javascript, typescript: javascript, typescriptreact: javascript, 'jsx-tags': javascript,
  vue: component, svelte: component, astro: component,
  c: cFamily, cpp: cFamily, 'objective-c': cFamily, 'objective-cpp': cFamily, cuda: cFamily, 'cuda-cpp': cFamily, hlsl: cFamily, glsl: cFamily, solidity: cFamily, verilog: cFamily, systemverilog: cFamily, d: cFamily,
  java: jvm, kotlin: nestedJvm, scala: nestedJvm, groovy, jenkinsfile: groovy,
  go, rust, swift, dart, csharp, fsharp, ocaml, php, zig, proto: protobuf, proto3: protobuf, protobuf, thrift: protobuf,
  json: jsonc, jsonc, json5: jsonc, jsonl: jsonc,
  python, starlark: python, bazel: python, ruby, erb: jinja, perl, perl6: perl, raku: perl,
  shellscript: shell, bash: shell, sh: shell, zsh: shell, fish: shell, dotenv: shell, powershell, r, rmd: r,
  yaml, 'github-actions-workflow': yaml, 'dockercompose': yaml, toml, ini, properties, 'java-properties': properties, 'git-config': ini, editorconfig: ini,
  terraform: hcl, hcl, 'terraform-vars': hcl, nix, julia, nim, elixir, erlang, cmake, graphql, sql, plsql: sql, mysql: sql, postgres: sql,
  haskell, elm: haskell, purescript: haskell, lua, ada: adaLike, vhdl: adaLike,
  lisp, 'common-lisp': lisp, scheme: lisp, racket: lisp, elisp: lisp, clojure, fennel: clojure, prolog, latex: tex, tex, bibtex: tex,
  matlab, octave: matlab, asm: assembly, nasm: assembly, fortran, 'fortran-modern': fortran, FortranFreeForm: fortran,
  vb, vbscript: vb, bat: batch, html: markup, xml: markup, xsl: markup, svg: markup, razor: markup, aspnetcorerazor: markup,
  markdown, mdx: markdown, css, scss, sass: scss, less: scss, stylus: scss, jinja: jinja, 'jinja-html': jinja, twig: jinja, handlebars: jinja, nunjucks: jinja, liquid: jinja,
  pascal, objectpascal: pascal, delphi: pascal, vim: vim, viml: vim,
  dockerfile, makefile, ignore: hashOnly, gitignore: hashOnly, 'git-ignore': hashOnly, tcl: hashOnly, crystal: hashOnly, coffeescript: hashOnly,
  coffee: hashOnly, 'pip-requirements': hashOnly, codeowners: hashOnly,
});

function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}

/** The syntax of a known language, from a file path or a VS Code language id; undefined when unknown. */
export function knownCommentSyntax(pathOrLanguageId: string): CommentSyntax | undefined {
  const looksLikePath = /[/\\.]/.test(pathOrLanguageId);
  if (!looksLikePath) {
    const byId = byLanguageId[pathOrLanguageId] ?? byLanguageId[pathOrLanguageId.toLowerCase()];
    if (byId) return byId;
  }
  const name = baseName(pathOrLanguageId).toLowerCase();
  const exact = byFileName[name];
  if (exact) return exact;
  // `Dockerfile.dev`, `prod.Dockerfile`, `Makefile.linux`, `Jenkinsfile.release`: names with variants.
  if (name.startsWith('dockerfile') || name.startsWith('containerfile')) return dockerfile;
  if (name.startsWith('makefile') || name.startsWith('gnumakefile')) return makefile;
  if (name.startsWith('jenkinsfile')) return groovy;
  if (name.startsWith('.env.')) return shell;
  const dot = name.lastIndexOf('.');
  if (dot < 0) return undefined;
  return byExtension[name.slice(dot + 1)];
}

/**
 * The import reader of a file, by its extension (case-insensitive); undefined for files without
 * an extension (`Makefile`), dotfiles (`.ts`) and languages whose imports Rationale does not read.
 */
export function importReaderOf(path: string): ImportReader | undefined {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot <= slash + 1) return undefined;
  return importReaderByExtension[path.slice(dot + 1).toLowerCase()];
}

/** Every extension that has an import reader, for tests that hold the table together. */
export function extensionsWithImportReader(): string[] {
  return Object.keys(importReaderByExtension);
}

/** The syntax for scanning a file: the language's own, or the shared markers for unknown files. */
export function commentSyntaxFor(pathOrLanguageId: string): CommentSyntax {
  return knownCommentSyntax(pathOrLanguageId) ?? fallbackCommentSyntax;
}

/**
 * The line-comment marker to write in a file (`//`, `#`, `--`, …), from a path or a VS Code language
 * id; undefined when the language is unknown or has only block comments (HTML, CSS: see `blockCommentFor`).
 */
export function lineCommentFor(pathOrLanguageId: string): string | undefined {
  return knownCommentSyntax(pathOrLanguageId)?.line[0]?.text;
}

/** The block-comment pair to write (`/* … *\/`, `<!-- … -->`); undefined when unknown or there is none. */
export function blockCommentFor(pathOrLanguageId: string): { open: string; close: string } | undefined {
  const s = knownCommentSyntax(pathOrLanguageId);
  // Docstrings and `=begin` blocks are comments to read, not what an editor command should write.
  const b = s?.block.find((m) => !m.openAtLineStart && !m.closeAtLineStart);
  return b ? { open: b.open, close: b.close } : undefined;
}

/**
 * A one-line comment holding `body` in the file's syntax: `// @decision ADR-0007`,
 * `<!-- @decision ADR-0007 -->`. Unknown languages get `//`, the most widely understood marker.
 */
export function commentLine(pathOrLanguageId: string, body: string): string {
  const line = lineCommentFor(pathOrLanguageId);
  if (line) return `${line} ${body}`;
  const block = blockCommentFor(pathOrLanguageId);
  if (block) return `${block.open} ${body} ${block.close}`;
  return `// ${body}`;
}
