/**
 * The MCP server as an agent's host runs it: `node bin/rationale.js mcp <tree>` spawned and driven
 * through the SDK's Client over stdio, so every figure includes the protocol's JSON and the pipe.
 * Start-up is timed to the answer of the first tools/list (the tree is indexed before the server
 * reads a message); then governing_decisions on files and lines across the tree, and check_file on
 * files as on disk and with proposed content, after warm-up calls. The same calls then run in the
 * bench's own process, for the CPU time the server's work takes apart from the protocol.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { runAgentTool } from '../server/src/core/features/agentTools/registry.js';
import type { CliIo } from '../server/src/cli/io.js';
import { loadWorkspace } from '../server/src/cli/loadWorkspace.js';
import { NodeAgentHost } from '../server/src/node/mcp/nodeAgentHost.js';
import { percentile } from './stats.js';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/rationale.js');

export interface McpTimes {
  startupMs: number;
  governing: number[];
  check: number[];
  /** The same calls in this process, without the protocol: CPU milliseconds per call (user + system). */
  cpu: { governing: number; check: number };
}

/** Calls over `codePaths` (workspace-relative): `calls` of each tool after `warmUp` untimed ones. */
export async function measureMcp(root: string, codePaths: readonly string[], calls = 300, warmUp = 30): Promise<McpTimes> {
  const overStdio = await measureOverStdio(root, codePaths, calls, warmUp);
  return { ...overStdio, cpu: await inProcessCpu(root, codePaths, calls, warmUp) };
}

async function measureOverStdio(root: string, codePaths: readonly string[], calls: number, warmUp: number): Promise<Omit<McpTimes, 'cpu'>> {
  const started = performance.now();
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp', root], stderr: 'ignore', env: { ...process.env } as Record<string, string> });
  const client = new Client({ name: 'rationale-bench', version: '1.0.0' });
  try {
    await client.connect(transport);
    await client.listTools();
    const startupMs = performance.now() - started;
    const call = async (name: string, args: Record<string, unknown>): Promise<number> => {
      const t = performance.now();
      const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
      const ms = performance.now() - t;
      if (r.isError) throw new Error(`${name} ${JSON.stringify(args).slice(0, 200)} failed: ${JSON.stringify(r.content).slice(0, 500)}`);
      return ms;
    };
    const governingCall = (i: number) => call('governing_decisions', governingArgs(codePaths, i));
    const checkCall = (i: number) => call('check_file', checkArgs(codePaths, i));
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

const file = (codePaths: readonly string[], i: number) => codePaths[(i * 97) % codePaths.length];
const governingArgs = (codePaths: readonly string[], i: number) => (i % 2 ? { path: file(codePaths, i), line: 1 + (i % 5) } : { path: file(codePaths, i) });
// Half on disk, half with proposed content: the file's text with one more forbidden import.
const checkArgs = (codePaths: readonly string[], i: number) => (i % 2 ? { path: file(codePaths, i) } : { path: file(codePaths, i), content: `import z from 'lib${i % 50}';\nexport const proposed${i} = ${i};\n` });

/**
 * The calls again on a host in this process, refresh included as the server does it: CPU time per
 * call says what the server itself spends, apart from the pipe and a busy machine's scheduling.
 */
async function inProcessCpu(root: string, codePaths: readonly string[], calls: number, warmUp: number): Promise<McpTimes['cpu']> {
  const quiet = { write: () => undefined, isTTY: false };
  const io: CliIo = { cwd: root, env: {}, stdout: quiet, stderr: quiet };
  const loaded = loadWorkspace(io, root);
  const host = new NodeAgentHost({ workspace: loaded.workspace, index: loaded.index, today: () => '2026-01-01', watch: { log: () => undefined } });
  const cpuPerCall = async (name: string, args: (codePaths: readonly string[], i: number) => Record<string, unknown>): Promise<number> => {
    const run = async (i: number) => {
      const input = args(codePaths, i);
      host.refresh(String(input.path));
      if ((await runAgentTool(host, name, input)).isError) throw new Error(`${name} failed in process`);
    };
    for (let i = 0; i < warmUp; i++) await run(i);
    const before = process.cpuUsage();
    for (let i = warmUp; i < warmUp + calls; i++) await run(i);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / calls;
  };
  try {
    return { governing: await cpuPerCall('governing_decisions', governingArgs), check: await cpuPerCall('check_file', checkArgs) };
  } finally {
    host.close();
  }
}

/** The rows of the bench's main table. */
export function mcpRows(t: McpTimes, fileCount: number): string[][] {
  const p = (xs: number[]) => `${percentile(xs, 50).toFixed(2)} / ${percentile(xs, 99).toFixed(2)} ms`;
  return [
    [`MCP server start-up on the ${fileCount}-file tree (spawn to first tools/list answer)`, `${t.startupMs.toFixed(1)} ms`, '', ''],
    ['MCP `governing_decisions` over stdio p50 / p99', p(t.governing), `${t.governing.length} calls after start-up, files and lines across the tree`, 'p99 < 50 ms'],
    ['MCP `check_file` over stdio p50 / p99', p(t.check), `${t.check.length} calls, half on disk, half with proposed content`, 'p99 < 100 ms'],
    ['`governing_decisions` / `check_file` CPU per call in process (no protocol)', `${t.cpu.governing.toFixed(2)} / ${t.cpu.check.toFixed(2)} ms`, 'the same calls on a host in the bench process, refresh included', ''],
  ];
}
