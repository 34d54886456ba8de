import { loadConfig, parseConfig } from '../core/config.js';
import { installLinks } from './install-links.js';

/**
 * `npm run invite`: prints the server-install and user-install links for DISCORD_APPLICATION_ID.
 * Only that variable is checked, so an unrelated setting (say PORT) cannot stop it.
 * Exit codes: 0 printed, 1 the id is missing or malformed (one line on stderr saying how to fix it).
 */

loadConfig(); // reads .env into process.env
const result = parseConfig({ DISCORD_APPLICATION_ID: process.env.DISCORD_APPLICATION_ID }, ['applicationId']);
if (!result.ok) {
  for (const line of result.errors) process.stderr.write(`Configuration error: ${line}\n`);
  process.exit(1);
}
const links = installLinks(result.config.applicationId);
process.stdout.write(
  [
    'Add to a server (slash commands and the bot user, no permissions):',
    `  ${links.guild}`,
    'Add to your own account (use it in any DM or server as a user-installed app):',
    `  ${links.user}`,
    'Both need the matching install context on in the Developer Portal -> your app -> Installation.',
    '',
  ].join('\n'),
);
