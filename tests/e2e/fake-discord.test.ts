import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  APPLICATION_ID,
  autocomplete,
  buttonClick,
  chatInput,
  messageFromReply,
  selectChoice,
  type BuiltInteraction,
} from '../fake-discord/payloads.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { PROCESS_TIMEOUT_MS } from './bot-process.js';

/**
 * The fake itself, checked with an unmodified discord.js client in this process: its payloads
 * build every Interaction class without a TypeError, and its webhook routes serve discord.js's own
 * deferReply / editReply / fetchReply / followUp / deleteReply.
 */

let fake: FakeDiscord;
let client: Client;
const received = new Map<string, Interaction>();

beforeAll(async () => {
  fake = await startFakeDiscord();
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase } });
  client.on(Events.InteractionCreate, (interaction) => {
    received.set(interaction.id, interaction);
  });
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
}, PROCESS_TIMEOUT_MS);

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

/** Dispatches without waiting for a callback, and resolves with the Interaction discord.js built. */
async function deliver(interaction: BuiltInteraction): Promise<Interaction> {
  void fake.interact(interaction);
  for (let waited = 0; !received.has(interaction.id); waited += 5) {
    // discord.js throws inside its websocket handler on an incomplete payload and emits nothing.
    if (waited > 5_000) throw new Error(`discord.js emitted no interactionCreate for ${interaction.id}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return received.get(interaction.id) as Interaction;
}

const reply = {
  embeds: [{ title: 't', description: 'd' }],
  components: [
    {
      type: 1,
      components: [{ type: 2, style: 2, label: 'Open', custom_id: 'topic:cause:sciatica' }],
    },
  ],
  flags: 64,
};

describe('payload builders make every interaction discord.js knows', () => {
  test('a slash command in a server: member, guild, options', async () => {
    const i = await deliver(
      chatInput('cause', { name: 'sciatica', private: true }, { userId: '2300000000000000001' }),
    );
    expect(i.isChatInputCommand() && i.options.getString('name')).toBe('sciatica');
    expect(i.inGuild()).toBe(true);
    expect(i.user.id).toBe('2300000000000000001');
  });

  test('a slash command in a DM and as a user-installed app: a user, no member, no server', async () => {
    for (const place of ['dm', 'user-install'] as const) {
      const i = await deliver(chatInput('tips', {}, { place, userId: '2300000000000000002' }));
      expect(i.isChatInputCommand()).toBe(true);
      expect(i.guildId).toBeNull();
      expect(i.member).toBeNull();
      expect(i.user.id).toBe('2300000000000000002');
      expect(i.authorizingIntegrationOwners.toJSON()).toEqual({ '1': '2300000000000000002' });
    }
  });

  test('autocomplete, a button and a select menu on a private reply with its interaction metadata', async () => {
    const typed = await deliver(autocomplete('cause', 'name', { name: 'slipped' }));
    expect(typed.isAutocomplete() && typed.options.getFocused()).toBe('slipped');
    const message = messageFromReply(reply);
    const click = await deliver(buttonClick('topic:cause:sciatica', message));
    expect(click.isButton() && click.customId).toBe('topic:cause:sciatica');
    expect(click.isButton() && click.message.interactionMetadata?.authorizingIntegrationOwners).toBeDefined();
    const pick = await deliver(selectChoice('menu:cause', ['cause:arthritis'], message));
    expect(pick.isStringSelectMenu() && pick.values).toEqual(['cause:arthritis']);
  });
});

describe('interaction webhooks as discord.js uses them', () => {
  test('defer, edit, fetch, follow up and delete the reply', async () => {
    const i = await deliver(chatInput('help', {}, { userId: '2300000000000000003' }));
    if (!i.isChatInputCommand()) throw new Error('not a chat input command');
    await i.deferReply();
    const edited = await i.editReply({ content: 'edited' });
    expect(edited.content).toBe('edited');
    expect((await i.fetchReply()).content).toBe('edited');
    const followUp = await i.followUp({ content: 'more' });
    expect(followUp.content).toBe('more');
    await i.deleteReply();
    const original = `/webhooks/${APPLICATION_ID}/${i.token}/messages/@original`;
    const routes = fake.rest.requests
      .filter((r) => r.path.includes(i.id) || r.path.includes(i.token))
      .map((r) => `${r.method} ${r.path.replace(i.token, '<token>').replace(i.id, '<id>')} ${r.status}`);
    expect(routes).toEqual([
      'POST /interactions/<id>/<token>/callback 204',
      `PATCH ${original.replace(i.token, '<token>')} 200`,
      `GET ${original.replace(i.token, '<token>')} 200`,
      `POST /webhooks/${APPLICATION_ID}/<token> 200`,
      `DELETE ${original.replace(i.token, '<token>')} 204`,
    ]);
  });
});
