import type { Finding } from '../base/finding.js';
import { range } from '../base/range.js';
import type { CompiledRules } from '../rules/ruleEngine.js';

/**
 * The finding for a listed file the checker cannot read as text (a NUL byte, over the size limit,
 * not a regular file). In the scope of a rule it is an error: otherwise one byte would let any file skip
 * every rule and pass the check. Outside every rule's scope nothing was skipped but its annotations,
 * so it is only info. Files binary by their extension (images, archives) are never listed at all.
 */
export function unreadableFileFinding(rules: CompiledRules, path: string, problem: string): Finding {
  const decisions = rules.appliesTo(path) ? rules.decisionsFor(path) : [];
  const governed = decisions.length > 0;
  return {
    path,
    range: range(0, 0, 0, 0),
    severity: governed ? 'error' : 'info',
    code: 'unreadable-file',
    decision: governed ? decisions[0] : null,
    message: governed
      ? `${path} cannot be read (${problem}), so the rules of ${decisions.join(', ')} did not check it.`
      : `${path} cannot be read (${problem}); no rule applies to it, but its annotations were not scanned.`,
    data: { problem },
  };
}
