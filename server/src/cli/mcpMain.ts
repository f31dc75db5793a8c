import { CliError, UsageError } from './args.js';
import { processIo } from './io.js';
import { serveMcp } from './commands/mcpServe.js';

// The entry of the extension's bundled dist/mcp.cjs: `rationale mcp` without the rest of the CLI.
// The bundle has no package.json beside it to read a version from, so the build defines it.
const version = process.env.RATIONALE_BUNDLED_VERSION ?? '0.0.0';

serveMcp(process.argv.slice(2), processIo(), version).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A usage or workspace error is a message for the user; anything else is a bug, with its stack.
    const known = e instanceof UsageError || e instanceof CliError;
    process.stderr.write(`rationale mcp: ${known ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
