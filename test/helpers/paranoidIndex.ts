/**
 * Imported first by every test that runs a language server or a workspace session: each of their
 * incremental index updates is checked against a rebuild from scratch (`RATIONALE_PARANOID=1`),
 * and a difference throws with what differs. `RATIONALE_PARANOID=0` in the environment turns it off.
 */
process.env.RATIONALE_PARANOID ??= '1';
