/**
 * Supersede Decision: the successor takes over the project(s) the superseded decision serves (its
 * `project:` front matter), so it takes the old decision's place under that project in the Mental
 * Model instead of landing in "Unlinked", and inherits the project's goals in hovers.
 */
import type { DocumentSummary, TreeNode, TreeResult } from '../../../server/src/protocol';

/**
 * Ids of the projects the superseded decision sits under in the server's tree (where its `project:`
 * puts it). It is recognised by `isOld`: the plan names it by the file it edits, which holds
 * however the user spelled the id (`ADR-3`, `3`).
 */
export function projectsOfDecision(tree: TreeResult, isOld: (decision: DocumentSummary) => boolean): string[] {
  const projects = new Set<string>();
  const walk = (nodes: readonly TreeNode[]) => {
    for (const n of nodes) {
      if (n.document.kind === 'project' && n.children.some((c) => c.document.kind === 'decision' && isOld(c.document))) projects.add(n.document.id);
      walk(n.children);
    }
  };
  walk(tree.goals);
  walk(tree.unlinked);
  return [...projects];
}

/**
 * The new document's text with `project: …` in its front matter. A commented-out `# project:` hint
 * the template left is replaced in place; a template without front matter gets some (every
 * template style Rationale reads accepts front matter above the heading).
 */
export function withProjects(content: string, projects: readonly string[]): string {
  if (projects.length === 0) return content;
  const line = `project: ${projects.length === 1 ? yamlValue(projects[0]) : `[${projects.map(yamlValue).join(', ')}]`}`;
  const fence = /^---\r?\n/.exec(content);
  const end = fence ? content.indexOf('\n---', fence[0].length - 1) : -1;
  if (!fence || end === -1) return `---\n${line}\n---\n${content}`;
  const frontMatter = content.slice(fence[0].length, end + 1);
  // A project the template already sets (it does not today) is left alone.
  if (/^projects?\s*:/m.test(frontMatter)) return content;
  const hint = /^#\s*project\s*:.*$/m;
  const updated = hint.test(frontMatter) ? frontMatter.replace(hint, line) : `${frontMatter}${line}\n`;
  return `${fence[0]}${updated}${content.slice(end + 1)}`;
}

/** Ids are plain YAML scalars unless they contain something YAML would read differently. */
function yamlValue(id: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u.test(id) ? id : JSON.stringify(id);
}
