import { ContextMenuCommandBuilder } from '@discordjs/builders';
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
} from 'discord-api-types/v10';
import { KINDS } from '../content/index.js';
import { ask } from '../src/ask/answer.js';
import type { ComponentHandler, MessageCommand } from '../src/core/command.js';
import { notice } from '../src/core/dispatch.js';
import { COLORS, type ButtonDraft, type ReplyDraft } from '../src/core/reply.js';
import { askResultReply, showsWarningSigns } from './ask.js';
import { overviewButton, urgentReply } from './topics.js';

export const ASK_MESSAGE_NAME = 'Ask hip-back-bot';

/** The bot's own words for the message command: navigation only, never a medical statement. */
export const ASK_MESSAGE_TEXT = {
  excerptField: 'From the message',
  mentionsField: 'The message mentions',
  emptyTitle: 'No text in this message',
  empty:
    'This message has no text to look up (only an image, a file or a sticker?). To ask in your own words, use /ask.',
  shareButton: 'Share warning signs in this channel',
} as const;

/** `share:urgent`: posts the public /urgent card in the channel, without naming anyone. */
const SHARE_BUTTON: ButtonDraft = {
  label: ASK_MESSAGE_TEXT.shareButton,
  customId: 'share:urgent',
  style: 'danger',
};

const LABELS = { echo: ASK_MESSAGE_TEXT.excerptField, mentions: ASK_MESSAGE_TEXT.mentionsField };

/** Buttons per reply, as for /ask. */
const MAX_BUTTONS = 10;

/**
 * Apps -> Ask hip-back-bot on any message: privately to the person who clicked, what /ask answers
 * for the message's text. The author is never named (the reply only quotes a short escaped excerpt),
 * and when warning signs were found, a button lets the clicker share /urgent in the channel.
 */
export function askMessageReply(text: string, locale: string | undefined): ReplyDraft {
  if (text.trim() === '') {
    return {
      private: true,
      outcome: 'unknown-value',
      embeds: [
        { title: ASK_MESSAGE_TEXT.emptyTitle, description: ASK_MESSAGE_TEXT.empty, color: COLORS.notice },
      ],
      buttons: KINDS.map(overviewButton),
    };
  }
  const result = ask(text);
  const reply = askResultReply(result, text, { locale, private: true }, LABELS);
  if (!showsWarningSigns(result)) return reply;
  return { ...reply, buttons: [SHARE_BUTTON, ...(reply.buttons ?? [])].slice(0, MAX_BUTTONS) };
}

export const askMessageCommand: MessageCommand = {
  data: new ContextMenuCommandBuilder()
    .setName(ASK_MESSAGE_NAME)
    .setType(ApplicationCommandType.Message)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
    .setContexts(
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    )
    .toJSON(),
  run: ({ text, locale }) => askMessageReply(text, locale),
};

const STALE_SHARE = notice(
  'Unknown button',
  'This button is from an older version of the bot. Use /urgent instead.',
);

/** The share button: a new public message (not an update of the private reply), nobody pinged. */
export const shareComponent: ComponentHandler = {
  prefix: 'share',
  newMessage: true,
  run: ({ rest, locale }) => (rest === 'urgent' ? urgentReply({ locale, private: false }) : STALE_SHARE),
};
