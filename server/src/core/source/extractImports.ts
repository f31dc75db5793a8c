import { extractCIncludes } from './cIncludes.js';
import { extractCSharpImports } from './csharpImports.js';
import { extractGoImports } from './goImports.js';
import type { ImportFamily, ImportRef } from './importRef.js';
import { extractComponentImports, extractJavaScriptImports } from './javascriptImports.js';
import { extractJvmImports } from './jvmImports.js';
import { extractPythonImports } from './pythonImports.js';
import { extractRustImports } from './rustImports.js';

export type { ImportFamily, ImportRef } from './importRef.js';

interface Extractor {
  family: ImportFamily;
  extract: (text: string) => ImportRef[];
}

const javascript: Extractor = { family: 'javascript', extract: extractJavaScriptImports };
const component: Extractor = { family: 'javascript', extract: extractComponentImports };
const python: Extractor = { family: 'python', extract: extractPythonImports };
const go: Extractor = { family: 'go', extract: extractGoImports };
const java: Extractor = { family: 'jvm', extract: (t) => extractJvmImports(t, false) };
const kotlin: Extractor = { family: 'jvm', extract: (t) => extractJvmImports(t, true) };
const rust: Extractor = { family: 'rust', extract: extractRustImports };
const csharp: Extractor = { family: 'csharp', extract: extractCSharpImports };
const c: Extractor = { family: 'c', extract: extractCIncludes };

const byExtension: ReadonlyMap<string, Extractor> = new Map([
  ...['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'mts', 'cts'].map((e) => [e, javascript] as const),
  ['vue', component],
  ['svelte', component],
  ...['py', 'pyi', 'pyw'].map((e) => [e, python] as const),
  ['go', go],
  ['java', java],
  ['groovy', java],
  ...['kt', 'kts', 'scala'].map((e) => [e, kotlin] as const),
  ['rs', rust],
  ['cs', csharp],
  ...['c', 'h', 'cc', 'cpp', 'cxx', 'c++', 'hpp', 'hh', 'hxx', 'h++', 'ipp', 'inl', 'm', 'mm'].map((e) => [e, c] as const),
]);

// Every rule asks about the file being checked: remember the answer for the last path.
let lastPath: string | undefined;
let lastExtractor: Extractor | undefined;

function extractorFor(path: string): Extractor | undefined {
  if (path !== lastPath) {
    lastExtractor = extractorByExtension(path);
    lastPath = path;
  }
  return lastExtractor;
}

function extractorByExtension(path: string): Extractor | undefined {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot <= slash + 1) return undefined; // no extension, or a dotfile like `.gitignore`
  return byExtension.get(path.slice(dot + 1).toLowerCase());
}

/** The language family of a file, when Rationale can read its imports. */
export function importFamilyOf(path: string): ImportFamily | undefined {
  return extractorFor(path)?.family;
}

export function hasImportExtractor(path: string): boolean {
  return extractorFor(path) !== undefined;
}

/**
 * The modules a file imports, in file order, found without parsing the language: comments and
 * string literals are masked first, then per-language regexes read the import statements.
 * Unknown file types give no imports. An extractor that throws is a bug, and it is not swallowed:
 * the rule engine reports it as an `internal-error`, so the check fails instead of passing a file
 * whose imports were never looked at.
 */
export function extractImports(path: string, text: string): ImportRef[] {
  const ex = extractorFor(path);
  return ex ? ex.extract(text) : [];
}
