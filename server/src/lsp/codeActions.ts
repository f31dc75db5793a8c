import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import { commentLine } from '../core/source/commentSyntax.js';
import { supersedeEdits } from '../core/features/newDocument.js';
import { LineMap } from '../core/base/range.js';
import { resolveId } from '../core/index/workspaceIndex.js';
import { clientCommands } from '../protocol.js';
import { ruleKinds } from '../core/rules/ruleSpec.js';
import { retiredReferenceCodes } from '../core/checks/referenceChecks.js';
import { diagnosticSource, type DiagnosticData } from './convert.js';
import type { Sessions } from './sessions.js';

const ruleCodes = new Set<string>([...ruleKinds, ...Object.values(retiredReferenceCodes).flatMap((c) => c ?? [])]);

/** Quick fixes for Rationale's own diagnostics. */
export function onCodeAction(sessions: Sessions, params: CodeActionParams): CodeAction[] {
  const at = sessions.locate(params.textDocument.uri);
  if (!at) return [];
  const { session, path } = at;
  const text = session.textOf(path);
  if (text === undefined) return [];
  const uri = params.textDocument.uri;
  const index = session.index;
  const out: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== diagnosticSource) continue;
    const data = (diagnostic.data ?? {}) as DiagnosticData;
    const code = String(diagnostic.code);
    if (code === 'superseded-reference' && data.successor) {
      out.push({
        title: `Replace with ${data.successor} (the decision in force)`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: diagnostic.range, newText: data.successor }] } },
      });
    }
    if (code === 'superseded-still-accepted' && data.successor) {
      const doc = index.documents.get(path);
      const successor = resolveId(index, data.successor, 'decision');
      if (doc && successor) {
        const edits = supersedeEdits(doc, text, successor);
        out.push({
          title: `Mark ${doc.id} as superseded by ${successor.id}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { changes: { [uri]: edits } },
        });
      }
    }
    if (code === 'unknown-id' && data.id) {
      out.push({
        title: `Create ${data.kind ?? 'decision'} ${data.id}…`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: 'Create document', command: clientCommands.createDocumentForId, arguments: [data.id, data.kind ?? 'decision'] },
      });
    }
    if (ruleCodes.has(code) && !index.documents.has(path)) {
      const edit = disableNextLineEdit(path, text, diagnostic, data.decision ?? code);
      out.push({
        title: `Record an exception to ${data.decision ?? code} for this line (reason required)`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [edit] } },
      });
    }
  }
  return out;
}

/** Inserts `<comment> rationale-disable-next-line ID -- <reason>` above the line, indented like it. */
function disableNextLineEdit(path: string, text: string, diagnostic: Diagnostic, id: string): TextEdit {
  const line = diagnostic.range.start.line;
  const lines = new LineMap(text);
  const current = lines.lineText(line);
  const indent = /^\s*/.exec(current)?.[0] ?? '';
  const comment = commentLine(path, `rationale-disable-next-line ${id} -- <reason>`);
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${comment}\n` };
}
