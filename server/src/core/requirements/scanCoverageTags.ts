import { codeSpans } from '../source/scanAnnotations.js';
import { range } from '../base/range.js';
import { forEachCommentSegment } from '../source/commentSegments.js';
import { commentSyntaxFor } from '../source/commentSyntax.js';
import type { RequirementFinding } from './requirementFinding.js';
import { formatRequirementId, requirementIdPattern, requirementNamePattern } from './requirementId.js';
import type { CoverageTag } from './requirementItem.js';

/** One line's worth of comment text, as `forEachCommentSegment` reports it: `[start, end)` on zero-based `line`, which starts at `lineStart`. */
export interface CommentSegment {
  start: number;
  end: number;
  line: number;
  lineStart: number;
}

/**
 * OpenFastTrace's coverage tag, `[impl->req~login~2]`, in its optional longer forms: the tag's own
 * name and revision (`[impl~login-form~1->req~login~2]`, or `[impl~~1->…]` for the revision
 * alone) and the artifact types that must cover it in turn (`[dsn->req~login~2>>impl,utest]`).
 * Blanks are allowed around the parts. Groups: type, own name, own revision, target type, name,
 * revision, needed types.
 */
const tagPattern = String.raw`\[[ \t]*([A-Za-z]+)(?:~(${requirementNamePattern})?~(\d+))?[ \t]*->[ \t]*${requirementIdPattern}[ \t]*(?:>>[ \t]*([A-Za-z]+(?:[ \t]*,[ \t]*[A-Za-z]+)*)[ \t]*)?\]`;
const exactTag = new RegExp(`^${tagPattern}$`, 'u');
/** Anything bracketed with an arrow inside: a tag, or an attempt at one. Brackets bound each try, so this stays linear. */
const tagCandidate = /\[[^[\]]*->[^[\]]*\]/g;

/**
 * The coverage tags in `text`, looking only inside the given comment segments: a tag quoted in a
 * string literal (as OFT's own tests do) is data, not a claim of coverage. A bracketed arrow that
 * names something with `~` but is not a well-formed tag becomes a `malformed-requirement`.
 */
export function scanCoverageTags(path: string, text: string, comments: Iterable<CommentSegment>): { tags: CoverageTag[]; problems: RequirementFinding[] } {
  const tags: CoverageTag[] = [];
  const problems: RequirementFinding[] = [];
  // Where the next `->` is: found once and reused while segments lie before it, so the scan stays linear.
  let nextArrow = -1;
  for (const { start, end, line, lineStart } of comments) {
    if (nextArrow < start) {
      nextArrow = text.indexOf('->', start);
      if (nextArrow < 0) break;
    }
    if (nextArrow + 2 > end) continue;
    const segment = text.slice(start, end);
    // A tag in backticks inside a comment is an example (`[impl->req~x~1]` in documentation), as for annotations.
    const examples = segment.includes('`') ? codeSpans(segment) : [];
    tagCandidate.lastIndex = 0;
    for (let c = tagCandidate.exec(segment); c; c = tagCandidate.exec(segment)) {
      if (examples.length > 0 && examples.some(([a, b]) => c.index >= a && c.index < b)) continue;
      const from = start - lineStart + c.index;
      const at = range(line, from, line, from + c[0].length);
      const m = exactTag.exec(c[0]);
      if (m) tags.push(tagFrom(m, path, at));
      else if (c[0].includes('~')) {
        problems.push({
          path, range: at, severity: 'warning', code: 'malformed-requirement', decision: null,
          message: `${c[0]} is not a coverage tag: write [type->type~name~revision], such as [impl->req~login~1].`,
        });
      }
    }
  }
  return { tags, problems };
}

/** The coverage tags in the comments of a source file, whatever its language (known from `path`). */
export function scanCoverageTagsInSource(path: string, text: string): { tags: CoverageTag[]; problems: RequirementFinding[] } {
  const comments: CommentSegment[] = [];
  forEachCommentSegment(text, commentSyntaxFor(path), (start, end, line, lineStart) => comments.push({ start, end, line, lineStart }));
  return scanCoverageTags(path, text, comments);
}

function tagFrom(m: RegExpExecArray, file: string, at: CoverageTag['range']): CoverageTag {
  const [, artifactType, ownName, ownRevision, type, name, revision, needs] = m;
  const tag: CoverageTag = {
    artifactType,
    target: { type, name, revision: Number(revision) },
    needs: needs ? needs.split(',').map((t) => t.trim()) : [],
    file,
    range: at,
  };
  if (ownRevision !== undefined) tag.ownRevision = Number(ownRevision);
  if (ownName !== undefined) tag.ownId = formatRequirementId({ type: artifactType, name: ownName, revision: Number(ownRevision) });
  return tag;
}
