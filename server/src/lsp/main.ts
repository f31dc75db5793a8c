import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { traceEventLoopStalls } from '../node/eventLoopStalls.js';
import { pinnedToday } from '../node/today.js';
import { startServer } from './server.js';

const connection = createConnection(ProposedFeatures.all);
// The extension starts this file over IPC (or stdio); everything else is in startServer.
// RATIONALE_TODAY pins the date as it does for the CLI (tests, reproducible runs).
let pinned: string | undefined;
try {
  pinned = pinnedToday(process.env);
} catch (e) {
  // A malformed pinned date must not stop the editor: say so in the output channel, use the clock.
  connection.console.error(`${(e as Error).message}; using today's date instead.`);
}
traceEventLoopStalls(process.env, (line) => process.stderr.write(`rationale: ${line}\n`));
startServer(connection, pinned ? { today: () => pinned } : {});
