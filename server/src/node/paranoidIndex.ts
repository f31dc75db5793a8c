/**
 * Whether the language server checks every incremental index update against a rebuild from scratch
 * (`RATIONALE_PARANOID=1`). Slow on purpose: for the tests, which switch it on, and for chasing a
 * suspected bug in a real workspace. The core takes it as an option (`updateIndex`'s `paranoid`);
 * only the host reads the environment, here.
 */
export function paranoidIndex(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const value = env.RATIONALE_PARANOID;
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  // A typo must not stop the editor, nor pass unnoticed: warn on stderr (the server's output channel).
  process.emitWarning(`RATIONALE_PARANOID must be 1 (on) or 0 (off), got "${value}"; paranoid mode is off`);
  return false;
}
