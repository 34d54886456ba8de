import { parseArgs } from 'node:util';
import { REST } from 'discord.js';
import { definitions } from '../../commands/index.js';
import { configOrExit } from '../core/config.js';
import { deployCommands, describeTarget, explainDeployError, formatDiff } from './deploy-sync.js';

/**
 * `npm run deploy [-- --dry-run]`: registers the bot's slash commands with Discord, in one server
 * when DISCORD_GUILD_ID is set, else globally, and only when they differ from what Discord has.
 * Exit codes: 0 done (or nothing to do), 1 configuration or Discord error, 2 bad arguments.
 */

const USAGE = 'Usage: npm run deploy [-- --dry-run]';

async function main(): Promise<number> {
  let dryRun: boolean;
  try {
    const { values } = parseArgs({
      options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n  --dry-run  print what would change, send nothing\n`);
      return 0;
    }
    dryRun = values['dry-run'];
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }

  const config = configOrExit(['token', 'applicationId']);
  const target = { applicationId: config.applicationId, guildId: config.guildId };
  const rest = new REST({ api: config.apiBase }).setToken(config.token);
  const where = describeTarget(target);
  try {
    const result = await deployCommands({ rest, target, definitions, dryRun });
    if (result.status === 'up-to-date') {
      process.stdout.write(`Commands are up to date (${where}): nothing sent.\n`);
      return 0;
    }
    const changes = formatDiff(result.diff).join('\n');
    if (result.status === 'dry-run') {
      process.stdout.write(`Dry run (${where}): these changes would be sent:\n${changes}\n`);
      return 0;
    }
    process.stdout.write(`Registered ${definitions.length} commands (${where}):\n${changes}\n`);
    if (!config.guildId)
      process.stdout.write('Global commands can take a while to show in Discord clients.\n');
    return 0;
  } catch (error) {
    for (const line of explainDeployError(error, target, definitions, config.apiBase))
      process.stderr.write(`${line}\n`);
    return 1;
  }
}

process.exitCode = await main();
