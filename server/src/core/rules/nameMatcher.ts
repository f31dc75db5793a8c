import { globMatcher, isGlob, type PathMatcher } from '../base/glob.js';

/**
 * Matches module or package names against a rule's targets: exact names or globs (`@angular/*`,
 * `lodash*`). Returns the target that matched, for the message.
 */
export class NameMatcher {
  private readonly exact = new Map<string, string>();
  private readonly globs: { target: string; match: PathMatcher }[] = [];
  private exactKeys: string[] | undefined;

  constructor(targets: readonly string[], normalize: (name: string) => string = (n) => n) {
    for (const t of targets) {
      const key = normalize(t);
      if (isGlob(t)) this.globs.push({ target: t, match: globMatcher(key) });
      else if (!this.exact.has(key)) this.exact.set(key, t);
    }
  }

  /** False when no candidate can match: no exact target among them and no glob targets to try. */
  mayMatchAny(candidates: ReadonlySet<string>): boolean {
    if (this.globs.length > 0) return true;
    const keys = (this.exactKeys ??= [...this.exact.keys()]);
    for (let i = 0; i < keys.length; i++) if (candidates.has(keys[i])) return true;
    return false;
  }

  /** The first target matching any candidate (candidates already normalized). */
  match(candidates: readonly string[]): string | undefined {
    for (const c of candidates) {
      const t = this.exact.get(c);
      if (t !== undefined) return t;
    }
    for (const g of this.globs) for (const c of candidates) if (g.match(c)) return g.target;
    return undefined;
  }
}
