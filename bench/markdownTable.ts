/** A results table of bench/RESULTS.md; compare.ts reads these four columns back. */
export function resultsTable(rows: readonly (readonly string[])[]): string[] {
  return ['| measure | time | ratio | target |', '|---|---|---|---|', ...rows.map((row) => `| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`)];
}
