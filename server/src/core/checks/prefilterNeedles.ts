import { literalNeedle, needleFollowedBy } from '../base/searchNeedle.js';
import type { CompiledRule } from '../rules/compiledRule.js';
import type { CompiledRules } from '../rules/ruleEngine.js';

/**
 * What a fast search must look for so that the checker reads only the files that can give it
 * something: a file that matches none of `needles` and is not `mustScan` has no annotation, no
 * mention, no suppression, no requirement tag and no rule finding, and is left unread.
 */
export interface ScanPrefilter {
  /** Needles (base/searchNeedle.ts): a file matching any of them is read. */
  needles: readonly string[];
  /** Files read whatever they contain: rules no needle can speak for govern them. */
  mustScan(path: string): boolean;
}

/**
 * The annotation tags `scanAnnotations` knows: every tag reference starts with one of them
 * (case-insensitively), and every id after a tag comes after its tag.
 */
const annotationTags = ['decision', 'adr', 'prd', 'project', 'brief', 'rfc', 'goal', 'okr', 'objective'];
/** The suppression directive, matched case-sensitively by `scanAnnotations`. */
const directive = 'rationale-disable-next-line';
/**
 * What follows an id prefix in a bare mention: `ADR-7`, `adr 7`, `ADR7` (numbered) or `GOAL-growth`
 * (named); `\x2d` is `-`, `\x20` a space.
 */
const mentionTails = ['[\\x2d_\\x20]?[0-9]', '\\x2d[A-Za-z]'];
/**
 * Every coverage tag and every malformed one has an arrow (`scanCoverageTags`); requirement items
 * are defined in Markdown only, which is always read.
 */
const coverageArrow = literalNeedle('->')!;
const markdownFile = /\.(?:md|markdown)$/i;

/**
 * The prefilter for one run, or undefined when needles cannot speak for every annotation (an id
 * prefix outside ASCII, whose case folding a byte search does not share): then every file is read.
 */
export function scanPrefilter(rules: CompiledRules, idPrefixes: readonly string[]): ScanPrefilter | undefined {
  const needles = [`@(?i:${annotationTags.join('|')})`, literalNeedle(directive)!, coverageArrow];
  for (const prefix of new Set(idPrefixes.map((p) => p.trim()).filter((p) => p.length > 0))) {
    const needle = literalNeedle(prefix, { ignoreCase: true });
    if (needle === undefined) return undefined;
    needles.push(needleFollowedBy(needle, mentionTails));
  }
  const unforeseeable: CompiledRule[] = [];
  for (const rule of rules.rules) {
    if (rule.invalid !== undefined) continue;
    if (rule.needles === undefined) unforeseeable.push(rule);
    else needles.push(...rule.needles);
  }
  return {
    needles: [...new Set(needles)],
    mustScan: (path) => markdownFile.test(path) || unforeseeable.some((r) => r.appliesTo(path)),
  };
}
