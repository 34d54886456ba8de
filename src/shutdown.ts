import type { Logger } from './logger.js';

/** Process managers (systemd, Docker, Kubernetes) kill a process that ignores SIGTERM for long. */
export const SHUTDOWN_DEADLINE_MS = 5_000;

/**
 * On SIGINT or SIGTERM: run `stop` (finish in-flight work, close connections), then exit 0. If
 * stopping hangs, exit 1 at the deadline so the process never outlives it. A second signal
 * (Ctrl-C pressed again) exits at once.
 */
export function exitGracefullyOnSignals(
  stop: () => Promise<void>,
  log: Logger,
  deadlineMs = SHUTDOWN_DEADLINE_MS,
): void {
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    shuttingDown = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error({ deadlineMs }, 'shutdown took too long: exiting');
      process.exit(1);
    }, deadlineMs).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(
          { errorMessage: error instanceof Error ? error.message : String(error) },
          'shutdown failed',
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
