import { configOrExit, type Config } from '../core/config.js';
import { createLogger, dropCounter, type Logger } from '../core/logger.js';
import type { Metrics } from '../core/metrics.js';
import type { Health } from '../transports/http/ops.js';
import { exitGracefullyOnSignals, exitOnceLogged } from './shutdown.js';

/**
 * `npm start`: the bot on the Discord gateway when DISCORD_TOKEN is set; otherwise, on an
 * interactive terminal, the local console, so a first run shows the bot working without any setup.
 * `npm run build` bundles it, discord.js included, into dist/start.mjs (scripts/build-bundles.mjs),
 * which `npm start` runs: loading one file instead of hundreds is most of its start.
 */
const config = configOrExit();

if (config.token) {
  await runGateway(config, config.token);
} else if (process.stdin.isTTY) {
  // stdin decides: `npm start | tee bot.log` from a terminal still has a person typing.
  process.stdout.write(
    'No DISCORD_TOKEN set: running the local console (set DISCORD_TOKEN in .env to run the bot on Discord).\n',
  );
  const [{ runConsole, consoleApp }, { createBot }] = await Promise.all([
    import('../transports/console/console.js'),
    import('../../commands/index.js'),
  ]);
  await runConsole({
    app: consoleApp(createBot({ links: { privacy: config.privacyUrl, terms: config.termsUrl } })),
    input: process.stdin,
    output: process.stdout,
    // hasColors exists only on a terminal's stream (not on a pipe such as `| tee`).
    color: process.stdout.isTTY === true && process.stdout.hasColors(),
  });
} else {
  process.stderr.write(
    'No DISCORD_TOKEN set and no interactive terminal for the local console: set DISCORD_TOKEN in .env (see .env.example) to run the bot on Discord, or run `npm start` in a terminal to try the console.\n',
  );
  process.exit(1);
}

async function runGateway(config: Config, token: string): Promise<void> {
  const log = createLogger(config.logLevel, { bufferBytes: config.logBufferBytes });
  let stop: () => Promise<void> = () => Promise.resolve();
  exitGracefullyOnSignals(() => stop(), log);
  // Imported only now: the console never loads discord.js, and a signal while these load is handled.
  const [{ startGateway, TokenRejectedError }, { createApp, REPLY_TABLE_DELAY_MS }, { createBot }] =
    await Promise.all([
      import('../transports/gateway/gateway.js'),
      import('../core/app.js'),
      import('../../commands/index.js'),
    ]);
  const app = createApp({
    ...createBot({ links: { privacy: config.privacyUrl, terms: config.termsUrl } }),
    // Built a second after the bot is ready (below), so that it does not delay the start.
    replyTable: 'later',
  });
  let health: () => Health = () => 'starting';
  const metrics = config.metricsPort
    ? await serveMetrics(config.metricsPort, config.host, app.labels, () => health(), log)
    : undefined;
  try {
    const gateway = await startGateway({
      token,
      apiBase: config.apiBase,
      app,
      log,
      metrics,
      backoffBaseMs: config.backoffBaseMs,
      onFatal: (reason) => {
        process.stderr.write(`${reason}\n`);
        void stop().finally(() => exitOnceLogged(log, 1));
      },
    });
    stop = () => gateway.stop();
    health = () => gateway.health();
    void app.buildReplyTable(REPLY_TABLE_DELAY_MS);
  } catch (error) {
    const reason =
      error instanceof TokenRejectedError
        ? error.message
        : `Could not connect to Discord at ${config.apiBase}: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${reason}\n`);
    exitOnceLogged(log, 1);
  }
}

/**
 * METRICS_PORT: /metrics and /healthz on their own small server (HOST, when set, is the address),
 * listening before the gateway connects so a health check sees 503 until every shard is READY.
 * A port that cannot be used stops the start: the operator asked for it.
 */
async function serveMetrics(
  port: number,
  host: string | undefined,
  labels: readonly string[],
  health: () => Health,
  log: Logger,
): Promise<Metrics> {
  const [{ createMetrics }, { createOpsServer }] = await Promise.all([
    import('../core/metrics.js'),
    import('../transports/http/ops-server.js'),
  ]);
  const metrics = createMetrics({ labels });
  const dropped = dropCounter(log);
  if (dropped) metrics.watchDroppedLogLines(dropped);
  const server = createOpsServer({ metrics, health }, log);
  await new Promise<void>((listening) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      process.stderr.write(`Cannot serve metrics on METRICS_PORT=${port}: ${err.message}\n`);
      exitOnceLogged(log, 1);
    });
    server.listen(port, host, () => {
      log.info({ host: host ?? 'all interfaces', port, paths: ['/metrics', '/healthz'] }, 'serving metrics');
      listening();
    });
  });
  // Scrapes and health checks must not keep a stopping bot alive.
  server.unref();
  return metrics;
}
