import { extractCIncludes } from './cIncludes.js';
import { extractCSharpImports } from './csharpImports.js';
import { extractGoImports } from './goImports.js';
import type { ImportFamily, ImportRef } from './importRef.js';
import { extractComponentImports, extractJavaScriptImports } from './javascriptImports.js';
import { extractJvmImports } from './jvmImports.js';
import { extractPythonImports } from './pythonImports.js';
import { extractRustImports } from './rustImports.js';
import { importReaderOf, type ImportReader } from './commentSyntax.js';

export type { ImportFamily, ImportRef } from './importRef.js';

interface Extractor {
  family: ImportFamily;
  extract: (text: string) => ImportRef[];
}

/** One extractor per import reader of the language table (commentSyntax.ts). */
const extractors: Record<ImportReader, Extractor> = {
  javascript: { family: 'javascript', extract: extractJavaScriptImports },
  component: { family: 'javascript', extract: extractComponentImports },
  python: { family: 'python', extract: extractPythonImports },
  go: { family: 'go', extract: extractGoImports },
  java: { family: 'jvm', extract: (t) => extractJvmImports(t, false) },
  kotlin: { family: 'jvm', extract: (t) => extractJvmImports(t, true) },
  rust: { family: 'rust', extract: extractRustImports },
  csharp: { family: 'csharp', extract: extractCSharpImports },
  c: { family: 'c', extract: extractCIncludes },
};

// Every rule asks about the file being checked: remember the answer for the last path.
let lastPath: string | undefined;
let lastExtractor: Extractor | undefined;

function extractorFor(path: string): Extractor | undefined {
  if (path !== lastPath) {
    const reader = importReaderOf(path);
    lastExtractor = reader && extractors[reader];
    lastPath = path;
  }
  return lastExtractor;
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
