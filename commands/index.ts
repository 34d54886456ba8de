import { askCommand, askForm } from './ask.js';
import { askMessageCommand, shareComponent } from './ask-message.js';
import { menuComponent, overviewComponent, topicComponent } from './components.js';
import { causeCommand } from './cause.js';
import type {
  CommandDefinition,
  ComponentHandler,
  MessageCommand,
  ModalHandler,
  SlashCommand,
} from '../src/core/command.js';
import { connectionCommand } from './connection.js';
import { helpCommand, type PolicyLinks } from './help.js';
import { tipsCommand } from './tips.js';
import { treatmentCommand } from './treatment.js';
import { urgentCommand } from './urgent.js';

/** Handlers for buttons and select menus, by custom_id prefix. */
export const components: readonly ComponentHandler[] = [
  topicComponent,
  menuComponent,
  overviewComponent,
  shareComponent,
];

/** Message context-menu commands (Apps -> name, on any message). */
export const messageCommands: readonly MessageCommand[] = [askMessageCommand];

/** Handlers for submitted forms (modals), by custom_id prefix. */
export const modals: readonly ModalHandler[] = [askForm];

export interface BotOptions {
  /** Where /help links for the privacy policy and terms (PRIVACY_URL, TERMS_URL); unset, it names the files. */
  readonly links?: PolicyLinks;
}

/**
 * What the entry points hand to the core's createApp: every slash command (in the order /help
 * lists them), message command, component handler and form handler.
 */
export function createBot(options: BotOptions = {}): {
  readonly commands: readonly SlashCommand[];
  readonly messageCommands: readonly MessageCommand[];
  readonly components: readonly ComponentHandler[];
  readonly modals: readonly ModalHandler[];
} {
  const commands: readonly SlashCommand[] = [
    causeCommand,
    tipsCommand,
    treatmentCommand,
    connectionCommand,
    urgentCommand,
    askCommand,
    helpCommand(() => commands, options.links),
  ];
  return { commands, messageCommands, components, modals };
}

/** The bot with no published policy links (tests, the console, `ask`, deploy's definitions). */
export const bot = createBot();

/** Every slash command the bot serves and registers. */
export const commands = bot.commands;

/** Every definition `npm run deploy` registers: slash commands, then message commands. */
export const definitions: readonly CommandDefinition[] = [...commands, ...messageCommands].map((c) => c.data);
