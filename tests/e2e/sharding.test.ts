import { InteractionResponseType } from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { BUSY_GUILD, GUILD_ID, SECOND_GUILD_ID, chatInput, shardOf } from '../fake-discord/payloads.js';

import { botForThisFile } from './bot-process.js';

// Busy servers (channels, roles, emojis, threads, members in voice ...), as discord.js caches them.
const running = botForThisFile({
  shards: 2,
  guildIds: [GUILD_ID, SECOND_GUILD_ID],
  guildContents: BUSY_GUILD,
});

describe('two shards (GET /gateway/bot recommends 2)', () => {
  test('the bot identifies shard 0 and shard 1 of 2 and reports both servers when ready', async () => {
    expect(running.fake.gateway.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const ready = await running.bot.waitForLog((l) => l.msg === 'ready', 'ready');
    expect(ready.guilds).toBe(2);
    expect(ready.shards).toBe(2);
  });

  test('interactions in a server on each shard, and a DM (shard 0), are all answered on their shard', async () => {
    expect([shardOf(GUILD_ID, 2), shardOf(SECOND_GUILD_ID, 2)]).toEqual([0, 1]);
    const sent = [
      chatInput('urgent', {}, { guildId: GUILD_ID, userId: '1700000000000000001' }),
      chatInput('urgent', {}, { guildId: SECOND_GUILD_ID, userId: '1700000000000000002' }),
      chatInput('urgent', {}, { place: 'dm', userId: '1700000000000000003' }),
    ];
    const callbacks = await Promise.all(sent.map((i) => running.fake.interact(i)));
    for (const callback of callbacks) {
      expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    }
    const logged = await Promise.all(
      sent.map((i) => running.bot.waitForLog((l) => l.msg === 'interaction' && l.interaction === i.id, i.id)),
    );
    expect(logged.map((l) => l.shard)).toEqual([0, 1, 0]);
  });

  test("the token never appears in the bot's output", () => {
    expect(running.bot.output()).not.toContain(running.fake.token);
  });
});
