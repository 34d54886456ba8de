/**
 * Test-only entry: the production runtime with one extra command that always throws. The
 * production entry (`src/main.ts`) serves only the registry in `commands/`, so it cannot load this.
 */
import { commands } from '../../commands/index.js';
import type { SlashCommand } from '../../src/core/command.js';
import { baseDefinition } from '../../commands/definition.js';
import { createApp } from '../../src/core/app.js';
import { bot } from '../../commands/index.js';
import { startGateway } from '../../src/transports/gateway/gateway.js';
import { createLogger } from '../../src/core/logger.js';
import { exitGracefullyOnSignals } from '../../src/cli/shutdown.js';

const THROWING_COMMAND = 'explode';

const throwingCommand: SlashCommand = {
  data: baseDefinition(THROWING_COMMAND, 'Always throws (end-to-end tests only)').toJSON(),
  run() {
    throw new Error('injected failure for the end-to-end test');
  },
};

const log = createLogger();
const gateway = await startGateway({
  token: process.env.DISCORD_TOKEN ?? '',
  apiBase: process.env.DISCORD_API_BASE ?? '',
  app: createApp({ ...bot, commands: [...commands, throwingCommand] }),
  log,
});
exitGracefullyOnSignals(() => gateway.stop(), log);
