import type { GovernanceVia, GoverningDocument } from '../index/governance.js';

/**
 * Annotations, scopes and rules govern code because someone said so; a bare id in a comment or a
 * document naming a file only suggests a link. Views show the weak ones apart and after the strong.
 */
export type GovernanceStrength = 'strong' | 'weak';

export function governanceStrength(via: GovernanceVia): GovernanceStrength {
  return via === 'bare-id' || via === 'mention' ? 'weak' : 'strong';
}

/** Strongest first: the order views list governing documents in. */
export const governanceOrder: readonly GovernanceVia[] = ['annotation', 'scope', 'rule', 'bare-id', 'mention'];

export function byGovernanceStrength(a: Pick<GoverningDocument, 'via'>, b: Pick<GoverningDocument, 'via'>): number {
  return governanceOrder.indexOf(a.via) - governanceOrder.indexOf(b.via);
}

/** How a document governs the code, in words: `its rule scopes src/ui/**`, `mentioned in ADR-0021 as \`src/db/\``. */
export function governanceReason(g: Pick<GoverningDocument, 'via' | 'document' | 'reference' | 'glob' | 'mention'>): string {
  switch (g.via) {
    case 'annotation':
      return g.reference ? `cited on line ${g.reference.range.start.line + 1}` : 'cited here';
    case 'scope':
      return `applies-to ${g.glob ?? 'scope'}`;
    case 'rule':
      return `its rule scopes ${g.glob ?? 'this file'}`;
    case 'bare-id':
      return g.reference ? `its id is written in a comment on line ${g.reference.range.start.line + 1}` : 'its id is written in a comment';
    case 'mention':
      return `mentioned in ${g.document.id}${g.mention ? ` as ${g.mention.text}` : ''}`;
  }
}
