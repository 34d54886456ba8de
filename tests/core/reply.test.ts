import { AllowedMentionsTypes, InteractionResponseType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { PROVIDER_RECOMMENDATION, POST_SOURCE } from '../../content/index.js';
import { createApp } from '../../src/core/app.js';
import { bot } from '../../commands/index.js';
import { Cooldown } from '../../src/core/cooldown.js';
import { escapeUserText } from '../../src/core/escape.js';
import {
  buildMessage,
  messageResponse,
  ReplyLimitError,
  sourceLine,
  updateResponse,
  userText,
} from '../../src/core/reply.js';
import { commandInteraction } from '../helpers/interactions.js';
import { expectMessageInvariants, visibleTexts } from '../helpers/invariants.js';

const HOSTILE = '@everyone <@123> <@&456> [x](http://example.com) **b**';

/** Nothing in `text` that Discord would turn into a ping, a mention chip, a link or formatting. */
function expectInert(text: string): void {
  expect(text).not.toMatch(/@everyone|@here/);
  expect(text).not.toMatch(/<@!?\d+>|<@&\d+>|<#\d+>/);
  expect(text).not.toMatch(/(?<!\\)\[[^\]]*\]\(/);
  expect(text).not.toMatch(/https?:\/\//);
  expect(text).not.toMatch(/(?<!\\)\*\*/);
}

describe('echoed user text', () => {
  it('is escaped: no raw mention syntax, no masked link, no clickable URL, no markdown', () => {
    const escaped = escapeUserText(HOSTILE);
    expectInert(escaped);
    // Still readable: the user recognises what they typed.
    expect(escaped.replace(/[\\\u200b]/g, '')).toBe(HOSTILE);
  });

  it('is escaped in what Discord receives when a user types it into /cause', () => {
    const app = createApp({ ...bot, cooldown: new Cooldown(Number.POSITIVE_INFINITY) });
    const handled = app.handle(commandInteraction('cause', { name: HOSTILE }));
    const data = expectMessageInvariants(handled.response, { ephemeral: true });
    const description = data.embeds?.[0]?.description ?? '';
    expect(description).toContain(escapeUserText(HOSTILE));
    expectInert(description);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('is cut to 100 characters and put on one line', () => {
    const escaped = escapeUserText(`${'a'.repeat(150)}\n\nnext`);
    expect(escaped).toBe(`${'a'.repeat(99)}…`);
    expect(escapeUserText('one\ntwo')).toBe('one two');
  });

  it('is escaped only where marked: content text around it is left as written', () => {
    const data = buildMessage({
      embeds: [{ title: 'T', description: ['**bold** ', userText('**not bold**')] }],
    });
    expect(data.embeds?.[0]?.description).toBe('**bold** \\*\\*not bold\\*\\*');
  });
});

describe('buildMessage', () => {
  it('ends every message with the provider sentence as the footer of the last embed only', () => {
    const data = buildMessage({
      embeds: [
        { title: 'One', description: 'first' },
        { title: 'Two', description: 'second' },
      ],
    });
    expect(data.embeds?.map((e) => e.footer?.text)).toEqual([undefined, PROVIDER_RECOMMENDATION]);
  });

  it('credits the sources in the last embed, once each, before the provider sentence', () => {
    const data = buildMessage({
      embeds: [{ title: 'T', description: 'd', fields: [{ name: 'See also', value: '/tips' }] }],
      sources: [POST_SOURCE, POST_SOURCE],
    });
    const fields = data.embeds?.[0]?.fields ?? [];
    expect(fields.map((f) => f.name)).toEqual(['See also', 'Source']);
    expect(fields.at(-1)?.value).toBe(sourceLine(POST_SOURCE));
  });

  it('gives an empty draft a titled embed so the provider sentence still shows', () => {
    expectMessageInvariants(messageResponse({ embeds: [] }), { ephemeral: false });
  });

  it('turns every mention off and sets flags 64 exactly when private', () => {
    const shown = messageResponse({ embeds: [{ title: 'T', description: 'd' }] });
    const hidden = messageResponse({ embeds: [{ title: 'T', description: 'd' }], private: true });
    expect(expectMessageInvariants(shown, { ephemeral: false }).flags).toBeUndefined();
    expect(expectMessageInvariants(hidden, { ephemeral: true }).flags).toBe(64);
  });

  it('lays buttons out five to a row, after a select menu in its own row', () => {
    const data = buildMessage({
      embeds: [{ title: 'T', description: 'd' }],
      select: { customId: 'menu:x', placeholder: 'p', options: [{ label: 'a', value: 'a' }] },
      buttons: Array.from({ length: 7 }, (_, i) => ({ label: `b${i}`, customId: `b:${i}` })),
    });
    expect(data.components?.map((r) => ('components' in r ? r.components.length : 0))).toEqual([1, 5, 2]);
  });

  const card = { title: 'T', description: 'd' };
  it.each([
    ['11 embeds', { embeds: Array.from({ length: 11 }, () => card) }, 'embeds is 11 > 10'],
    [
      'a 4097-character description',
      { embeds: [{ title: 'T', description: 'x'.repeat(4097) }] },
      'embed 0 description is 4097 > 4096',
    ],
    [
      'a 257-character title',
      { embeds: [{ title: 'x'.repeat(257), description: 'd' }] },
      'embed 0 title is 257 > 256',
    ],
    ['an empty title', { embeds: [{ title: '', description: 'd' }] }, 'embed 0 title is empty'],
    [
      'an empty field value',
      { embeds: [{ title: 'T', description: 'd', fields: [{ name: 'n', value: '' }] }] },
      'embed 0 field 0 value is empty',
    ],
    [
      '26 fields',
      {
        embeds: [
          {
            title: 'T',
            description: 'd',
            fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })),
          },
        ],
      },
      'embed 0 fields is 26 > 25',
    ],
    [
      '6000 characters across embeds',
      { embeds: Array.from({ length: 2 }, () => ({ title: 'T', description: 'x'.repeat(3000) })) },
      `all embeds together is ${2 + 6000 + PROVIDER_RECOMMENDATION.length} > 6000`,
    ],
    [
      'a colour past 0xFFFFFF',
      { embeds: [{ title: 'T', description: 'd', color: 0x1000000 }] },
      'embed 0 color 16777216 is not a colour from 0 to 0xFFFFFF',
    ],
    [
      'a colour that is no whole number',
      { embeds: [{ title: 'T', description: 'd', color: 1.5 }] },
      'embed 0 color 1.5 is not a colour from 0 to 0xFFFFFF',
    ],
    [
      '6 rows of buttons',
      {
        embeds: [card],
        buttons: Array.from({ length: 26 }, (_, i) => ({ label: 'b', customId: `b:${i}` })),
      },
      'action rows is 6 > 5',
    ],
    [
      'a 101-character custom_id',
      { embeds: [card], buttons: [{ label: 'b', customId: 'b'.repeat(101) }] },
      'row 0 custom_id is 101 > 100',
    ],
    [
      'an 81-character button label',
      { embeds: [card], buttons: [{ label: 'b'.repeat(81), customId: 'b:1' }] },
      'row 0 button label is 81 > 80',
    ],
    [
      'a button style Discord does not have',
      { embeds: [card], buttons: [{ label: 'b', customId: 'b:1', style: 'success' as 'primary' }] },
      'row 0 button style undefined is not one Discord has',
    ],
    [
      'the same custom_id twice',
      {
        embeds: [card],
        buttons: [
          { label: 'a', customId: 'same' },
          { label: 'b', customId: 'same' },
        ],
      },
      'custom_id same is used twice',
    ],
    [
      'a select menu with no options',
      { embeds: [card], select: { customId: 'menu:x', placeholder: 'p', options: [] } },
      'row 0 select options is empty',
    ],
    [
      'a 151-character placeholder',
      {
        embeds: [card],
        select: { customId: 'menu:x', placeholder: 'p'.repeat(151), options: [{ label: 'a', value: 'a' }] },
      },
      'row 0 placeholder is 151 > 150',
    ],
    [
      'a 101-character option description',
      {
        embeds: [card],
        select: {
          customId: 'menu:x',
          placeholder: 'p',
          options: [{ label: 'a', value: 'a', description: 'd'.repeat(101) }],
        },
      },
      'row 0 option description is 101 > 100',
    ],
  ] as const)('refuses to build a message with %s, naming what breaks', (_, draft, violation) => {
    let thrown: unknown;
    try {
      buildMessage(draft);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ReplyLimitError);
    expect((thrown as ReplyLimitError).violations).toContain(violation);
  });

  it('refuses a button with no label (builders check what each kind of component needs)', () => {
    expect(() => buildMessage({ embeds: [card], buttons: [{ label: '', customId: 'b:1' }] })).toThrow(
      'must have a label',
    );
  });

  it('names each broken limit in a ReplyLimitError', () => {
    const draft = {
      embeds: Array.from({ length: 2 }, () => ({ title: 'T', description: 'x'.repeat(3500) })),
    };
    try {
      buildMessage(draft);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReplyLimitError);
      expect((error as ReplyLimitError).violations).toContain(
        `all embeds together is ${2 + 7000 + PROVIDER_RECOMMENDATION.length} > 6000`,
      );
    }
  });

  it('builds the same message for the same draft, and one reply changed later cannot change the next', () => {
    const draft = { embeds: [{ title: 'T', description: 'd' }] };
    const first = buildMessage(draft);
    const second = buildMessage(draft);
    expect(second).toEqual(first);
    const embed = first.embeds?.[0];
    if (embed) embed.title = 'changed by a caller';
    first.allowed_mentions?.parse?.push(AllowedMentionsTypes.Everyone);
    expect(buildMessage(draft)).toEqual(second);
    expect(buildMessage(draft).allowed_mentions).toEqual({ parse: [] });
  });
});

describe('updateResponse', () => {
  it('replaces a private message in place: type 7, no flags, same invariants', () => {
    const response = updateResponse({ embeds: [{ title: 'T', description: 'd' }], private: true });
    expect(response.type).toBe(InteractionResponseType.UpdateMessage);
    const data = expectMessageInvariants(response, { ephemeral: true });
    expect(visibleTexts(data).at(-1)).toBe(PROVIDER_RECOMMENDATION);
  });
});
