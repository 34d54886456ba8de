import { parseArgs } from 'node:util';
import { createApp } from '../core/app.js';
import { bot } from '../../commands/index.js';
import { lineInteraction, localeFromEnv } from '../transports/console/parse-line.js';
import { renderReply } from '../transports/console/render-text.js';

/**
 * `npm run ask -- "/cause herniated-disc"`: one command, one reply, then exit.
 * `npm run ask -- "/ask-message <text>"`: the message command used on a message with that text.
 *   --json           the exact interaction response Discord would receive, as compact JSON
 *                    (JSON.stringify of what the gateway POSTs as the callback body)
 *   --locale en-GB   the user's Discord locale (default from LANG)
 * Exit codes: 0 a reply; 2 an unknown command or value (the reply is still printed, as Discord
 * users see it) or a line that cannot be read; 1 the command failed (the error reply is printed).
 */

const USAGE = `Usage: npm run ask -- [--json] [--locale en-GB] "/cause herniated-disc"`;
const EXIT_UNKNOWN = 2;

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return EXIT_UNKNOWN;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const line = positionals.join(' ').trim();
  if (!line.startsWith('/')) {
    process.stderr.write(`Give one slash command, for example "/cause herniated-disc".\n${USAGE}\n`);
    return EXIT_UNKNOWN;
  }

  const app = createApp(bot);
  const request = lineInteraction(line, app, values.locale ?? localeFromEnv());
  if (!request.ok) {
    process.stderr.write(`${request.error}\n`);
    return EXIT_UNKNOWN;
  }
  const handled = app.handle(request.interaction);
  if (!handled.response) {
    process.stderr.write(`No reply (${handled.reason ?? handled.outcome}).\n`);
    return EXIT_UNKNOWN;
  }
  const output = values.json
    ? JSON.stringify(handled.response)
    : renderReply(handled.response, {
        // hasColors: a terminal that shows colour, honouring NO_COLOR, FORCE_COLOR and TERM=dumb.
        color: process.stdout.isTTY === true && process.stdout.hasColors(),
        actionsHeading: 'Buttons (open them in the console: npm start without a token):',
      }).text;
  process.stdout.write(`${output}\n`);
  if (handled.outcome === 'unknown-command' || handled.outcome === 'unknown-value') return EXIT_UNKNOWN;
  return handled.outcome === 'error' ? 1 : 0;
}

// A reader that stops early (`| head -c 10`) closes the pipe: the rest is not wanted, so the
// write error ends nothing but the write, and the exit code stays the command's.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
process.exitCode = main();
