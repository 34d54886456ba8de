import { endLogger, type Logger } from '../core/logger.js';

/** Process managers (systemd, Docker, Kubernetes) kill a process that ignores SIGTERM for long. */
export const SHUTDOWN_DEADLINE_MS = 5_000;

export interface ShutdownOptions {
  /** Logged once `stop` has begun (for the HTTP endpoint: once no new connection is accepted). */
  readonly message?: string;
  readonly deadlineMs?: number;
}

/**
 * On SIGINT or SIGTERM: begin `stop` (finish in-flight work, close connections), log, then exit 0
 * once it is done and the log lines are written. If stopping hangs, exit 1 at the deadline so the
 * process never outlives it. A second signal (Ctrl-C pressed again) exits at once. The gateway
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
    setTimeout(() => {
      log.error({ deadlineMs }, 'shutdown took too long: exiting');
      exitOnceLogged(log, 1);
    }, deadlineMs).unref();
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
 * Exits with `code` once the logger has written what it holds. Exiting first would leave pino's
 * exit hook to write it synchronously, and that retries forever when stdout's reader is gone (a
 * closed pipe): the process would never exit.
 */
export function exitOnceLogged(log: Logger, code: number): void {
  // Should the event loop empty first, the process ends with this code all the same.
  process.exitCode = code;
  void endLogger(log).then(() => process.exit(code));
}
