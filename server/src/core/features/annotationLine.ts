import { LineMap } from '../base/range.js';
import { commentLine, knownCommentSyntax } from '../source/commentSyntax.js';

export interface AnnotationLineRequest {
  /** The goal, project or decision the code follows. */
  id: string;
  /** Zero-based line the annotation goes above; its indentation is copied. */
  line: number;
  /** The editor's language id; it picks the syntax when it names a known language. */
  languageId?: string;
}

/**
 * The line Link Code to Decision inserts above `line`: `// @decision ADR-0007` in the file's comment
 * syntax, indented like the line it annotates, without a line break. `fileName` is the file's path
 * or name; `text` its current text.
 */
export function annotationLine(fileName: string, text: string, request: AnnotationLineRequest): string {
  // `plaintext` or an unknown language id says nothing; the file name (`Jenkinsfile`, `x.tf`) may.
  const syntaxKey = request.languageId && knownCommentSyntax(request.languageId) ? request.languageId : fileName;
  const indent = /^\s*/.exec(new LineMap(text).lineText(request.line))?.[0] ?? '';
  return `${indent}${commentLine(syntaxKey, `@decision ${request.id}`)}`;
}
