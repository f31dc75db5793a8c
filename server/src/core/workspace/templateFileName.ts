/**
 * Words that may stand beside "template" in a template's file name: what kind of document it is a
 * template for and which variant it is (`adr-template.md`, `rfc-000-template.md`,
 * `adr-template-bare-minimal.md`). Any other word makes the name a title: `0039-choose-a-template-engine.md`
 * is a decision about templates, not a template.
 */
const templateNameWords = new Set([
  '', 'template', 'adr', 'adrs', 'madr', 'rfc', 'prd', 'kep', 'decision', 'record', 'doc', 'document', 'project', 'goal',
  'minimal', 'bare', 'short', 'long', 'full', 'lite', 'simple', 'basic', 'default', 'example', 'new', 'blank',
]);

/**
 * A file (or a KEP folder) is a template only when its whole name says so: `template.md`,
 * `_template.md`, `0000-template.md`, `NNNN-kep-template`.
 */
export function isTemplateFileName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  // Discovery runs on every file name: the substring test is all most names ever see.
  if (!lower.includes('template')) return false;
  const words = lower.replace(/\.(md|markdown|mdx)$/, '').split(/[-_. ]/);
  // Numbers and their placeholders (`0000-template.md`, `NNNN-kep-template`) stand for the number to come.
  return words.includes('template') && words.every((w) => templateNameWords.has(w) || /^(?:\d+|n+|x+)$/.test(w));
}
