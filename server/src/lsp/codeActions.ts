import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type SnippetTextEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { FixEdit, QuickFix } from '../core/features/quickFixes.js';
import { diagnosticSource, type DiagnosticData } from './convert.js';
import type { Sessions } from './sessions.js';

export interface CodeActionOptions {
  /** The client applies LSP 3.18 snippet edits: inserts with a placeholder send it as a snippet. */
  snippetEdits: boolean;
}

/**
 * The fix's edits as one workspace edit. With snippet support, an insert that has a placeholder
 * (the reason of an exception) is a snippet edit, so the editor selects the placeholder and the
 * user types the reason at once; it is still one ordinary, undoable edit.
 */
function toWorkspaceEdit(uri: string, edits: readonly FixEdit[], options: CodeActionOptions): WorkspaceEdit {
  if (!options.snippetEdits || !edits.some((e) => e.snippet !== undefined)) {
    return { changes: { [uri]: edits.map((e): TextEdit => ({ range: e.range, newText: e.newText })) } };
  }
  const converted = edits.map((e): TextEdit | SnippetTextEdit => (e.snippet === undefined ? { range: e.range, newText: e.newText } : { range: e.range, snippet: { kind: 'snippet', value: e.snippet } }));
  return { documentChanges: [{ textDocument: { uri, version: null }, edits: converted }] };
}

function toCodeAction(uri: string, diagnostic: Diagnostic, fix: QuickFix, options: CodeActionOptions): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred,
    edit: fix.edits ? toWorkspaceEdit(uri, fix.edits, options) : undefined,
    command: fix.command,
  };
}

/** Quick fixes for Rationale's own diagnostics. */
export function onCodeAction(sessions: Sessions, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const uri = params.textDocument.uri;
  const at = sessions.locate(uri);
  if (!at) return [];
  const fixes = params.context.diagnostics
    .filter((d) => d.source === diagnosticSource)
    .flatMap((diagnostic) => {
      const data = (diagnostic.data ?? { decision: null }) as DiagnosticData;
      const finding = { ...data, code: String(diagnostic.code), range: diagnostic.range };
      return at.session.features.quickFixes(at.path, finding).map((fix) => toCodeAction(uri, diagnostic, fix, options));
    });
  // A document's own actions (mentions into applies-to) need no diagnostic.
  const own = at.session.features.documentActions(at.path).map((fix): CodeAction => ({ title: fix.title, kind: CodeActionKind.QuickFix, edit: fix.edits ? toWorkspaceEdit(uri, fix.edits, options) : undefined }));
  return [...fixes, ...own];
}
