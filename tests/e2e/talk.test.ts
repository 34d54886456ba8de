import {
  InteractionResponseType,
  MessageFlags,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { bot } from '../../commands/index.js';
import { createApp } from '../../src/core/app.js';
import { expectMessageInvariants } from '../helpers/invariants.js';
import {
  buttonClick,
  chatInput,
  messageCommand,
  messageFromReply,
  modalSubmit,
  type BuiltInteraction,
  type Place,
} from '../fake-discord/payloads.js';
import { botForThisFile, PROCESS_TIMEOUT_MS } from './bot-process.js';

/** Issue 13 through the gateway: the message command, its share button, and /ask's question box. */

const running = botForThisFile();

let users = 0;
function freshUser(): string {
  users += 1;
  return `16${String(users).padStart(17, '0')}`;
}

async function send(interaction: BuiltInteraction) {
  return running.fake.interact(interaction);
}

/** What the app answers in process for the same payload. */
function inProcess(interaction: BuiltInteraction): string {
  return JSON.stringify(createApp(bot).handle(interaction).response);
}

const RED_FLAG = "my back's killing me and I've lost control of my bladder, xyzzy-secret";

describe('Apps -> Ask hip-back-bot through the gateway', () => {
  test.each<Place>(['guild', 'dm', 'user-install'])(
    'in a %s: a private reply, byte for byte what the app builds, with the share button; the log has no text',
    async (place) => {
      const interaction = messageCommand(
        'Ask hip-back-bot',
        { content: RED_FLAG },
        { userId: freshUser(), place },
      );
      const callback = await send(interaction);
      expect(callback.raw).toBe(inProcess(interaction));
      const data = expectMessageInvariants(callback.response, { ephemeral: true });
      expect(JSON.stringify(data)).not.toContain('author777');
      expect(JSON.stringify(data)).toContain('share:urgent');
      const line = await running.bot.waitForLog(
        (l) => l.msg === 'interaction' && l.interaction === interaction.id,
        'the interaction log line',
      );
      expect(line).toMatchObject({ command: 'Ask hip-back-bot', outcome: 'ok' });
      expect(running.bot.output()).not.toContain('xyzzy');
    },
    PROCESS_TIMEOUT_MS,
  );

  test('an image-only message gets the private "no text" reply', async () => {
    const callback = await send(messageCommand('Ask hip-back-bot', { content: '' }, { userId: freshUser() }));
    const data = expectMessageInvariants(callback.response, { ephemeral: true });
    expect(data.embeds?.[0]?.title).toBe('No text in this message');
  });

  test(
    'the share button on the private reply posts the public /urgent card as a new message',
    async () => {
      const userId = freshUser();
      const first = await send(messageCommand('Ask hip-back-bot', { content: RED_FLAG }, { userId }));
      const reply = (first.response as { data: APIInteractionResponseCallbackData }).data;
      const click = await send(buttonClick('share:urgent', messageFromReply(reply, { userId }), { userId }));
      expect(click.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      const shared = expectMessageInvariants(click.response, { ephemeral: false });
      const urgent = await send(chatInput('urgent', { private: false }, { userId: freshUser() }));
      expect(shared).toEqual((urgent.response as { data: unknown }).data);
      expect(shared.flags).not.toBe(MessageFlags.Ephemeral);
    },
    PROCESS_TIMEOUT_MS,
  );
});

describe('/ask question box through the gateway', () => {
  test(
    '/ask with no question answers with the modal (type 9); its submit answers as /ask question:...',
    async () => {
      const userId = freshUser();
      const opened = await send(chatInput('ask', {}, { userId }));
      expect(opened.response.type).toBe(InteractionResponseType.Modal);
      expect(opened.response).toMatchObject({
        data: { custom_id: 'ask:private', title: 'Ask hip-back-bot' },
      });
      const question = 'shooting pain down my leg';
      const submitted = await send(modalSubmit('ask:private', { question }, { userId }));
      const direct = await send(chatInput('ask', { question }, { userId: freshUser() }));
      expectMessageInvariants(submitted.response, { ephemeral: true });
      expect(submitted.raw).toBe(direct.raw);
    },
    PROCESS_TIMEOUT_MS,
  );
});
