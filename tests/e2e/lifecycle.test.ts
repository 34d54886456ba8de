import { afterEach, describe, expect, test } from 'vitest';
import { fakeBotToken, chatInput } from '../fake-discord/payloads.js';
import type { RecordedRequest } from '../fake-discord/rest.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { spawnBot, startBot, type BotProcess, PROCESS_TIMEOUT_MS } from './bot-process.js';

let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  await bot?.stop();
  await fake?.close();
});

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;

describe('starting and stopping', () => {
  test(
    'a bad token (401 on GET /gateway/bot): one clear error line naming DISCORD_TOKEN, exit 1',
    async () => {
      fake = await startFakeDiscord();
      const badToken = fakeBotToken('1');
      bot = spawnBot({ apiBase: fake.apiBase, token: badToken });
      expect(await bot.exited()).toBe(1);
      const lines = bot.stderr().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/DISCORD_TOKEN/);
      expect(fake.rest.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
        'GET /gateway/bot 401',
      ]);
      expect(bot.output()).not.toContain(badToken);
    },
    PROCESS_TIMEOUT_MS,
  );

  test(
    'SIGTERM with interactions in flight: every one is answered, then exit 0 before the 5 s deadline',
    async () => {
      const discord = await startFakeDiscord();
      fake = discord;
      bot = await startBot(discord);
      // Discord takes 400 ms over each reply, so the replies are still in flight at SIGTERM.
      discord.rest.inject('POST', CALLBACK, { kind: 'delay', ms: 400 }, 5);
      const received: RecordedRequest[] = [];
      const allReceived = new Promise<void>((resolve) =>
        discord.rest.on('request', (r: RecordedRequest) => {
          if (CALLBACK.test(r.path)) received.push(r);
          if (received.length === 5) resolve();
        }),
      );
      const interactions = Array.from({ length: 5 }, (_, i) =>
        chatInput('urgent', {}, { userId: `20${String(i).padStart(17, '0')}` }),
      );
      const answered = Promise.all(interactions.map((i) => discord.interact(i)));
      await allReceived;
      bot.child.kill('SIGTERM');
      // The bot exits 1 if stopping outlives its 5 s deadline, so exit code 0 means it finished in time.
      expect(await bot.exited()).toBe(0);
      expect((await answered).map((c) => c.response.type)).toEqual([4, 4, 4, 4, 4]);
      const stopping = bot.logs().find((l) => l.msg.startsWith('stopping'));
      expect(stopping?.inFlight).toBe(5);
      expect(bot.output()).not.toContain(discord.token);
    },
    PROCESS_TIMEOUT_MS,
  );

  test(
    'SIGTERM when the reader of its stdout is gone (a log collector that died): exit 0',
    async () => {
      const discord = await startFakeDiscord();
      fake = discord;
      bot = await startBot(discord);
      // Closing our end of the pipe: every log line from now on fails with EPIPE.
      bot.child.stdout?.destroy();
      bot.child.kill('SIGTERM');
      expect(await bot.exited()).toBe(0);
      expect(bot.stderr()).toBe('');
    },
    PROCESS_TIMEOUT_MS,
  );
});
