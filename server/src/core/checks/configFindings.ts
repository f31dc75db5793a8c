import type { Finding } from '../base/finding.js';
import { range } from '../base/range.js';
import { configFileName } from '../workspace/config.js';
import type { WorkspaceIndex } from '../index/workspaceIndex.js';

/**
 * The index's configuration problems as `invalid-config` warnings, each on the file it names
 * (`.rationale.json`, `.adr-dir`, `.log4brains.yml`; messages start with `<file>: `). A warning,
 * not an error: the valid part of the configuration applies, so the check itself is still sound,
 * and the other commands print the same messages as warnings.
 */
export function configFindings(index: WorkspaceIndex): Finding[] {
  return index.configErrors.map((message) => {
    const colon = message.indexOf(': ');
    const named = colon > 0 ? message.slice(0, colon) : '';
    return {
      path: named && (named === configFileName || index.fileSet.has(named)) ? named : configFileName,
      range: range(0, 0, 0, 0),
      severity: 'warning',
      code: 'invalid-config',
      decision: null,
      message,
    };
  });
}
