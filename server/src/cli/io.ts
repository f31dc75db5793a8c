import { escapeText } from './terminalText.js';

/** What a command may touch of its process: streams, working directory and environment. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
}

export interface OutputStream {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns?: number;
}

export function processIo(): CliIo {
  // A closed pipe (`rationale list | head`) is not an error worth a stack trace.
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  const stream = (s: NodeJS.WriteStream): OutputStream => ({
    write: (text) => {
      s.write(text);
    },
    get isTTY() {
      return s.isTTY === true;
    },
    get columns() {
      return s.columns;
    },
  });
  return { cwd: process.cwd(), env: process.env, stdout: stream(process.stdout), stderr: stream(process.stderr) };
}

/** The one-line error format of every command. */
export function printError(io: CliIo, message: string): void {
  io.stderr.write(`rationale: ${escapeText(message.replace(/\s*\n\s*/g, ' '))}\n`);
}
