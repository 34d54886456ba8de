import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type { Handled } from './app.js';

export type { Logger };

/** Bytes of log lines held for a reader that falls behind; past this, new lines are dropped and counted. */
export const LOG_BUFFER_BYTES = 1024 * 1024;

/**
 * Lines logged within this long share one write to stdout: one interaction logs one line, and a
 * write per line is a system call on every interaction's path.
 */
export const LOG_BATCH_MS = 20;

/** How often a log output that dropped lines checks whether its reader has caught up. */
const RECOVERY_POLL_MS = 100;

let droppedTotal = 0;

/** Log lines dropped since the process started because stdout's reader fell behind or went away. */
export function droppedLogLines(): number {
  return droppedTotal;
}

/**
 * The dropped-lines count for a metric, when `log` writes through a LogOutput (the JSON logger);
 * undefined for the terminal's pretty printer, which does not count.
 */
export function dropCounter(log: Logger): (() => number) | undefined {
  const stream = (log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym];
  return stream instanceof LogOutput ? droppedLogLines : undefined;
}

/** The part of a stdout-like stream the log output uses (process.stdout, or a stream in tests). */
export type LogStream = Pick<NodeJS.WritableStream, 'write' | 'on'> & { readonly writableLength: number };

/**
 * The bounded buffer between the logger and stdout. A stuck log shipper, a paused pager or a full
 * disk behind a pipe must never hold the process: lines wait in memory only up to `maxBytes`
 * (counting what stdout itself still queues), then are dropped and counted, and one line reports
 * the count once the reader catches up. Lines logged within `batchMs` of each other share one write.
 */
export class LogOutput {
  /** Called with the number of lines dropped, once the reader has caught up. */
  onRecovered: ((dropped: number) => void) | undefined;
  readonly #out: LogStream;
  readonly #maxBytes: number;
  readonly #batchMs: number;
  #pending: string[] = [];
  #pendingBytes = 0;
  #scheduled = false;
  #droppedSinceReport = 0;
  #recoveryWatch: NodeJS.Timeout | undefined;
  /** The reader is gone (EPIPE) or the stream failed: nothing more can be written. */
  #broken = false;

  constructor(out: LogStream = process.stdout, maxBytes = LOG_BUFFER_BYTES, batchMs = LOG_BATCH_MS) {
    this.#out = out;
    this.#maxBytes = maxBytes;
    this.#batchMs = batchMs;
    out.on('error', () => {
      this.#broken = true;
    });
  }

  /** pino's destination interface: one serialised line. */
  write(line: string): void {
    if (this.#broken || this.#pendingBytes + this.#out.writableLength + line.length > this.#maxBytes) {
      this.#droppedSinceReport += 1;
      droppedTotal += 1;
      this.#watchForRecovery();
      return;
    }
    this.#pending.push(line);
    this.#pendingBytes += line.length;
    if (!this.#scheduled) {
      this.#scheduled = true;
      setTimeout(() => this.#hand(), this.#batchMs);
    }
  }

  /** Hands the pending lines to stdout, which writes or queues them without blocking. */
  #hand(): void {
    this.#scheduled = false;
    if (this.#pending.length === 0) return;
    const chunk = this.#pending.join('');
    this.#pending = [];
    this.#pendingBytes = 0;
    if (!this.#broken) this.#out.write(chunk);
  }

  /**
   * Polled rather than told: stdout says 'drain' only after a write past its own small buffer.
   * The reader has caught up once everything handed over is written.
   */
  #watchForRecovery(): void {
    if (this.#recoveryWatch) return;
    this.#recoveryWatch = setInterval(() => {
      if (this.#broken) return clearInterval(this.#recoveryWatch);
      if (this.#pendingBytes > 0 || this.#out.writableLength > 0) return;
      clearInterval(this.#recoveryWatch);
      this.#recoveryWatch = undefined;
      const dropped = this.#droppedSinceReport;
      this.#droppedSinceReport = 0;
      this.onRecovered?.(dropped);
    }, RECOVERY_POLL_MS);
    this.#recoveryWatch.unref();
  }

  /**
   * Hands over what is pending and resolves once stdout has written everything, or after
   * `timeoutMs` (a stalled reader), or at once if the reader is gone.
   */
  flush(timeoutMs: number): Promise<void> {
    this.#hand();
    return new Promise((done) => {
      const check = () => {
        if (!this.#broken && this.#out.writableLength > 0) return false;
        clearInterval(poll);
        clearTimeout(timer);
        done();
        return true;
      };
      // writableLength falls without an event when stdout never reported back-pressure.
      const poll = setInterval(check, 10);
      const timer = setTimeout(() => {
        clearInterval(poll);
        done();
      }, timeoutMs);
      check();
    });
  }
}

/**
 * JSON lines in production (or whenever stdout is not a terminal), through a bounded LogOutput;
 * readable lines on a terminal. The token and the user's text are never passed to the logger (the
 * tests check every output).
 */
export function createLogger(
  level = 'info',
  {
    bufferBytes = LOG_BUFFER_BYTES,
    pretty = process.stdout.isTTY,
  }: { bufferBytes?: number | undefined; pretty?: boolean } = {},
): Logger {
  const options = {
    level,
    base: { app: 'hip-back-bot' },
  };
  if (pretty && process.env.NODE_ENV !== 'production') {
    // pino-pretty formats in this process, as a stream, and is loaded only here: a person at a
    // terminal needs it, a production start never loads it. (pino's worker-thread transport would
    // need pino's own files on disk, which would keep pino out of the bundles.)
    const pinoPretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
    return pino(options, pinoPretty({ colorize: true, translateTime: 'HH:MM:ss' }));
  }
  const output = new LogOutput(process.stdout, bufferBytes);
  const log = pino(options, output);
  output.onRecovered = (dropped) =>
    log.warn({ droppedLines: dropped }, 'log lines dropped: the reader of stdout fell behind');
  return log;
}

/** How long ending the logger may take before the process exits anyway. */
export const LOG_FLUSH_TIMEOUT_MS = 500;

/**
 * Writes what the logger still holds; resolves when that is done, when stdout's reader is gone,
 * or after `timeoutMs` (a reader that stopped reading). Call it only right before exiting.
 */
export function endLogger(log: Logger, timeoutMs = LOG_FLUSH_TIMEOUT_MS): Promise<void> {
  const stream = (log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym];
  if (stream instanceof LogOutput) return stream.flush(timeoutMs);
  // The terminal's pino-pretty stream: end() writes what it holds, then it closes.
  if (!stream || typeof (stream as { end?: unknown }).end !== 'function') return Promise.resolve();
  const emitter = stream as NodeJS.EventEmitter & { end(): void };
  return new Promise((done) => {
    const timer = setTimeout(done, timeoutMs);
    timer.unref();
    const finish = () => {
      clearTimeout(timer);
      done();
    };
    emitter.once('close', finish);
    emitter.once('error', finish);
    try {
      emitter.end();
    } catch {
      finish();
    }
  });
}

/** One line per interaction: what was asked, how it ended, how long it took. Never the user's text. */
export function logHandled(
  log: Logger,
  handled: Handled,
  latencyMs: number,
  extra?: Record<string, unknown>,
): void {
  const line: Record<string, unknown> = {
    interaction: handled.id,
    command: handled.label,
    outcome: handled.outcome,
    latencyMs: Math.round(latencyMs * 1000) / 1000,
  };
  if (extra) Object.assign(line, extra);
  if (handled.error) {
    const cause = handled.error.cause;
    log.error(
      {
        ...line,
        errorCode: handled.error.code,
        err:
          cause instanceof Error
            ? { type: cause.name, message: cause.message, stack: cause.stack }
            : String(cause),
      },
      `interaction failed (error code ${handled.error.code})`,
    );
  } else if (handled.outcome === 'malformed') {
    log.warn({ ...line, reason: handled.reason }, 'malformed interaction');
  } else {
    log.info(line, 'interaction');
  }
}
