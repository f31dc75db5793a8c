#!/usr/bin/env node
// Thin launcher: the CLI is compiled from TypeScript by `npm run build` (run by `npm ci` through `prepare`).
import { main } from '../out/server/src/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`rationale: internal error: ${err && err.stack ? err.stack : err}`); process.exitCode = 2; },
);
