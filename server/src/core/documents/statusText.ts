/**
 * How a status reads wherever it is shown (hover, completion, tree, pickers, CLI): the status in
 * force, followed by the file's own when the two differ, so neither hides the other.
 * The editor client receives the result in `DocumentSummary.statusText`, never this code (ADR-0004).
 */
export function statusText(status: string | undefined, written: string | undefined): string | undefined {
  if (status === undefined) return undefined;
  return written !== undefined && written !== status ? `${status} (file says ${written})` : status;
}
