import type { Finding } from './finding.js';
import { range } from './range.js';

// @decision ADR-0006: a crash becomes a finding, never a silent pass.

/**
 * The finding for a bug of ours that hit while checking a file (a rule or an extractor threw).
 * It is an error whatever the configuration says, and the CLI exits 2 on it: swallowing it would
 * turn a crashing rule into a passing check.
 */
export function internalErrorFinding(path: string, decision: string | null, doing: string, error: unknown): Finding {
  const why = error instanceof Error ? error.message : String(error);
  return {
    path,
    range: range(0, 0, 0, 0),
    severity: 'error',
    code: 'internal-error',
    decision,
    message: `Internal error while ${doing} in ${path}: ${why}. The file was not fully checked; please report this as a bug.`,
  };
}
