import type { CliIo } from '../io.js';
import { toolVersion } from '../version.js';
import { serveMcp } from './mcpServe.js';

/** `rationale mcp [dir]`: the agent tools over the Model Context Protocol, on stdio. */
export function runMcp(argv: readonly string[], io: CliIo): Promise<number> {
  return serveMcp(argv, io, toolVersion());
}
