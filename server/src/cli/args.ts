/** A mistake in how the command was called: reported on one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}

/** An error the user can act on (missing folder, invalid configuration, unwritable file): exit code 2. */
export class CliError extends Error {}

export interface FlagSpec {
  type: 'boolean' | 'string';
  short?: string;
  /** Allowed values of a string flag. */
  values?: readonly string[];
}

export interface CommandSpec {
  name: string;
  flags: Record<string, FlagSpec>;
  /** Names of positional arguments, for messages; `?` marks optional ones. */
  positionals: readonly string[];
}

export interface ParsedArgs {
  flags: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * A small strict parser: `--flag value`, `--flag=value`, `-f value`, booleans, and `--` to end flags.
 * Every unknown flag and every bad value is a `UsageError` naming the command, never ignored.
 */
export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const flags: Record<string, string | boolean | undefined> = {};
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(spec.flags).filter(([, f]) => f.short).map(([name, f]) => [f.short!, name]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
      if (!spec.flags[name]) throw new UsageError(`unknown option --${name} for "${spec.name}"`, spec.name);
    } else if (/^-[A-Za-z]$/.test(arg)) {
      name = byShort.get(arg.slice(1));
      if (!name) throw new UsageError(`unknown option ${arg} for "${spec.name}"`, spec.name);
    } else {
      positionals.push(arg);
      continue;
    }
    const f = spec.flags[name];
    if (flags[name] !== undefined) throw new UsageError(`--${name} is given more than once`, spec.name);
    if (f.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`, spec.name);
      flags[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value`, spec.name);
      value = argv[++i];
    }
    if (f.values && !f.values.includes(value)) {
      throw new UsageError(`--${name} must be one of ${f.values.join(', ')} (got "${value}")`, spec.name);
    }
    flags[name] = value;
  }
  const max = spec.positionals.length;
  if (positionals.length > max) {
    const extra = positionals[max];
    throw new UsageError(max === 0 ? `"${spec.name}" takes no arguments (got "${extra}")` : `unexpected argument "${extra}" for "${spec.name}"`, spec.name);
  }
  const required = spec.positionals.filter((p) => !p.endsWith('?')).length;
  if (positionals.length < required) {
    throw new UsageError(`"${spec.name}" needs ${spec.positionals.slice(positionals.length, required).map((p) => `<${p}>`).join(' ')}`, spec.name);
  }
  return { flags, positionals };
}

export function positiveInteger(value: string | boolean | undefined, flag: string, command: string): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1_000_000) {
    throw new UsageError(`--${flag} must be a positive whole number (got "${value}")`, command);
  }
  return Number(value);
}
