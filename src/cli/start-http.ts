/**
 * `npm run start:http`: the HTTP interactions endpoint. It never imports discord.js, and `npm run
 * build` bundles it into one file (dist/http.mjs, see scripts/build-bundles.mjs), because cold start to
 * the first answer is what serverless and autoscaled replicas pay.
 */
import { createBot } from '../../commands/index.js';
import { SITE_CONTENT } from '../../commands/showcase.js';
import { homePage } from '../transports/http/site.js';
import { installLinks } from './install-links.js';
import { createApp, REPLY_TABLE_DELAY_MS } from '../core/app.js';
import { httpConfigOrExit } from '../core/config.js';
import { createLogger, dropCounter } from '../core/logger.js';
import { createMetrics } from '../core/metrics.js';
import { createInteractionServer } from '../transports/http/server.js';
import { loadPages } from '../transports/http/pages.js';
import { publicKeyFromHex } from '../transports/http/verify.js';
import { exitGracefullyOnSignals, exitOnceLogged } from './shutdown.js';

/** Serves the bot on the configured port until SIGTERM or SIGINT, then exits 0 once requests in flight are done (see shutdown.ts). */
function main(): void {
  const config = httpConfigOrExit();
  const log = createLogger(config.logLevel, { bufferBytes: config.logBufferBytes });
  const bot = createBot({ links: { privacy: config.privacyUrl, terms: config.termsUrl } });
  // The reply table is built a second after the server listens (below): it does not delay the start.
  const app = createApp({ ...bot, replyTable: 'later' });
  const metrics = createMetrics({ labels: app.labels });
  const dropped = dropCounter(log);
  if (dropped) metrics.watchDroppedLogLines(dropped);
  const interactions = createInteractionServer({
    publicKey: publicKeyFromHex(config.publicKey),
    app,
    log,
    path: config.interactionsPath,
    metrics,
    // Read once, from the repository this file is in (dist/ or a production install alike).
    pages: loadPages(),
    // GET /: every reply as Discord shows it, with the install links when DISCORD_APPLICATION_ID is set.
    htmlPages: {
      '/': () =>
        homePage({
          bot,
          content: SITE_CONTENT,
          installLinks: config.applicationId ? installLinks(config.applicationId) : undefined,
        }),
    },
  });

  interactions.server.on('error', (err: NodeJS.ErrnoException) => {
    log.fatal({ code: err.code, port: config.port }, `cannot listen on port ${config.port}: ${err.message}`);
    exitOnceLogged(log, 1);
  });
  interactions.server.listen(config.port, config.host, () => {
    log.info(
      { host: config.host ?? 'all interfaces', port: config.port, path: config.interactionsPath },
      'listening',
    );
    void app.buildReplyTable(REPLY_TABLE_DELAY_MS);
  });

  // close() stops accepting first, so the line below means "no new connections".
  exitGracefullyOnSignals(() => interactions.close(), log, {
    message: 'shutting down: finishing requests in flight',
  });
}

main();
