/** What the rule engine needs to know of the decision that declares a rule. */
export interface DecisionInfo {
  title: string;
  /** The decision's `applies-to` globs: the default scope of its rules. */
  appliesTo: readonly string[];
  /** Workspace-relative path of the decision document, where invalid rules are reported. */
  path?: string;
}

export type DecisionLookup = (id: string) => DecisionInfo | undefined;
