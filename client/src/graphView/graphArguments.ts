/**
 * Reveal in Graph is run from tree items (Mental Model, This File) and may be run with an id from
 * elsewhere, so its argument arrives untyped (see commands/commandArguments.ts).
 */
import { idFromArgument } from '../commands/commandArguments';

/** The document URI of a tree element, else an id from a string argument, else undefined. */
export function documentKeyFromArgument(arg: unknown): string | undefined {
  if (arg && typeof arg === 'object') {
    const a = arg as { node?: { document?: { uri?: unknown } }; governing?: { entry?: { document?: { uri?: unknown } } }; document?: { uri?: unknown } };
    const uri = a.node?.document?.uri ?? a.governing?.entry?.document?.uri ?? a.document?.uri;
    if (typeof uri === 'string') return uri;
  }
  return idFromArgument(arg);
}
