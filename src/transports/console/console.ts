import { ApplicationCommandOptionType, InteractionResponseType } from 'discord-api-types/v10';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createApp, type App, type AppOptions } from '../../core/app.js';
import { Cooldown } from '../../core/cooldown.js';
import {
  CONSOLE_MESSAGE_COMMAND,
  componentInteraction,
  lineInteraction,
  localeFromEnv,
  modalSubmitInteraction,
} from './parse-line.js';
import { modalInputs, renderReply, type ModalInput, type RenderedReply } from './render-text.js';

export interface ConsoleOptions {
  readonly app: App;
  readonly input: Readable;
  readonly output: Writable & { isTTY?: boolean };
  /** Colour, only for a terminal. */
  readonly color: boolean;
  /** Discord locale of the pretend user; default from LANG. */
  readonly locale?: string;
}

const ACTIONS_HEADING = 'Type a number to open:';

/**
 * The app the console runs: the console's one user is the person at the keyboard, so Discord's
 * anti-spam cooldown (5 commands per 10 s per user) does not apply to them.
 */
export function consoleApp(options: AppOptions): App {
  return createApp({ ...options, cooldown: new Cooldown(Number.POSITIVE_INFINITY) });
}

/** Every command with its options, from the same definitions Discord gets. */
function consoleHelp(app: App): string {
  const lines = [...app.commands.values()].map((command) => {
    const options = (command.data.options ?? []).map((o) =>
      o.type === ApplicationCommandOptionType.Boolean ? `[${o.name}:true]` : `[${o.name}:...]`,
    );
    return `  /${[command.data.name, ...options].join(' ')}\n      ${command.data.description}`;
  });
  for (const command of app.messageCommands.values())
    lines.push(
      `  /${CONSOLE_MESSAGE_COMMAND} <message text>\n      Apps -> ${command.data.name} on a message with that text`,
    );
  return [
    'Type a slash command as in Discord, for example:',
    '  /cause herniated-disc   /cause name:"slipped disc"   /tips   /urgent private:true',
    'For a command with one text option, name: can be left out. After a reply, type a number to',
    'open that button or menu option. /ask with no question asks for it on the next line.',
    'help shows this, exit (or Ctrl-D) quits.',
    '',
    'Commands:',
    ...lines,
  ].join('\n');
}

/**
 * The local console: each typed line becomes the raw interaction Discord would send, goes through
 * the same app as the gateway, and the reply is printed as text. Resolves when the user quits.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { app, output, color } = options;
  const locale = options.locale ?? localeFromEnv();
  const write = (text: string) => output.write(`${text}\n`);
  const rl = createInterface({ input: options.input, output, terminal: output.isTTY === true });
  rl.on('SIGINT', () => rl.close());
  let last: RenderedReply | undefined;
  /** A form Discord would show: its inputs are asked for one line each, then it is submitted. */
  let form: { customId: string; inputs: ModalInput[]; values: Record<string, string> } | undefined;

  const askNext = () => {
    const input = form?.inputs[Object.keys(form.values).length];
    if (!input) return;
    const limit = input.maxLength ? `, up to ${input.maxLength} characters` : '';
    write(
      `${input.label}${input.placeholder ? ` (${input.placeholder})` : ''}${limit}. An empty line cancels.`,
    );
  };

  const show = (raw: unknown) => {
    const handled = app.handle(raw);
    if (!handled.response) {
      write('(no reply)');
      return;
    }
    if (handled.response.type === InteractionResponseType.Modal) {
      const data = handled.response.data;
      form = { customId: data.custom_id, inputs: modalInputs(data), values: {} };
      write(`\n${data.title}`);
      askNext();
      return;
    }
    last = renderReply(handled.response, {
      color,
      actionsHeading: ACTIONS_HEADING,
      replacedFlags: last?.flags ?? 0,
    });
    write(`\n${last.text}\n`);
  };

  write(`hip-back-bot console (locale ${locale}). Try /cause herniated-disc, or help. exit quits.`);
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const input = line.trim();
    if (form) {
      const current = form.inputs[Object.keys(form.values).length];
      if (input === '' || !current) {
        write('Cancelled.');
        form = undefined;
      } else {
        form.values[current.customId] = current.maxLength ? input.slice(0, current.maxLength) : input;
        if (Object.keys(form.values).length < form.inputs.length) askNext();
        else {
          const submitted = form;
          form = undefined;
          show(modalSubmitInteraction(submitted.customId, submitted.values, locale));
        }
      }
      rl.prompt();
      continue;
    }
    if (input === 'exit' || input === 'quit') break;
    if (input === 'help' || input === '?') {
      write(consoleHelp(app));
    } else if (/^\d+$/.test(input)) {
      const action = last?.actions[Number(input) - 1];
      if (action) show(componentInteraction(action, last?.flags ?? 0, locale));
      else write(last?.actions.length ? `Choose 1 to ${last.actions.length}.` : 'No buttons to open yet.');
    } else if (input.startsWith('/')) {
      const parsed = lineInteraction(input, app, locale);
      if (parsed.ok) show(parsed.interaction);
      else write(parsed.error);
    } else if (input !== '') {
      write('Commands start with /, for example /cause herniated-disc. Type help for more.');
    }
    rl.prompt();
  }
  rl.close();
}
