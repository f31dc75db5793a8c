import type { Finding } from '../base/finding.js';
import { range } from '../base/range.js';
import type { CompiledRules } from '../rules/ruleEngine.js';
import type { ReadProblem } from '../workspace/workspace.js';

/**
 * The finding for a listed file the checker cannot read as text (a NUL byte, over the size limit,
 * not a regular file). In the scope of a rule it is an error: otherwise one byte would let any file
 * skip every rule and pass the check. Outside every rule's scope only its annotations could have
 * been missed, so it is info; and a binary file there (by content, like images by their extension,
 * which are never even listed) has no text to hold annotations, so it is not reported at all.
 */
export function unreadableFileFinding(rules: CompiledRules, path: string, problem: ReadProblem): Finding | undefined {
  const decisions = rules.appliesTo(path) ? rules.decisionsFor(path) : [];
  const governed = decisions.length > 0;
  if (!governed && problem.binary) return undefined;
  return {
    path,
    range: range(0, 0, 0, 0),
    severity: governed ? 'error' : 'info',
    code: 'unreadable-file',
    decision: governed ? decisions[0] : null,
    message: governed
      ? `${path} cannot be read (${problem.reason}), so the rules of ${decisions.join(', ')} did not check it.`
      : `${path} cannot be read (${problem.reason}); no rule applies to it, but its annotations were not scanned.`,
    data: { problem: problem.reason },
  };
}
