/**
 * What the bench's client says in `initialize`, so the server under measure takes the paths it takes
 * for VS Code: the capabilities vscode-languageclient 11 fills in (the ones Rationale's server reads,
 * and the ones around them), and the initializationOptions client/src/settings.ts builds from the
 * settings' defaults in package.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticTag, type ClientCapabilities, type InitializeParams } from 'vscode-languageserver-protocol/node';
import type { ServerInitializationOptions } from '../server/src/protocol.js';

const tagSupport = { valueSet: [DiagnosticTag.Unnecessary, DiagnosticTag.Deprecated] };

/** As vscode-languageclient's computeClientCapabilities and its features announce them. */
export const vscodeCapabilities: ClientCapabilities = {
  workspace: {
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'textOnlyTransactional', normalizesLineEndings: true, changeAnnotationSupport: { groupsOnLabel: true }, metadataSupport: true, snippetEditSupport: true },
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    symbol: { dynamicRegistration: true },
    executeCommand: { dynamicRegistration: true },
    workspaceFolders: true,
    diagnostics: { refreshSupport: true },
    semanticTokens: { refreshSupport: true },
    codeLens: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    inlineValue: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: false, tagSupport, codeDescriptionSupport: true, dataSupport: true },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false, relatedInformation: true, tagSupport, codeDescriptionSupport: true, dataSupport: true, markupMessageSupport: false },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    completion: { dynamicRegistration: true, contextSupport: true, completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    definition: { dynamicRegistration: true, linkSupport: true },
    references: { dynamicRegistration: true },
    documentLink: { dynamicRegistration: true, tooltipSupport: true },
    codeAction: { dynamicRegistration: true, isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } } },
    filters: { relativePatternSupport: true },
  },
  window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true } },
  general: { positionEncodings: ['utf-16'], regularExpressions: { engine: 'ECMAScript', version: 'ES2020' }, markdown: { parser: 'marked', version: '1.1.0' } },
};

interface SettingsSchema {
  version: string;
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
}

/** client/src/settings.ts's initializationOptions with every setting at its default. */
export function defaultInitializationOptions(repo: string): Required<ServerInitializationOptions> {
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as SettingsSchema;
  const setting = (name: string) => pkg.contributes.configuration.properties[`rationale.${name}`]?.default;
  return {
    maxFileSizeBytes: Number(setting('maxFileSizeBytes')),
    workspaceDiagnostics: setting('workspaceDiagnostics') === true,
    cache: setting('cache.enabled') === true,
    version: pkg.version,
    exceptionDays: Number(setting('exceptions.defaultDays')),
    // No VS Code here, so no bundled ripgrep: the server finds Debian's on the PATH (ensure-ripgrep.sh).
    appRoot: '',
  };
}

/** `initialize` for one workspace folder, as VS Code sends it. */
export function initializeParams(root: string, processId: number, options: ServerInitializationOptions): InitializeParams {
  const rootUri = pathToFileURL(root).href;
  return {
    processId,
    clientInfo: { name: 'Visual Studio Code', version: '1.138.0' },
    locale: 'en',
    rootPath: root,
    rootUri,
    capabilities: vscodeCapabilities,
    initializationOptions: options,
    trace: 'off',
    workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
  };
}
