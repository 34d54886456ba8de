import { endLogger, LOG_FLUSH_TIMEOUT_MS, type Logger } from '../core/logger.js';

/**
 * Process managers (systemd, Docker, Kubernetes) kill a process that ignores SIGTERM for long:
 * from the signal to the exit takes at most this long, whatever the log reader does.
 */
export const SHUTDOWN_DEADLINE_MS = 5_000;

/** Kept at the end of the deadline for the last log lines and the exit itself. */
const EXIT_MARGIN_MS = LOG_FLUSH_TIMEOUT_MS + 300;

export interface ShutdownOptions {
  /** Logged once `stop` has begun (for the HTTP endpoint: once no new connection is accepted). */
  readonly message?: string;
  readonly deadlineMs?: number;
}

/**
 * On SIGINT or SIGTERM: begin `stop` (finish in-flight work, close connections), log, then exit 0
 * once it is done and the log lines are written (or their reader has had LOG_FLUSH_TIMEOUT_MS).
 * If stopping hangs, exit 1 in time for the deadline; a last timer exits at the deadline itself
 * should anything else hang. A second signal (Ctrl-C pressed again) exits at once. The gateway
 * bot and the HTTP endpoint both shut down through here.
 */
export function exitGracefullyOnSignals(
  stop: () => Promise<void>,
  log: Logger,
  options: ShutdownOptions = {},
): void {
  const deadlineMs = options.deadlineMs ?? SHUTDOWN_DEADLINE_MS;
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      log.warn({ signal }, 'second signal: exiting now');
      exitOnceLogged(log, 1);
      return;
    }
    shuttingDown = true;
    const stopped = stop();
    log.info({ signal }, options.message ?? 'shutting down');
    setTimeout(
      () => {
        log.error({ deadlineMs }, 'shutdown took too long: exiting');
        exitOnceLogged(log, 1);
      },
      Math.max(0, deadlineMs - EXIT_MARGIN_MS),
    ).unref();
    setTimeout(
      () => process.exit(typeof process.exitCode === 'number' ? process.exitCode : 1),
      deadlineMs,
    ).unref();
    stopped.then(
      () => {
        log.info('stopped');
        exitOnceLogged(log, 0);
      },
      (error: unknown) => {
        log.error(
          { errorMessage: error instanceof Error ? error.message : String(error) },
          'shutdown failed',
        );
        exitOnceLogged(log, 1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/**
 * Exits with `code` once the logger has written what it holds, or has waited LOG_FLUSH_TIMEOUT_MS
 * for a reader that stopped reading; what stdout still queues then is lost, never waited for.
 */
export function exitOnceLogged(log: Logger, code: number): void {
  // Should the event loop empty first, the process ends with this code all the same.
  process.exitCode = code;
  void endLogger(log).then(() => process.exit(code));
}
