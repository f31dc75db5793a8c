/**
 * Lets pending I/O (a language server's incoming requests) run between chunks of long work.
 * `setImmediate` resumes right after I/O; `setTimeout(0)` waits at least a millisecond each time,
 * which over hundreds of chunks added a visible delay. Outside Node, `setTimeout` it is.
 */
export function yieldToEventLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => void }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}
