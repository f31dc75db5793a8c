import type { CliIo } from './io.js';

/**
 * A one-line progress indicator on stderr for long runs. It appears only on a terminal, never in CI
 * or when output is piped, and only once a run has taken `delayMs` (quick runs print nothing), and it
 * erases itself at the end. Indexing is synchronous, so it is driven by progress callbacks, not timers.
 */
export class Progress {
  private readonly enabled: boolean;
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly io: CliIo, private readonly delayMs = 300) {
    const ci = io.env.CI;
    this.enabled = io.stderr.isTTY && !(ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false');
  }

  update(message: string, done?: number, total?: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < this.delayMs || now - this.lastDraw < 80) return;
    this.lastDraw = now;
    const count = done !== undefined && total ? ` ${done}/${total} (${Math.floor((done / total) * 100)}%)` : '';
    const line = `rationale: ${message}${count}`;
    const width = (this.io.stderr.columns ?? 80) - 1;
    this.io.stderr.write(`\r\u001b[K${line.length > width ? line.slice(0, width) : line}`);
    this.drawn = true;
  }

  /** Erases the indicator, if it was ever drawn. */
  clear(): void {
    if (this.drawn) this.io.stderr.write('\r\u001b[K');
    this.drawn = false;
  }
}
