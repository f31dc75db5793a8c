import { compareFindings } from '../base/finding.js';
import type { Workspace } from '../workspace/workspace.js';
import { parseRequirementItems } from './parseRequirementItems.js';
import type { RequirementFinding } from './requirementFinding.js';
import type { CoverageTag, RequirementItem } from './requirementItem.js';
import { traceRequirements, type RequirementTrace } from './requirementTrace.js';
import { scanCoverageTagsInSource } from './scanCoverageTags.js';

export interface WorkspaceRequirements extends RequirementTrace {
  items: RequirementItem[];
  tags: CoverageTag[];
  /** Parse problems and trace findings together in `findings`, sorted by `compareFindings`; this counts the files read. */
  filesRead: number;
}

const markdownFile = /\.(?:md|markdown)$/i;

/**
 * Reads items from the Markdown files and tags from the comments of every file (Markdown's HTML
 * comments included), then traces them. TODO(lead): the index already reads each file once; feed
 * these from there instead of reading again.
 */
export function traceWorkspaceRequirements(workspace: Workspace, files: readonly string[] = workspace.listFiles()): WorkspaceRequirements {
  const items: RequirementItem[] = [];
  const tags: CoverageTag[] = [];
  const problems: RequirementFinding[] = [];
  let filesRead = 0;
  for (const file of files) {
    const text = workspace.readText(file);
    if (text === undefined) continue;
    filesRead++;
    if (markdownFile.test(file)) {
      const parsed = parseRequirementItems(file, text);
      items.push(...parsed.items);
      problems.push(...parsed.problems);
    }
    const scanned = scanCoverageTagsInSource(file, text);
    tags.push(...scanned.tags);
    problems.push(...scanned.problems);
  }
  const trace = traceRequirements(items, tags);
  return { items, tags, filesRead, coverage: trace.coverage, findings: [...problems, ...trace.findings].sort(compareFindings) };
}
