import assert from 'node:assert/strict';
import fc from 'fast-check';

/**
 * What one run of a property observed: each label is true when the run reached the code the label
 * names (a document with a status, a spec that compiled to a rule). Fractions of these are asserted,
 * so a generator that stops reaching the interesting code fails instead of passing vacuously.
 */
export type Observed = Record<string, boolean>;

export interface PropertyOptions {
  numRuns: number;
  /** Smallest fraction of runs in which each label must have been observed true. */
  minimumFractions?: Record<string, number>;
}

/** The seed to use: `FC_SEED` replays a logged run; otherwise a fresh one, so runs explore. */
export function propertySeed(): number {
  const fromEnv = process.env.FC_SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(fromEnv)}`);
    return seed;
  }
  return Math.floor(Math.random() * 0x7fffffff);
}

/**
 * Runs a fast-check property with a logged seed and checks how often the generated inputs reached
 * the code under test. A failure names the seed; `FC_SEED=<seed>` (and `FC_PATH=<path>` to skip
 * straight to the shrunk case) replays it.
 */
export function checkProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  predicate: (...args: Ts) => Observed | void,
  options: PropertyOptions,
): void {
  const counts = new Map<string, number>();
  let runs = 0;
  const property = fc.property(...arbitraries, (...args: Ts) => {
    const observed = predicate(...args);
    runs++;
    for (const [label, seen] of Object.entries(observed ?? {})) if (seen) counts.set(label, (counts.get(label) ?? 0) + 1);
  });
  const seed = assertProperty(name, property as fc.IProperty<Ts>, { numRuns: options.numRuns });
  const fractionOf = (label: string) => (counts.get(label) ?? 0) / Math.max(runs, 1);
  const reached = Object.keys(options.minimumFractions ?? {}).map((l) => `${l} ${(fractionOf(l) * 100).toFixed(0)}%`);
  if (reached.length > 0) console.log(`property "${name}": of ${runs} inputs, ${reached.join(', ')}`);
  for (const [label, minimum] of Object.entries(options.minimumFractions ?? {})) {
    const fraction = fractionOf(label);
    assert.ok(
      fraction >= minimum,
      `property "${name}": only ${(fraction * 100).toFixed(1)}% of ${runs} generated inputs reached "${label}" ` +
        `(at least ${minimum * 100}% expected; the generator no longer reaches the code under test). Seed ${seed}.`,
    );
  }
}

/**
 * `fc.assert` with a logged seed, for properties that measure nothing: `FC_SEED=<seed>` (and
 * `FC_PATH=<path>`) replays a failure. Returns the seed used.
 */
export function assertProperty<Ts>(name: string, property: fc.IProperty<Ts>, params: { numRuns: number }): number {
  const seed = propertySeed();
  const path = process.env.FC_PATH || undefined;
  console.log(`property "${name}": seed ${seed} (replay with FC_SEED=${seed})`);
  fc.assert(property, { ...params, seed, path });
  return seed;
}

/** Joins generated pieces into one text: the usual way grammar-aware fragments become input. */
export function joined(piece: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<string> {
  return fc.array(piece, { maxLength }).map((parts) => parts.join(''));
}
