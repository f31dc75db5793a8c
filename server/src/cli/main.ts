import { CliError, UsageError } from './args.js';
import { commandHelp, mainHelp } from './help.js';
import { printError, processIo, type CliIo } from './io.js';
import { toolVersion } from './version.js';
import { lookupTable } from '../core/base/lookupTable.js';

// @decision ADR-0003: the CLI calls the core and the Node layer, never the language server.

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

// Loaded on demand: help, version and usage errors answer without loading the Markdown and rule engines.
const commands = lookupTable<() => Promise<Command>>({
  check: async () => (await import('./commands/check.js')).runCheck,
  list: async () => (await import('./commands/list.js')).runList,
  explain: async () => (await import('./commands/explain.js')).runExplain,
  new: async () => (await import('./commands/new.js')).runNew,
  search: async () => (await import('./commands/search.js')).runSearch,
  graph: async () => (await import('./commands/graph.js')).runGraph,
  doctor: async () => (await import('./commands/doctor.js')).runDoctor,
  baseline: async () => (await import('./commands/baseline.js')).runBaseline,
  site: async () => (await import('./commands/site.js')).runSite,
  mcp: async () => (await import('./commands/mcp.js')).runMcp,
  context: async () => (await import('./commands/context.js')).runContext,
});

/** Entry point of `bin/rationale.js`: the returned number is the exit code. */
export function main(argv: string[]): Promise<number> {
  return run(argv, processIo());
}

/** The CLI against any streams and working directory, so tests can run it in-process. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(mainHelp);
    return 2;
  }
  if (first === '--help' || first === '-h') {
    io.stdout.write(mainHelp);
    return 0;
  }
  if (first === '--version' || first === '-V' || first === '-v') {
    io.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) io.stdout.write(mainHelp);
    else if (commandHelp[topic]) io.stdout.write(commandHelp[topic]);
    else return usage(io, new UsageError(`unknown command "${topic}"`));
    return 0;
  }
  const load = commands[first];
  if (!load) {
    const hint = first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`;
    return usage(io, new UsageError(`${hint} (commands: ${Object.keys(commands).join(', ')})`));
  }
  // Help wins over everything else on the line, even arguments that would be errors.
  const flagsPart = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (flagsPart.includes('--help') || flagsPart.includes('-h')) {
    io.stdout.write(commandHelp[first] ?? '');
    return 0;
  }
  const command = await load();
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) return usage(io, e);
    if (e instanceof CliError) {
      printError(io, e.message);
      return 2;
    }
    throw e;
  }
}

function usage(io: CliIo, e: UsageError): number {
  const see = e.command ? `rationale ${e.command} --help` : 'rationale --help';
  printError(io, `${e.message} (see "${see}")`);
  return 2;
}
