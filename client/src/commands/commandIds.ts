/**
 * Every command the extension registers. package.json `contributes.commands` must list the public
 * ones with the same ids (scripts/build-extension.mjs checks both directions).
 */
import { clientCommands } from '../../../server/src/protocol';

export const commandIds = {
  newDecision: 'rationale.newDecision',
  newProject: 'rationale.newProject',
  newGoal: 'rationale.newGoal',
  supersedeDecision: 'rationale.supersedeDecision',
  findDecision: 'rationale.findDecision',
  linkCodeToDecision: 'rationale.linkCodeToDecision',
  showGoverning: 'rationale.showGoverning',
  reindex: 'rationale.reindex',
  refreshTree: 'rationale.refreshTree',
  showRetired: 'rationale.showRetiredDecisions',
  hideRetired: 'rationale.hideRetiredDecisions',
  showOutput: 'rationale.showOutput',
  showSetupReport: 'rationale.showSetupReport',
  showGraph: 'rationale.showGraph',
  revealInGraph: 'rationale.revealInGraph',
  // Run by the server's hover links and code actions (server/src/protocol.ts `clientCommands`).
  openDocument: clientCommands.openDocument,
  revealInTree: clientCommands.revealInTree,
  createDocumentForId: clientCommands.createDocumentForId,
} as const;
