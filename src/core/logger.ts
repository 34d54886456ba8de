import { pino, type Logger } from 'pino';
import type { Handled } from './app.js';

export type { Logger };

/**
 * JSON lines in production (or whenever stdout is not a terminal); readable lines on a terminal.
 * The token and the user's text are never passed to the logger (the tests check every output).
 * JSON lines are written asynchronously, so a burst of interactions shares write calls; pino
 * flushes what is left when the process exits.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', pretty = process.stdout.isTTY): Logger {
  const options = {
    level,
    base: { app: 'hip-back-bot' },
  };
  if (pretty && process.env.NODE_ENV !== 'production') {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss' } },
    });
  }
  return pino(options, pino.destination({ dest: 1, sync: false }));
}

/** How long ending the logger may take before the process exits anyway. */
const END_TIMEOUT_MS = 1_000;

/**
 * Writes what the logger still holds and closes its stream; resolves when that is done, when the
 * write fails (stdout's reader gone: pino then stops writing), or after END_TIMEOUT_MS. Call it
 * only right before exiting: nothing is logged after it.
 */
export function endLogger(log: Logger): Promise<void> {
  const stream = (log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] as
    NodeJS.EventEmitter | undefined;
  if (!stream || typeof (stream as { end?: unknown }).end !== 'function') return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(done, END_TIMEOUT_MS);
    timer.unref();
    const finish = () => {
      clearTimeout(timer);
      done();
    };
    stream.once('close', finish);
    stream.once('error', finish);
    try {
      (stream as unknown as { end(): void }).end();
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
