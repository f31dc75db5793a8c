import type { FindingCode } from '../core/base/finding.js';
import { ruleKindsInWords } from '../core/rules/ruleSpec.js';

export interface FindingHelp {
  /** A short name, PascalCase as SARIF's `rule.name` suggests. */
  name: string;
  /** One sentence: what the finding means. */
  short: string;
  /** What to do about it. */
  help: string;
}

/**
 * What each finding code means and how to resolve it: SARIF rules carry this as help text. A
 * `Record` over every code, so a new code does not compile until it is explained here.
 */
export const findingHelp: Record<FindingCode, FindingHelp> = {
  'forbid-import': {
    name: 'ForbiddenImport',
    short: 'Code imports a module that an accepted decision forbids.',
    help: 'Read the decision named in the message and use the alternative it chose. If this file is a deliberate exception, add `rationale-disable-next-line <decision id> -- <reason>` above the import.',
  },
  'forbid-pattern': {
    name: 'ForbiddenPattern',
    short: 'Code contains a pattern that an accepted decision forbids.',
    help: 'Rewrite the code as the decision prescribes, or record an exception with `rationale-disable-next-line <decision id> -- <reason>`.',
  },
  'require-pattern': {
    name: 'MissingRequiredPattern',
    short: 'A file lacks a pattern that an accepted decision requires.',
    help: 'Add what the decision requires (for example a licence header), or narrow the rule\'s `files` in the decision if this file should not need it.',
  },
  'forbid-dependency': {
    name: 'ForbiddenDependency',
    short: 'A manifest declares a dependency that an accepted decision forbids.',
    help: 'Remove the dependency from the manifest and use the alternative the decision chose, or supersede the decision if it no longer holds.',
  },
  'forbid-layer': {
    name: 'ForbiddenLayerImport',
    short: 'Code in one layer imports from a layer an accepted decision keeps it away from.',
    help: 'Go through the layer the decision allows (for example a service between UI and database code) instead of importing across layers directly.',
  },
  'invalid-rule': {
    name: 'InvalidRule',
    short: 'A decision declares a rule that cannot be checked.',
    help: `Fix the rule in the decision's front matter: one of ${ruleKindsInWords}, with valid globs and an RE2 regular expression.`,
  },
  'unknown-id': {
    name: 'UnknownId',
    short: 'A reference names a goal, project or decision that does not exist.',
    help: 'Correct the id (ADR-0007, ADR-7 and the file slug all work), or create the missing document with `rationale new`.',
  },
  'superseded-reference': {
    name: 'SupersededReference',
    short: 'Code or a document cites a decision that has been superseded.',
    help: 'Check that the code still matches the successor decision named in the message, then cite the successor instead.',
  },
  'deprecated-reference': {
    name: 'DeprecatedReference',
    short: 'Code or a document cites a deprecated decision.',
    help: 'The decision no longer holds. Cite the decision that replaced it, or remove the reference if nothing governs this code any more.',
  },
  'rejected-reference': {
    name: 'RejectedReference',
    short: 'Code or a document cites a rejected decision.',
    help: 'A rejected decision was never adopted; cite the decision that was accepted instead, or remove the reference.',
  },
  'broken-link': {
    name: 'BrokenLink',
    short: 'A document links to a file that does not exist inside the workspace.',
    help: 'Correct the relative link, or remove it. Links that leave the workspace are never followed.',
  },
  'suppression-without-reason': {
    name: 'ExceptionWithoutReason',
    short: 'A `rationale-disable-next-line` exception gives no reason.',
    help: 'Exceptions are recorded, not hidden: add the reason after `--`, for example `rationale-disable-next-line ADR-0012 -- legacy module, removed in Q3`.',
  },
  'unused-suppression': {
    name: 'UnusedException',
    short: 'A `rationale-disable-next-line` exception silences nothing.',
    help: 'The code it excused has changed; remove the exception.',
  },
  'expired-exception': {
    name: 'ExpiredException',
    short: 'A `rationale-disable-next-line … until DATE` exception has passed its end date.',
    help: 'After its `until` date an exception excuses nothing. Fix the code it excused, or renew the exception with a later date and a reason that still holds.',
  },
  'malformed-exception': {
    name: 'MalformedException',
    short: 'A `rationale-disable-next-line … until DATE` exception has an end date that is not a real `YYYY-MM-DD` day.',
    help: 'Write the last day the exception holds as `until YYYY-MM-DD` (for example `until 2027-03-01`). Until the date reads, the exception excuses nothing.',
  },
  'stale-baseline': {
    name: 'StaleBaseline',
    short: 'An entry of `.rationale-baseline.json` matches no finding any more.',
    help: 'The finding it accepted was fixed (or its line changed). Run `rationale baseline --prune` to remove such entries, and commit the file.',
  },
  'duplicate-id': {
    name: 'DuplicateId',
    short: 'Two documents have the same id.',
    help: 'Give one of them another id (renumber the file or change its front matter `id:`), so references resolve to one document.',
  },
  'supersede-cycle': {
    name: 'SupersedeCycle',
    short: 'Decisions supersede each other in a cycle.',
    help: 'Follow the chain in the message and remove the link that points back; the newest decision should supersede the older ones, not the other way round.',
  },
  'superseded-without-successor': {
    name: 'SupersededWithoutSuccessor',
    short: 'A decision says it is superseded but names no successor that exists.',
    help: 'Name the successor (`superseded by ADR-0012`, or a `superseded-by:` field), or set another status.',
  },
  'superseded-still-accepted': {
    name: 'SupersededStillAccepted',
    short: 'A decision is superseded by another one but still says it is accepted.',
    help: 'Set the older decision\'s status to `superseded by <successor>`; `rationale new adr --supersedes <id>` does this for new decisions.',
  },
  'project-without-goal': {
    name: 'ProjectWithoutGoal',
    short: 'A project serves no goal.',
    help: 'Add the goals it serves to its front matter (`goals: [GOAL-…]`), so everyone can see why it matters.',
  },
  'goal-without-project': {
    name: 'GoalWithoutProject',
    short: 'No project serves this goal.',
    help: 'Link a project to it (`goals:` in the project\'s front matter), or mark the goal achieved or dropped.',
  },
  'applies-to-matches-nothing': {
    name: 'AppliesToMatchesNothing',
    short: 'A decision\'s `applies-to` glob matches no file.',
    help: 'Correct the glob (globs are relative to the workspace root), or remove it if the code it governed is gone.',
  },
  'review-overdue': {
    name: 'ReviewOverdue',
    short: 'A document\'s `review-by` date has passed.',
    help: 'Review the document: confirm it (and move `review-by` forward), or supersede or deprecate it.',
  },
  'unknown-status': {
    name: 'UnknownStatus',
    short: 'A document has a status Rationale does not know.',
    help: 'Use a standard status (decisions: proposed, accepted, rejected, deprecated, superseded, draft, on hold), or map your word to one in `.rationale.json` under `statusMap`.',
  },
  'schema-violation': {
    name: 'SchemaViolation',
    short: 'A front matter field has the wrong shape.',
    help: 'Correct the field as the message says; the schemas in `schemas/` describe every field.',
  },
  'malformed-front-matter': {
    name: 'MalformedFrontMatter',
    short: 'A document\'s YAML front matter cannot be parsed.',
    help: 'Fix the YAML between the `---` lines; quote values that contain `: ` or start with special characters.',
  },
  'unreadable-file': {
    name: 'UnreadableFile',
    short: 'A file could not be read, so no rule checked it.',
    help: 'A file in the scope of a rule must be readable text (UTF-8 or another ASCII-compatible encoding, or UTF-16 with a byte order mark; no NUL bytes) within `maxFileSizeBytes`: otherwise one byte would let it skip every rule. Convert the file, raise `maxFileSizeBytes` in `.rationale.json`, or exclude the file from the rule (`except`) or from Rationale (`ignore`). Outside every rule\'s scope the finding is only informational, and binary files there are not reported.',
  },
  'invalid-config': {
    name: 'InvalidConfiguration',
    short: '`.rationale.json` is not valid.',
    help: 'Fix `.rationale.json` as the message says; `schemas/config.schema.json` describes every setting. The valid settings still apply; the invalid ones are ignored.',
  },
  'internal-error': {
    name: 'InternalError',
    short: 'Rationale failed while checking a file, so the file was not fully checked.',
    help: 'This is a bug in Rationale, not in your repository: `rationale check` exits 2 so the failure is not mistaken for a pass. Please report it with the message (it names the file, the decision and the error).',
  },
  'requirement-not-covered': {
    name: 'RequirementNotCovered',
    short: 'A specification item needs an artifact type (`Needs: impl`) and nothing of that type covers it.',
    help: 'Add a coverage tag such as `[impl->req~name~1]` in a comment of the code that implements it (or `[utest->…]` in its test), or write an item with `Covers: req~name~1`.',
  },
  'unknown-requirement': {
    name: 'UnknownRequirement',
    short: 'A coverage tag or a `Covers:` entry names no specification item.',
    help: 'Check the spelling and the revision against the item (`type~name~revision`), or write the missing item.',
  },
  'outdated-requirement': {
    name: 'OutdatedRequirement',
    short: 'A coverage tag or a `Covers:` entry covers an older revision of an item.',
    help: 'The item changed since this was tagged: check that the code still does what the new revision asks, then raise the revision in the tag.',
  },
  'duplicate-requirement': {
    name: 'DuplicateRequirement',
    short: 'Two specification items have the same id.',
    help: 'Rename one of them, or raise its revision, so coverage goes where it is meant to.',
  },
  'malformed-requirement': {
    name: 'MalformedRequirement',
    short: 'Something looks like a specification item id, a coverage tag or an item\'s entry but is not one.',
    help: 'Write ids as `type~name~revision` (`req~login~2`) and tags as `[type->type~name~revision]` (`[impl->req~login~2]`).',
  },
};

/** Help for a code the catalogue does not know (a newer core than this CLI). */
export function helpFor(code: string): FindingHelp {
  return (findingHelp as Record<string, FindingHelp>)[code] ?? { name: code, short: `Rationale finding ${code}.`, help: 'See the message for what to change.' };
}
