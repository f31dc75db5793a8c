/**
 * Commands are run from the palette (no arguments), hover links and code actions (strings), and
 * tree and editor menus (the clicked element or resource), so arguments arrive untyped.
 */

/** A document id from a command argument: a string, or a Mental Model / This File tree element. */
export function idFromArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.trim() && arg.length <= 200 ? arg.trim() : undefined;
  if (arg && typeof arg === 'object') {
    const a = arg as { node?: { document?: { id?: unknown } }; governing?: { entry?: { document?: { id?: unknown } } }; document?: { id?: unknown } };
    const id = a.node?.document?.id ?? a.governing?.entry?.document?.id ?? a.document?.id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}
