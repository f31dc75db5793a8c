/**
 * The extension's settings, read in one place with their defaults (which must match the defaults
 * declared in package.json's `contributes.configuration`).
 */
import * as vscode from 'vscode';
import type { ServerInitializationOptions } from '../../server/src/protocol';

export const settingsSection = 'rationale';

export interface RationaleSettings {
  enable: boolean;
  workspaceDiagnostics: boolean;
  maxFileSizeBytes: number;
  cacheEnabled: boolean;
  showRetired: boolean;
  statusBarEnabled: boolean;
  exceptionDays: number;
}

export function readSettings(): RationaleSettings {
  const c = vscode.workspace.getConfiguration(settingsSection);
  const maxFileSizeBytes = c.get<number>('maxFileSizeBytes', 1_048_576);
  return {
    enable: c.get<boolean>('enable', true),
    workspaceDiagnostics: c.get<boolean>('workspaceDiagnostics', true),
    // A hand-edited settings.json can hold anything; the server gets a sane positive integer.
    maxFileSizeBytes: Number.isFinite(maxFileSizeBytes) && maxFileSizeBytes > 0 ? Math.floor(maxFileSizeBytes) : 1_048_576,
    cacheEnabled: c.get<boolean>('cache.enabled', true),
    showRetired: c.get<boolean>('tree.showRetired', false),
    statusBarEnabled: c.get<boolean>('statusBar.enabled', true),
    exceptionDays: wholeDays(c.get<number>('exceptions.defaultDays', 90)),
  };
}

/** A hand-edited value the server can use: a whole number of days, 0 (no end date) for anything negative or not a number. */
function wholeDays(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? Math.floor(x) : 0;
}

/** What the server reads in `initializationOptions` (one type in protocol.ts); this client sends every field. */
export function initializationOptions(version: string): Required<ServerInitializationOptions> {
  const s = readSettings();
  return { maxFileSizeBytes: s.maxFileSizeBytes, workspaceDiagnostics: s.workspaceDiagnostics, cache: s.cacheEnabled, version, appRoot: vscode.env.appRoot, exceptionDays: s.exceptionDays };
}

/** Settings the server only reads at start, so changing one restarts it. */
export const restartingSettings = ['rationale.workspaceDiagnostics', 'rationale.maxFileSizeBytes', 'rationale.cache.enabled', 'rationale.exceptions.defaultDays'] as const;
