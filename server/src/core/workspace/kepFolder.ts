import { basename, dirname } from './workspace.js';
import { isTemplateFileName } from './templateFileName.js';

/** The metadata file of a Kubernetes enhancement proposal, beside the proposal's README.md. */
export const kepFileName = 'kep.yaml';

/**
 * A `kep.yaml` makes its folder one project when the proposal text (README.md) sits beside it, as in
 * kubernetes/enhancements (`keps/sig-node/1234-slug/`); a lone `kep.yaml` is some other tool's file,
 * and `keps/NNNN-kep-template/` is the template. Returns that README's text, else undefined.
 */
export function kepProposalText(kepPath: string, readText: (p: string) => string | undefined): string | undefined {
  const dir = dirname(kepPath);
  if (isTemplateFileName(basename(dir))) return undefined;
  return readText(dir ? `${dir}/README.md` : 'README.md');
}

/**
 * The `kep.yaml` files whose discovery a change to these files may alter: a README.md created or
 * deleted beside one makes its folder a proposal or not, though kep.yaml itself did not change.
 */
export function kepFilesBeside(changed: Iterable<string>): string[] {
  const out: string[] = [];
  for (const path of changed) {
    if (basename(path) !== 'README.md') continue;
    const dir = dirname(path);
    out.push(dir ? `${dir}/${kepFileName}` : kepFileName);
  }
  return out;
}
