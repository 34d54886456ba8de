import { InteractionResponseType, Locale, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { bot } from '../../commands/index.js';
import { entriesByKind, KINDS, layTerms, slugsOf } from '../../content/index.js';
import { createApp } from '../../src/core/app.js';
import type { ComponentHandler, OptionValue, SlashCommand } from '../../src/core/command.js';
import { ReplyTable } from '../../src/core/reply-table.js';
import { commandInteraction, componentInteraction, snowflake, type Who } from '../helpers/interactions.js';

/** The bot as it runs (replies from the table where it has them) and with every reply built per call. */
const tabled = createApp({ ...bot, replyTable: 'now' });
const perCall = createApp(bot);

/** No locale at all, and every locale Discord has. */
const LOCALES: readonly (string | null)[] = [null, ...Object.values(Locale)];

/** A new user each time, so the cooldown never answers instead of the command. */
const who = (locale: string | null): Who => ({ userId: snowflake(), locale });

function both(raw: (w: Who) => unknown, locale: string | null) {
  const w = who(locale);
  const a = tabled.handle(raw(w));
  const b = perCall.handle(raw(w));
  return { tabled: a, perCall: b };
}

const commandEntries = bot.commands.flatMap((command) =>
  (command.prebuilt ?? []).map((entry) => ({ name: command.data.name, options: entry.input })),
);
const clickEntries = bot.components.flatMap((handler) =>
  (handler.prebuilt ?? []).map((entry) => ({
    customId: `${handler.prefix}:${entry.input.rest}`,
    values: entry.input.values,
  })),
);

function optionInput(options: Readonly<Record<string, OptionValue>>): Record<string, string | boolean> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v !== 'number')) as Record<
    string,
    string | boolean
  >;
}

describe('the reply table', () => {
  it('holds the commands people use most: every entry of /cause, /tips and /treatment, the other commands, every topic button', () => {
    const names = new Set(commandEntries.map((e) => e.name));
    expect([...names].sort()).toEqual(['cause', 'connection', 'help', 'tips', 'treatment', 'urgent']);
    expect(commandEntries).toContainEqual({ name: 'cause', options: { name: 'sciatica' } });
    expect(clickEntries).toContainEqual({ customId: 'topic:urgent', values: [] });
  });

  it('answers every command it holds, in every locale, byte for byte as a reply built per call', () => {
    let compared = 0;
    for (const entry of commandEntries) {
      const options = optionInput(entry.options);
      const reversed = Object.fromEntries(Object.entries(options).reverse());
      for (const locale of LOCALES) {
        for (const order of [options, reversed]) {
          const r = both((w) => commandInteraction(entry.name, order, w), locale);
          expect(r.tabled.outcome).toBe(r.perCall.outcome);
          expect(JSON.stringify(r.tabled.response)).toBe(JSON.stringify(r.perCall.response));
          compared += 1;
        }
      }
    }
    expect(compared).toBe(commandEntries.length * LOCALES.length * 2);
  });

  it('answers every click it holds, in every locale, in a public or a private message, as built per call', () => {
    for (const click of clickEntries) {
      for (const locale of LOCALES) {
        for (const flags of [0, MessageFlags.Ephemeral]) {
          const r = both((w) => componentInteraction(click, flags, w), locale);
          expect(r.tabled.outcome).toBe('ok');
          expect(JSON.stringify(r.tabled.response)).toBe(JSON.stringify(r.perCall.response));
        }
      }
    }
  });

  it('gives the emergency number of the user’s locale first in /urgent, from the table too', () => {
    const first = (locale: string) => {
      const response = tabled.handle(commandInteraction('urgent', {}, who(locale))).response;
      return JSON.stringify(response);
    };
    expect(first('en-GB')).toContain('999 or 112');
    expect(first('en-GB').indexOf('999 or 112')).toBeLessThan(first('en-GB').indexOf('911'));
    expect(first('en-US').indexOf('911')).toBeLessThan(first('en-US').indexOf('999 or 112'));
  });

  it('built later, in slices, by a server once it serves: the same bytes before, while and after', async () => {
    const later = createApp({ ...bot, replyTable: 'later' });
    const ask = () => later.handle(commandInteraction('cause', { name: 'sciatica' }, who('en-US'))).response;
    const before = ask();
    expect(Object.isFrozen(before)).toBe(false);
    const building = later.buildReplyTable();
    expect(JSON.stringify(ask())).toBe(JSON.stringify(before));
    await building;
    const after = ask();
    expect(Object.isFrozen(after)).toBe(true);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  });

  it('while it is being built, never gives a locale the reply of another (each entry lands whole)', () => {
    const table = new ReplyTable(bot.commands, bot.components);
    const urgent = bot.commands.find((c) => c.data.name === 'urgent');
    const topic = bot.components.find((h) => h.prefix === 'topic');
    if (!urgent || !topic) throw new Error('no /urgent or topic buttons');
    const locales = ['en-US', 'en-GB', 'de', 'sv-SE', 'ja'];
    const expected = new Map(
      locales.flatMap((locale) => [
        [
          `/urgent ${locale}`,
          JSON.stringify(perCall.handle(commandInteraction('urgent', {}, who(locale))).response),
        ],
        [
          `topic:urgent ${locale}`,
          JSON.stringify(
            perCall.handle(componentInteraction({ customId: 'topic:urgent' }, 0, who(locale))).response,
          ),
        ],
      ]),
    );
    let steps = 0;
    let served = 0;
    for (let more = true; more; steps += 1) {
      more = table.buildSome(0);
      for (const locale of locales) {
        const command = table.command(urgent, {}, locale)?.response;
        const click = table.click(topic, { rest: 'urgent', values: [] }, locale)?.message.response;
        if (command) expect(JSON.stringify(command)).toBe(expected.get(`/urgent ${locale}`));
        if (click) expect(JSON.stringify(click)).toBe(expected.get(`topic:urgent ${locale}`));
        served += (command ? 1 : 0) + (click ? 1 : 0);
      }
    }
    expect(steps).toBeGreaterThan(50);
    expect(served).toBeGreaterThan(0);
  });

  it('serves clicks and /urgent in a locale from the table (its replies are the frozen ones)', () => {
    const click = tabled.handle(componentInteraction({ customId: 'topic:cause:sciatica' }, 64, who('de')));
    const urgent = tabled.handle(commandInteraction('urgent', { private: true }, who('en-GB')));
    expect(click.response?.type).toBe(InteractionResponseType.UpdateMessage);
    expect(Object.isFrozen(click.response)).toBe(true);
    expect(Object.isFrozen(urgent.response)).toBe(true);
  });

  it('leaves a reply that throws to the per-call path: the user gets the error reply, the app starts', () => {
    const broken: SlashCommand = {
      data: { name: 'broken', description: 'Always throws' },
      run: () => {
        throw new Error('boom');
      },
      prebuilt: [{ input: {}, locales: [] }],
    };
    const app = createApp({ commands: [broken], components: [], replyTable: 'now' });
    const handled = app.handle(commandInteraction('broken', {}, who('en-US')));
    expect(handled.outcome).toBe('error');
    expect(JSON.stringify(handled.response)).toContain('Something went wrong');
  });

  it('never answers instead of a form, and sends a share button’s reply as a new message from the table too', () => {
    const formFirst: SlashCommand = {
      data: { name: 'form', description: 'Opens a form' },
      run: () => ({ embeds: [{ title: 'Answer', description: 'An answer.' }] }),
      modal: () => ({
        customId: 'form:x',
        title: 'A form',
        inputs: [{ customId: 'q', label: 'Q', maxLength: 10 }],
      }),
      prebuilt: [{ input: {}, locales: [] }],
    };
    const share: ComponentHandler = {
      prefix: 'share',
      newMessage: true,
      run: () => ({ embeds: [{ title: 'Shared', description: 'For everyone.' }] }),
      prebuilt: [{ input: { rest: 'x', values: [] }, locales: [] }],
    };
    const options = { commands: [formFirst], components: [share] };
    const app = createApp({ ...options, replyTable: 'now' });
    const plain = createApp(options);
    expect(app.handle(commandInteraction('form', {}, who('en-US'))).response?.type).toBe(
      InteractionResponseType.Modal,
    );
    const click = (a: typeof app) =>
      a.handle(componentInteraction({ customId: 'share:x' }, MessageFlags.Ephemeral, who('en-US'))).response;
    expect(click(app)?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(Object.isFrozen(click(app))).toBe(true);
    expect(JSON.stringify(click(app))).toBe(JSON.stringify(click(plain)));
  });

  it('keeps its replies from being changed by whoever sends one', () => {
    const response = tabled.handle(commandInteraction('cause', { name: 'sciatica' }, who(null))).response;
    expect(() => {
      (response as { type: number }).type = 7;
    }).toThrow(TypeError);
    const again = tabled.handle(commandInteraction('cause', { name: 'sciatica' }, who(null))).response;
    expect(again?.type).toBe(4);
  });

  it('answers an entry named by its title or a lay term, in any case, as the entry itself', () => {
    const commandOf = { cause: 'cause', tip: 'tips', treatment: 'treatment' } as const;
    let named = 0;
    for (const kind of KINDS) {
      for (const slug of slugsOf(kind)) {
        const title = (entriesByKind[kind] as Record<string, { title: string }>)[slug]?.title ?? '';
        const lay = (layTerms as Record<string, readonly string[]>)[`${kind}:${slug}`] ?? [];
        for (const term of [title, ...lay]) {
          for (const typed of [term, term.toUpperCase(), ` ${term.toLowerCase()} `]) {
            const r = both(
              (w) => commandInteraction(commandOf[kind], { name: typed, private: true }, w),
              'en-GB',
            );
            expect(JSON.stringify(r.tabled.response)).toBe(JSON.stringify(r.perCall.response));
            const own = tabled.handle(
              commandInteraction(commandOf[kind], { name: slug, private: true }, who('en-GB')),
            );
            expect(JSON.stringify(r.tabled.response)).toBe(JSON.stringify(own.response));
            named += 1;
          }
        }
      }
    }
    expect(named).toBeGreaterThan(100);
  });

  it('leaves unknown names and the cooldown to be answered per call', () => {
    for (const options of [{ name: 'not a thing' }, { name: 'sciatic' }, { name: ' ' }]) {
      const r = both((w) => commandInteraction('cause', options, w), 'en-US');
      expect(JSON.stringify(r.tabled.response)).toBe(JSON.stringify(r.perCall.response));
    }
    const user = { userId: snowflake(), locale: 'en-US' };
    const outcomes = Array.from(
      { length: 6 },
      () => tabled.handle(commandInteraction('cause', { name: 'sciatica' }, user)).outcome,
    );
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'cooldown']);
  });
});
