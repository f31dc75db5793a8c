/**
 * The MCP server as an agent's host runs it: `node bin/rationale.js mcp <tree>` spawned and driven
 * through the SDK's Client over stdio, so every figure includes the protocol's JSON and the pipe.
 * Start-up is timed to the answer of the first tools/list (the tree is indexed before the server
 * reads a message); then governing_decisions on files and lines across the tree, and check_file on
 * files as on disk and with proposed content, after warm-up calls.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { percentile } from './stats.js';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/rationale.js');

export interface McpTimes {
  startupMs: number;
  governing: number[];
  check: number[];
}

/** Calls over `codePaths` (workspace-relative): `calls` of each tool after `warmUp` untimed ones. */
export async function measureMcp(root: string, codePaths: readonly string[], calls = 300, warmUp = 30): Promise<McpTimes> {
  const started = performance.now();
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp', root], stderr: 'ignore', env: { ...process.env } as Record<string, string> });
  const client = new Client({ name: 'rationale-bench', version: '1.0.0' });
  try {
    await client.connect(transport);
    await client.listTools();
    const startupMs = performance.now() - started;
    const file = (i: number) => codePaths[(i * 97) % codePaths.length];
    const call = async (name: string, args: Record<string, unknown>): Promise<number> => {
      const t = performance.now();
      const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
      const ms = performance.now() - t;
      if (r.isError) throw new Error(`${name} ${JSON.stringify(args).slice(0, 200)} failed: ${JSON.stringify(r.content).slice(0, 500)}`);
      return ms;
    };
    const governingCall = (i: number) => call('governing_decisions', i % 2 ? { path: file(i), line: 1 + (i % 5) } : { path: file(i) });
    // Half on disk, half with proposed content: the file's text with one more forbidden import.
    const checkCall = (i: number) => call('check_file', i % 2 ? { path: file(i) } : { path: file(i), content: `import z from 'lib${i % 50}';\nexport const proposed${i} = ${i};\n` });
    for (let i = 0; i < warmUp; i++) {
      await governingCall(i);
      await checkCall(i);
    }
    const governing: number[] = [];
    const check: number[] = [];
    for (let i = warmUp; i < warmUp + calls; i++) {
      governing.push(await governingCall(i));
      check.push(await checkCall(i));
    }
    return { startupMs, governing, check };
  } finally {
    await client.close();
  }
}

/** The rows of the bench's main table. */
export function mcpRows(t: McpTimes, fileCount: number): string[][] {
  const p = (xs: number[]) => `${percentile(xs, 50).toFixed(2)} / ${percentile(xs, 99).toFixed(2)} ms`;
  return [
    [`MCP server start-up on the ${fileCount}-file tree (spawn to first tools/list answer)`, `${t.startupMs.toFixed(1)} ms`, '', ''],
    ['MCP `governing_decisions` over stdio p50 / p99', p(t.governing), `${t.governing.length} calls after start-up, files and lines across the tree`, 'p99 < 50 ms'],
    ['MCP `check_file` over stdio p50 / p99', p(t.check), `${t.check.length} calls, half on disk, half with proposed content`, 'p99 < 100 ms'],
  ];
}
