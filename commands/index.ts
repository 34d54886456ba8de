import { askCommand } from './ask.js';
import { causeCommand } from './cause.js';
import type { ComponentHandler, SlashCommand } from '../src/core/command.js';
import { connectionCommand } from './connection.js';
import { helpCommand } from './help.js';
import { tipsCommand } from './tips.js';
import { menuComponent, overviewComponent, topicComponent } from './topics.js';
import { treatmentCommand } from './treatment.js';
import { urgentCommand } from './urgent.js';

/** Every slash command the bot serves and registers, in the order /help lists them. */
export const commands: readonly SlashCommand[] = [
  causeCommand,
  tipsCommand,
  treatmentCommand,
  connectionCommand,
  urgentCommand,
  askCommand,
  helpCommand(() => commands),
];

/** Handlers for buttons and select menus, by custom_id prefix. */
export const components: readonly ComponentHandler[] = [topicComponent, menuComponent, overviewComponent];

/** What the entry points hand to the core's createApp: every command and component handler. */
export const bot = { commands, components };
