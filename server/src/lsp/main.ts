import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

// The extension starts this file over IPC (or stdio); everything else is in startServer.
startServer(createConnection(ProposedFeatures.all));
