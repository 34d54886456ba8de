import { askCommand, askForm } from './ask.js';
import { askMessageCommand, shareComponent } from './ask-message.js';
import { causeCommand } from './cause.js';
import type {
  CommandDefinition,
  ComponentHandler,
  MessageCommand,
  ModalHandler,
  SlashCommand,
} from '../src/core/command.js';
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

/** Message context-menu commands (Apps -> name, on any message). */
export const messageCommands: readonly MessageCommand[] = [askMessageCommand];

/** Handlers for buttons and select menus, by custom_id prefix. */
export const components: readonly ComponentHandler[] = [
  topicComponent,
  menuComponent,
  overviewComponent,
  shareComponent,
];

/** Handlers for submitted forms (modals), by custom_id prefix. */
export const modals: readonly ModalHandler[] = [askForm];

/** Every definition `npm run deploy` registers: slash commands, then message commands. */
export const definitions: readonly CommandDefinition[] = [...commands, ...messageCommands].map((c) => c.data);

/** What the entry points hand to the core's createApp: every command and handler. */
export const bot = { commands, messageCommands, components, modals };
