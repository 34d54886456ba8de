import { askCommand } from './ask.js';
import { menuComponent, overviewComponent, topicComponent } from './components.js';
import { causeCommand } from './cause.js';
import type { ComponentHandler, SlashCommand } from '../src/core/command.js';
import { connectionCommand } from './connection.js';
import { helpCommand, type PolicyLinks } from './help.js';
import { tipsCommand } from './tips.js';
import { treatmentCommand } from './treatment.js';
import { urgentCommand } from './urgent.js';

/** Handlers for buttons and select menus, by custom_id prefix. */
export const components: readonly ComponentHandler[] = [topicComponent, menuComponent, overviewComponent];

export interface BotOptions {
  /** Where /help links for the privacy policy and terms (PRIVACY_URL, TERMS_URL); unset, it names the files. */
  readonly links?: PolicyLinks;
}

/**
 * What the entry points hand to the core's createApp: every slash command (in the order /help
 * lists them) and every component handler.
 */
export function createBot(options: BotOptions = {}): {
  readonly commands: readonly SlashCommand[];
  readonly components: readonly ComponentHandler[];
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
  return { commands, components };
}

/** The bot with no published policy links (tests, the console, `ask`, deploy's definitions). */
export const bot = createBot();

/** Every slash command the bot serves and registers. */
export const commands = bot.commands;
