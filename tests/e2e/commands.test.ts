import {
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { createApp } from '../../src/core/app.js';
import { bot } from '../../commands/index.js';
import { expectMessageInvariants } from '../helpers/invariants.js';
import {
  autocomplete,
  buttonClick,
  chatInput,
  messageFromReply,
  selectChoice,
  type BuiltInteraction,
  type InteractionOptions,
  type OptionValues,
} from '../fake-discord/payloads.js';

import { askJsonAll } from './ask-cli.js';
import { botForThisFile, PROCESS_TIMEOUT_MS } from './bot-process.js';
import { invocationsOf } from './command-matrix.js';

const interactionTokens: string[] = [];

const running = botForThisFile();

let users = 0;
/** A fresh user per interaction, so the per-user cooldown never answers in these tests. */
function freshUser(): string {
  users += 1;
  return `14${String(users).padStart(17, '0')}`;
}

async function send(interaction: BuiltInteraction) {
  interactionTokens.push(interaction.token);
  return running.fake.interact(interaction);
}

async function command(name: string, values: OptionValues = {}, options: InteractionOptions = {}) {
  return send(chatInput(name, values, { userId: freshUser(), ...options }));
}

function dataOf(response: APIInteractionResponse): APIInteractionResponseCallbackData {
  return (response as { data: APIInteractionResponseCallbackData }).data;
}

function componentsOf(data: APIInteractionResponseCallbackData): APIComponentInMessageActionRow[] {
  return (data.components ?? []).flatMap(
    (row) => (row as APIActionRowComponent<APIComponentInMessageActionRow>).components,
  );
}

/** What the app answers in process for the same payload (for clicks, which `ask` cannot express). */
function inProcess(interaction: BuiltInteraction): string {
  return JSON.stringify(createApp(bot).handle(interaction).response);
}

describe('every command and option value through the gateway', () => {
  test.each(commands.map((c) => [c.data.name, c] as const))(
    '/%s: each callback is type 4 and what `ask --json` prints (private:true/false only sets or clears flags 64)',
    async (_name, definition) => {
      const invocations = invocationsOf(definition);
      // One `ask` run per value; `private` is then checked as "the same reply, plus flags 64 when
      // true", which keeps the number of CLI processes (0.5 s of CPU each) down.
      const publicLine = (options: OptionValues) => {
        const { private: _private, ...rest } = options;
        return invocations.find((i) => i.options.private === undefined && sameOptions(i.options, rest))?.line;
      };
      const lines = invocations.filter((i) => i.options.private === undefined).map((i) => i.line);
      const expected = await askJsonAll(lines);
      const callbacks = await Promise.all(invocations.map((i) => command(i.command, i.options)));
      for (const [index, invocation] of invocations.entries()) {
        const callback = callbacks[index];
        expect(callback?.response.type, invocation.line).toBe(
          InteractionResponseType.ChannelMessageWithSource,
        );
        const cli = expected.get(publicLine(invocation.options) ?? '') ?? '';
        const base = JSON.parse(cli) as { type: number; data: Record<string, unknown> };
        const { flags: defaultFlags, ...publicData } = base.data;
        const privateFlag = invocation.options.private;
        if (privateFlag === undefined) {
          expect(callback?.raw, invocation.line).toBe(cli);
        } else {
          const flags = privateFlag ? { flags: MessageFlags.Ephemeral } : {};
          expect(JSON.parse(callback?.raw ?? ''), invocation.line).toEqual({
            ...base,
            data: { ...publicData, ...flags },
          });
        }
        const ephemeral =
          privateFlag === undefined ? defaultFlags === MessageFlags.Ephemeral : privateFlag === true;
        expectMessageInvariants(callback?.response, { ephemeral });
      }
    },
    PROCESS_TIMEOUT_MS,
  );
});

function sameOptions(a: OptionValues, b: OptionValues): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

describe('private replies', () => {
  test('private:true gives flags 64; private:false and no private give a public reply', async () => {
    const [privateReply, publicReply, unset] = await Promise.all([
      command('tips', { private: true }),
      command('tips', { private: false }),
      command('tips'),
    ]);
    expect(dataOf(privateReply.response).flags).toBe(MessageFlags.Ephemeral);
    expect(dataOf(publicReply.response).flags).toBeUndefined();
    expect(dataOf(unset.response).flags).toBeUndefined();
  });
});

describe('autocomplete', () => {
  test.each([
    ['cause', 'slipped disc', 'herniated-disc'],
    ['cause', 'shooting pain down my leg', 'sciatica'],
    ['cause', 'wear and tear', 'arthritis'],
    ['treatment', 'cortisone', 'injections'],
    ['treatment', 'hip replacement', 'surgery'],
  ])('/%s typing "%s" offers %s first (type 8)', async (name, typed, slug) => {
    const callback = await send(autocomplete(name, 'name', { name: typed }, { userId: freshUser() }));
    expect(callback.response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = (callback.response as { data: { choices: { value: string }[] } }).data.choices;
    expect(choices[0]?.value).toBe(slug);
    expect(callback.raw).toBe(inProcess(autocomplete(name, 'name', { name: typed })));
  });

  test('empty input lists every entry; 100 typed characters still get at most 25 choices', async () => {
    const [empty, long] = await Promise.all([
      send(autocomplete('tips', 'name', { name: '' }, { userId: freshUser() })),
      send(autocomplete('cause', 'name', { name: 'pain '.repeat(20) }, { userId: freshUser() })),
    ]);
    const emptyChoices = (empty.response as { data: { choices: unknown[] } }).data.choices;
    const tips = commands.find((c) => c.data.name === 'tips');
    const expected = tips?.autocomplete?.({
      options: {},
      locale: 'en-US',
      focused: { name: 'name', value: '' },
    });
    expect(emptyChoices).toEqual(expected);
    expect(long.response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect((long.response as { data: { choices: unknown[] } }).data.choices.length).toBeLessThanOrEqual(25);
  });
});

describe('buttons and select menus', () => {
  test("a button on a public reply answers privately with the button's topic", async () => {
    const userId = freshUser();
    const reply = dataOf((await command('cause', { name: 'sciatica' }, { userId })).response);
    const button = componentsOf(reply).find((c) => c.type === ComponentType.Button && 'custom_id' in c);
    expect(button, 'the reply offers a button').toBeDefined();
    const customId = (button as { custom_id: string }).custom_id;
    const click = buttonClick(customId, messageFromReply(reply, { userId }), { userId: freshUser() });
    const callback = await send(click);
    expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expectMessageInvariants(callback.response, { ephemeral: true });
    expect(callback.raw).toBe(inProcess(click));
  });

  test("the overview's select menu opens the chosen entry privately", async () => {
    const userId = freshUser();
    const reply = dataOf((await command('treatment', {}, { userId })).response);
    const menu = componentsOf(reply).find((c) => c.type === ComponentType.StringSelect);
    expect(menu, 'the overview offers a select menu').toBeDefined();
    const { custom_id: customId, options } = menu as { custom_id: string; options: { value: string }[] };
    const chosen = options.at(-1)?.value ?? '';
    const pick = selectChoice(customId, [chosen], messageFromReply(reply, { userId }), {
      userId: freshUser(),
    });
    const callback = await send(pick);
    expectMessageInvariants(callback.response, { ephemeral: true });
    expect(callback.raw).toBe(inProcess(pick));
  });

  test('a button inside a private reply updates that reply in place (type 7)', async () => {
    const userId = freshUser();
    const reply = dataOf((await command('cause', { name: 'posture', private: true }, { userId })).response);
    const button = componentsOf(reply).find((c) => c.type === ComponentType.Button && 'custom_id' in c);
    const click = buttonClick(
      (button as { custom_id: string }).custom_id,
      messageFromReply(reply, { userId }),
      { userId: freshUser() },
    );
    const callback = await send(click);
    expect(callback.response.type).toBe(InteractionResponseType.UpdateMessage);
    expectMessageInvariants(callback.response, { ephemeral: true });
  });
});

describe('echoed user text', () => {
  test(
    'mentions, links and markdown typed as a value are shown escaped and ping nobody',
    async () => {
      const typed = '@everyone <@123> <@&456> [x](http://example.com) **b**';
      const callback = await command('cause', { name: typed });
      const data = expectMessageInvariants(callback.response, { ephemeral: true });
      const description = data.embeds?.[0]?.description ?? '';
      expect(description).toContain("I don't know '");
      expect(description).not.toContain('@everyone');
      expect(description).not.toContain('**b**');
      expect(description).not.toMatch(/(?<!\\)<@&?\d+>/);
      expect(description).not.toContain('[x](http://');
      const expected = await askJsonAll([`/cause name:"${typed}"`]);
      expect(callback.raw).toBe(expected.get(`/cause name:"${typed}"`));
    },
    PROCESS_TIMEOUT_MS,
  );
});

describe('where the command is used', () => {
  test.each(['dm', 'user-install'] as const)(
    'in a %s (a user, no member, no server) the reply is the same as in a server',
    async (place) => {
      const [elsewhere, inServer] = await Promise.all([
        command('cause', { name: 'arthritis' }, { place }),
        command('cause', { name: 'arthritis' }),
      ]);
      expect(elsewhere.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(elsewhere.raw).toBe(inServer.raw);
    },
  );
});

describe('bad input gets a clear private reply and the bot keeps serving', () => {
  test('an unknown command name (a stale registration)', async () => {
    const callback = await command('cramp');
    const data = expectMessageInvariants(callback.response, { ephemeral: true });
    expect(data.embeds?.[0]?.title).toBe('Unknown command');
  });

  test('an unknown value typed past autocomplete gets "did you mean" buttons', async () => {
    const callback = await command('tips', { name: 'zzzz' });
    const data = expectMessageInvariants(callback.response, { ephemeral: true });
    expect(data.embeds?.[0]?.description).toMatch(/^I don't know 'zzzz'\. Did you mean /);
    expect(componentsOf(data).some((c) => c.type === ComponentType.Button)).toBe(true);
  });

  test('a 6000-character value', async () => {
    const callback = await command('cause', { name: 'a'.repeat(6000) });
    const data = expectMessageInvariants(callback.response, { ephemeral: true });
    expect(data.embeds?.[0]?.title).toBeTruthy();
  });

  test('missing options: a command without its required option, and a command with no name', async () => {
    const required = commands.filter((c) =>
      (c.data.options ?? []).some((o) => 'required' in o && o.required),
    );
    const missingRequired = await Promise.all(required.map((c) => command(c.data.name)));
    for (const callback of missingRequired) expectMessageInvariants(callback.response, { ephemeral: true });
    const nameless = chatInput('cause', {}, { userId: freshUser() });
    const callback = await send({ ...nameless, data: { ...(nameless.data as object), name: '' } });
    const data = expectMessageInvariants(callback.response, { ephemeral: true });
    expect(data.embeds?.[0]?.title).toBe('Could not read that request');
  });

  test('after all of that the bot still answers, and never logged what users typed', async () => {
    const callback = await command('connection');
    expectMessageInvariants(callback.response, { ephemeral: false });
    expect(running.bot.child.exitCode).toBeNull();
    // Lines are written in order: once this answer's line is out, every earlier one is too.
    await running.bot.waitForLog((l) => l.interaction === callback.interactionId, 'the last line');
    const interactionLines = running.bot.logs().filter((l) => l.msg === 'interaction');
    expect(interactionLines.length).toBeGreaterThan(0);
    expect(
      interactionLines.every((l) => typeof l.command === 'string' && typeof l.outcome === 'string'),
    ).toBe(true);
    expect(running.bot.output()).not.toContain('example.com');
    expect(running.bot.output()).not.toContain('zzzz');
    expect(running.bot.output()).not.toContain('a'.repeat(50));
  });

  test("neither the bot token nor any interaction token appears in the bot's output", () => {
    const output = running.bot.output();
    expect(output).not.toContain(running.fake.token);
    for (const token of interactionTokens) expect(output).not.toContain(token);
  });
});
