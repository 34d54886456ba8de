import {
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { ASK_MESSAGE_NAME, ASK_MESSAGE_TEXT, askMessageCommand } from '../../commands/ask-message.js';
import { ASK_TEXT } from '../../commands/ask.js';
import { bot, definitions } from '../../commands/index.js';
import { EMERGENCY_LEAD } from '../../content/index.js';
import { createApp } from '../../src/core/app.js';
import { MAX_ECHO } from '../../src/core/escape.js';
import { logHandled } from '../../src/core/logger.js';
import {
  commandInteraction,
  componentInteraction,
  messageCommandInteraction,
  type Who,
} from '../helpers/interactions.js';
import { expectMessageInvariants } from '../helpers/invariants.js';
import { memoryLogger } from '../helpers/memory-logger.js';

const RED_FLAG = "my back's killing me and I've lost control of my bladder since this morning";

function onMessage(content: string, embeds: Record<string, unknown>[] = [], who: Who = {}) {
  return createApp(bot).handle(messageCommandInteraction(ASK_MESSAGE_NAME, { content, embeds }, who));
}

function customIds(data: APIInteractionResponseCallbackData): string[] {
  return (data.components ?? []).flatMap((row) =>
    row.type === ComponentType.ActionRow
      ? row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : []))
      : [],
  );
}

const titles = (data: APIInteractionResponseCallbackData) => (data.embeds ?? []).map((e) => e.title);

/** What /ask question:<text> (private by default) answers, for comparison. */
function askFor(text: string): APIInteractionResponseCallbackData {
  const handled = createApp(bot).handle(commandInteraction('ask', { question: text }));
  return expectMessageInvariants(handled.response, { ephemeral: true });
}

describe('Apps -> Ask hip-back-bot (message command)', () => {
  it('is a message command named exactly "Ask hip-back-bot", for guild and user installs, in guilds, bot DMs and private channels, and deploy registers it', () => {
    expect(askMessageCommand.data).toMatchObject({
      name: 'Ask hip-back-bot',
      type: ApplicationCommandType.Message,
      integration_types: [0, 1],
      contexts: [0, 1, 2],
    });
    expect(definitions).toContain(askMessageCommand.data);
    expect('description' in askMessageCommand.data).toBe(false);
  });

  it('answers privately what /ask answers for the message text: warning signs first, then the topics, with a share button', () => {
    const handled = onMessage(RED_FLAG);
    expect(handled.outcome).toBe('ok');
    expect(handled.label).toBe(ASK_MESSAGE_NAME);
    const data = expectMessageInvariants(handled.response, { ephemeral: true });
    expect(handled.response?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const asked = askFor(RED_FLAG);
    expect(titles(data)).toEqual(titles(asked));
    expect(data.embeds?.[0]?.title).toBe(EMERGENCY_LEAD);
    expect(data.embeds?.[0]?.fields?.[0]?.name).toBe(ASK_MESSAGE_TEXT.mentionsField);
    expect(data.embeds?.[0]?.fields?.[0]?.value).toBe(asked.embeds?.[0]?.fields?.[0]?.value);
    const ids = customIds(data);
    expect(ids[0]).toBe('share:urgent');
    expect(ids.slice(1)).toEqual(customIds(asked).slice(0, ids.length - 1));
  });

  it('quotes at most a short escaped excerpt and never the author: no name, no id, no live mention', () => {
    const long = `<@1400000000000000555> @everyone [click](https://evil.example) my hip hurts when I sit ${'and it goes on '.repeat(40)}`;
    const data = expectMessageInvariants(onMessage(long).response, { ephemeral: true });
    const json = JSON.stringify(data);
    // The author (id ...777, username author777, shown as Pat) appears nowhere.
    expect(json).not.toContain('1400000000000000777');
    expect(json).not.toContain('author777');
    expect(json).not.toContain('Pat');
    const excerpt = (data.embeds ?? [])
      .flatMap((e) => e.fields ?? [])
      .find((f) => f.name === ASK_MESSAGE_TEXT.excerptField || f.name === ASK_TEXT.questionField);
    // An answer quotes the message in a field; an unsure reply quotes it first in its description.
    const shown = excerpt?.value ?? (data.embeds?.[0]?.description ?? '').split('"\n\n')[0] ?? '';
    expect(shown).toContain('\\<@\u200b1400000000000000555>');
    expect(shown).toContain('@\u200beveryone');
    // At most MAX_ECHO characters of the message, plus the escaping backslashes and zero-width spaces.
    expect(shown.replace(/[\\\u200b"]/g, '').length).toBeLessThanOrEqual(MAX_ECHO + 60);
    expect(json).not.toContain('goes on and it goes on and it goes on and it goes on and it goes on');
  });

  it('reads the embeds’ text too: a message that is only an embed about sciatica gets sciatica', () => {
    const data = expectMessageInvariants(
      onMessage('', [
        { title: 'Shared post', description: 'Shooting pain down my leg from the sciatic nerve' },
      ]).response,
      { ephemeral: true },
    );
    expect(data.embeds?.[0]?.title).toBe('Cause: Sciatica');
    expect(data.embeds?.[0]?.fields?.[0]?.name).toBe(ASK_MESSAGE_TEXT.excerptField);
  });

  it('an image-only message (no text) gets a clear private reply', () => {
    const handled = onMessage('');
    const data = expectMessageInvariants(handled.response, { ephemeral: true });
    expect(data.embeds?.[0]?.title).toBe(ASK_MESSAGE_TEXT.emptyTitle);
    expect(data.embeds?.[0]?.description).toBe(ASK_MESSAGE_TEXT.empty);
    expect(handled.outcome).toBe('unknown-value');
  });

  it('offers no share button when the message describes no warning sign', () => {
    const data = expectMessageInvariants(onMessage('I think I slipped a disc').response, { ephemeral: true });
    expect(data.embeds?.[0]?.title).toBe('Cause: Herniated disc');
    expect(customIds(data)).not.toContain('share:urgent');
  });

  it('the share button posts the public /urgent card in the channel as a new message, nobody pinged', () => {
    const app = createApp(bot);
    const click = app.handle(componentInteraction({ customId: 'share:urgent' }, MessageFlags.Ephemeral));
    expect(click.response?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = expectMessageInvariants(click.response, { ephemeral: false });
    const urgent = createApp(bot).handle(commandInteraction('urgent', { private: false }));
    expect(data).toEqual((urgent.response as { data: unknown }).data);
    expect(click.label).toBe('share');
  });

  it('logs the command and outcome, never the message text', () => {
    const logger = memoryLogger('trace');
    logHandled(logger.log, onMessage(`${RED_FLAG} xyzzy-secret`), 1);
    expect(logger.text()).toContain(`"command":"${ASK_MESSAGE_NAME}"`);
    expect(logger.text()).toContain('"outcome":"ok"');
    expect(logger.text()).not.toContain('xyzzy');
    expect(logger.text()).not.toContain('bladder');
  });

  it('a message command without its resolved message is malformed, logged without any text', () => {
    const raw = messageCommandInteraction(ASK_MESSAGE_NAME, { content: 'my hip xyzzy' });
    const broken = { ...raw, data: { ...raw.data, target_id: '1700000000000000999' } };
    const handled = createApp(bot).handle(broken);
    expect(handled.outcome).toBe('malformed');
    expect(handled.reason).toMatch(/^data\.resolved\.messages\[target_id\]/);
    expectMessageInvariants(handled.response, { ephemeral: true });
  });

  it('an unknown message command gets the private unknown-command reply', () => {
    const handled = createApp(bot).handle(messageCommandInteraction('Old name', { content: 'hip' }));
    expect(handled.outcome).toBe('unknown-command');
    expect(handled.label).toBe('unknown');
    expectMessageInvariants(handled.response, { ephemeral: true });
  });
});
