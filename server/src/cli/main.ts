import { CliError, UsageError } from './args.js';
import { runCheck } from './commands/check.js';
import { runExplain } from './commands/explain.js';
import { runGraph } from './commands/graph.js';
import { runList } from './commands/list.js';
import { runNew } from './commands/new.js';
import { runSearch } from './commands/search.js';
import { commandHelp, mainHelp } from './help.js';
import { printError, processIo, type CliIo } from './io.js';
import { toolVersion } from './version.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const commands: Record<string, Command> = {
  check: runCheck,
  list: runList,
  explain: runExplain,
  new: runNew,
  search: runSearch,
  graph: runGraph,
};

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
  const command = commands[first];
  if (!command) {
    const hint = first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`;
    return usage(io, new UsageError(`${hint} (commands: ${Object.keys(commands).join(', ')})`));
  }
  // Help wins over everything else on the line, even arguments that would be errors.
  const flagsPart = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (flagsPart.includes('--help') || flagsPart.includes('-h')) {
    io.stdout.write(commandHelp[first]);
    return 0;
  }
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
