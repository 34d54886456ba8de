import { describe, expect, test } from 'vitest';
import { chatInput, type BuiltInteraction } from '../fake-discord/payloads.js';

import { botForThisFile } from './bot-process.js';

const running = botForThisFile();

/** The per-user cooldown: 5 commands in 10 s. */
const LIMIT = 5;

describe('100 interactions in flight from 10 users', () => {
  test('each is answered exactly once; only users over the limit get "slow down" replies', async () => {
    // Users 0-4 stay within the limit (4 each); users 5-9 send 16 each: 20 + 80 = 100.
    const plan = Array.from({ length: 10 }, (_, u) => ({
      userId: `18${String(u).padStart(17, '0')}`,
      count: u < 5 ? 4 : 16,
    }));
    const sent: { userId: string; interaction: BuiltInteraction }[] = [];
    for (let round = 0; round < 16; round += 1) {
      for (const { userId, count } of plan) {
        if (round < count) sent.push({ userId, interaction: chatInput('connection', {}, { userId }) });
      }
    }
    expect(sent).toHaveLength(100);
    const callbacks = await Promise.all(sent.map((s) => running.fake.interact(s.interaction)));

    for (const { interaction } of sent) {
      const posts = running.fake.rest.requests.filter(
        (r) => r.method === 'POST' && r.path.startsWith(`/interactions/${interaction.id}/`),
      );
      expect(
        posts.map((p) => p.status),
        interaction.id,
      ).toEqual([204]);
    }
    const slowDown = (i: number) =>
      (callbacks[i]?.response as { data?: { embeds?: { title?: string }[] } }).data?.embeds?.[0]?.title ===
      'Slow down';
    for (const { userId, count } of plan) {
      const mine = sent.flatMap((s, i) => (s.userId === userId ? [i] : []));
      const cooled = mine.filter(slowDown).length;
      expect(cooled, `cooldown replies for a user who sent ${count}`).toBe(Math.max(0, count - LIMIT));
    }
  });

  test("the token never appears in the bot's output", () => {
    expect(running.bot.output()).not.toContain(running.fake.token);
  });
});
