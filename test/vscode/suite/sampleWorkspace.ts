// What the extension-host tests share: the sample workspace copy that runIntegration.mjs
// opened, the running Rationale extension, and waiting on conditions (the language server
// answers asynchronously: indexing, pull diagnostics and re-checks after an edit all take
// a moment, so tests poll for the state they expect instead of sleeping).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'rationale.rationale-cli';

/** What the extension's `activate` returns (client/src/extension.ts, `RationaleApi`). */
export interface RationaleApi {
  whenIndexed(): Promise<{ counts: Record<'goal' | 'project' | 'decision', number>; files: number }>;
  mentalModelTopLevel(): Promise<string[]>;
  mentalModelLabels(): Promise<string[]>;
  mentalModelState(): { visible: boolean; selected: string[]; loads: number };
  statusBarText(): string | undefined;
  /** The This File view, depth-first, indented two spaces a level: `label — description`. */
  thisFileRows(): string[];
  readonly logUri: vscode.Uri;
}

/** The workspace folder: the temporary copy of sample/ made by runIntegration.mjs. */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a folder is open (runIntegration.mjs opens a copy of sample/)');
  return folder;
}

/** URI of a file of the sample workspace, by its path relative to the folder. */
export function sampleUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relativePath.split('/'));
}

/** Activates Rationale (if the workspace did not already) and waits for its first index. */
export async function rationaleIndexed(): Promise<RationaleApi> {
  const extension = vscode.extensions.getExtension<RationaleApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is loaded`);
  const api = await extension.activate();
  assert.ok(api && typeof api.whenIndexed === 'function', 'activate() returns the test API');
  const counts = await withTimeout(api.whenIndexed(), 60_000, 'the first index');
  assert.ok(counts.counts.decision > 0, `the index found decisions: ${JSON.stringify(counts)}`);
  return api;
}

/**
 * Calls `probe` until it returns something truthy (returned) or the timeout passes (the
 * assertion fails with `what` and the last value seen). A probe that throws counts as "not
 * yet", so probes may use assertions; the last error is reported.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  { timeoutMs = 20_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (last) return last as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError instanceof Error ? lastError.message : JSON.stringify(last);
      assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Zero-based position of the first occurrence of `needle` in the document (offset into it). */
export function positionOf(document: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `${vscode.workspace.asRelativePath(document.uri)} contains ${JSON.stringify(needle)}`);
  return document.positionAt(index + offsetInNeedle);
}

/** The diagnostic's code as a string (it is `{ value, target }` when the server links a help page). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}

/** Rationale's diagnostics with this code currently known for `uri`. */
export function rationaleDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'rationale' && (code === undefined || codeOf(d) === code));
}

/** A compact description of diagnostics, for assertion messages. */
export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.source}/${codeOf(d)} ${d.message}`));
}

/**
 * Text of hover contents (MarkdownString, MarkedString or plain string), with Markdown
 * backslash escapes removed (the server escapes document text it puts in hovers).
 */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#!|<>~&+.-])/g, '$1');
}

/**
 * Puts `uri`'s text back as it was on disk when the test started (tests that edit documents
 * call this in teardown, so the other tests see the sample unchanged whatever the order).
 */
export async function restoreText(uri: vscode.Uri, original: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() !== original) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(edit), `restoring ${uri.fsPath}`);
  }
  if (document.isDirty) await document.save();
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** The file name of a URI (its last path segment). */
export const fileName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/**
 * Runs a command that shows a quick pick and presses Enter on it, as a person would, once it has
 * an item to accept (pickers fill asynchronously: Enter on an empty list does nothing, so it is
 * pressed again until the command finishes). Resolves with what the command returned.
 */
export function acceptQuickPick<T>(what: string, command: () => Thenable<T>): Promise<T> {
  return answerQuickInput(what, command, 'workbench.action.acceptSelectedQuickOpenItem');
}

/** Like acceptQuickPick, but presses Escape on the quick pick or input box the command shows. */
export function escapeQuickInput<T>(what: string, command: () => Thenable<T>): Promise<T> {
  return answerQuickInput(what, command, 'workbench.action.closeQuickOpen');
}

async function answerQuickInput<T>(what: string, command: () => Thenable<T>, gesture: string): Promise<T> {
  let result: { value: T } | undefined;
  let failure: { error: unknown } | undefined;
  command().then(
    (value) => (result = { value }),
    (error: unknown) => (failure = { error }),
  );
  await waitFor(what, async () => {
    if (result || failure) return true;
    await vscode.commands.executeCommand(gesture);
    return result !== undefined || failure !== undefined;
  });
  if (failure) throw failure.error;
  return result!.value;
}

/** Creates a file of the sample workspace on disk (outside any editor), creating its folder. */
export async function writeSampleFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = sampleUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/**
 * Deletes files a test created (one already gone is fine), the way the Explorer does: a
 * WorkspaceEdit, which also closes their documents (deleted underneath, they would stay open
 * and, for the language server, alive). Then reindexes, so the next test's quick picks and trees
 * do not still list them.
 */
export async function deleteCreated(uris: readonly vscode.Uri[]): Promise<void> {
  if (uris.length === 0) return;
  const edit = new vscode.WorkspaceEdit();
  for (const uri of uris) edit.deleteFile(uri, { ignoreIfNotExists: true });
  assert.ok(await vscode.workspace.applyEdit(edit), `deleting ${uris.map((u) => vscode.workspace.asRelativePath(u)).join(', ')}`);
  const deleted = new Set(uris.map((u) => u.toString()));
  await waitFor('the deleted files\' documents to close', () => !vscode.workspace.textDocuments.some((d) => deleted.has(d.uri.toString())));
  await vscode.commands.executeCommand('rationale.reindex');
}

/**
 * For a suite whose tests create files: waits for the first index, and after each test closes
 * every editor and deletes what the test pushed onto the returned list.
 */
export function filesCreatedBySuite(): vscode.Uri[] {
  const created: vscode.Uri[] = [];
  suiteSetup(async () => {
    await rationaleIndexed();
  });
  teardown(async () => {
    // Leave the sample as the other tests expect it: close and delete what was created.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteCreated(created.splice(0));
  });
  return created;
}

/**
 * Changes a setting in the user settings (as a person would in the Settings editor) and
 * resolves once the change reached the extension.
 */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const [section, ...rest] = key.split('.');
  const name = rest.join('.');
  await vscode.workspace.getConfiguration(section).update(name, value, vscode.ConfigurationTarget.Global);
  await waitFor(`${key} = ${JSON.stringify(value)}`, () => {
    const now = vscode.workspace.getConfiguration(section).inspect(name)?.globalValue;
    return JSON.stringify(now) === JSON.stringify(value);
  });
}
