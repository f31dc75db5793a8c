import { compareFindings } from '../base/finding.js';
import type { Workspace } from '../workspace/workspace.js';
import { readFileRequirements } from './fileRequirements.js';
import type { RequirementFinding } from './requirementFinding.js';
import type { CoverageTag, RequirementItem } from './requirementItem.js';
import { traceRequirements, type RequirementTrace } from './requirementTrace.js';

export interface WorkspaceRequirements extends RequirementTrace {
  items: RequirementItem[];
  tags: CoverageTag[];
  /** Parse problems and trace findings together in `findings`, sorted by `compareFindings`; this counts the files read. */
  filesRead: number;
}

/**
 * Reads items from the Markdown files and tags from the comments of every file (Markdown's HTML
 * comments included), then traces them. Reads every file: the index does the same from the text it
 * already holds (`requirementTraceOf`); this stands alone for tests and one-off tools.
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
    const found = readFileRequirements(file, text);
    if (!found) continue;
    items.push(...found.items);
    tags.push(...found.tags);
    problems.push(...found.problems);
  }
  const trace = traceRequirements(items, tags);
  return { items, tags, filesRead, coverage: trace.coverage, findings: [...problems, ...trace.findings].sort(compareFindings) };
}
