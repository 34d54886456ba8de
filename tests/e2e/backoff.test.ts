import { request } from 'node:http';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterEach, describe, expect, test } from 'vitest';
import { APPLICATION_ID, chatInput, fakeBotToken } from '../fake-discord/payloads.js';
import { serverError } from '../fake-discord/faults.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { freePort } from '../helpers/http-server.js';
import { PROCESS_TIMEOUT_MS, spawnBot, startBot, type BotProcess, type LogLine } from './bot-process.js';

let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  await bot?.stop();
  await fake?.close();
  bot = undefined;
  fake = undefined;
});

const START_RETRY = 'cannot reach Discord: retrying';
const RECONNECT = 'shard reconnecting';

/** Waits for `count` log lines with this message and returns the first `count`, in order. */
async function lines(running: BotProcess, msg: string, count: number): Promise<LogLine[]> {
  await running.waitForLog(
    () => running.logs().filter((l) => l.msg === msg).length >= count,
    `${count} x "${msg}"`,
  );
  return running
    .logs()
    .filter((l) => l.msg === msg)
    .slice(0, count);
}

/** The wait before retry `n` (1, 2, ...) is in the upper half of a step doubling from base to 30 x base. */
function expectBackoff(delayMs: unknown, n: number, baseMs: number): void {
  const step = Math.min(30 * baseMs, baseMs * 2 ** (n - 1));
  expect(delayMs, `wait before retry ${n}`).toBeGreaterThanOrEqual(Math.floor(step / 2));
  expect(delayMs, `wait before retry ${n}`).toBeLessThanOrEqual(step);
}

function delays(logged: readonly LogLine[]): number[] {
  return logged.map((l) => l.delayMs as number);
}

function metricsText(port: number): Promise<string> {
  return new Promise((done, fail) => {
    request({ host: '127.0.0.1', port, path: '/metrics' }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(text));
    })
      .on('error', fail)
      .end();
  });
}

describe('start while Discord cannot be reached (the built bot, fake Discord on 127.0.0.1)', () => {
  test(
    'nothing listening: retries with growing waits, then answers once Discord comes up on that address',
    async () => {
      const port = await freePort();
      const token = fakeBotToken(APPLICATION_ID);
      bot = spawnBot({ apiBase: `http://127.0.0.1:${port}/api`, token }, undefined, {
        GATEWAY_BACKOFF_BASE_MS: '100',
      });
      const retries = await lines(bot, START_RETRY, 3);
      expect(retries.map((l) => l.attempt)).toEqual([1, 2, 3]);
      retries.forEach((l, i) => expectBackoff(l.delayMs, i + 1, 100));
      expect(retries[0]).toMatchObject({ level: 40, code: 'ECONNREFUSED' });
      expect(bot.child.exitCode).toBeNull();

      fake = await startFakeDiscord({ port, token });
      await bot.waitForLog((l) => l.msg === 'ready', 'ready');
      const callback = await fake.interact(chatInput('urgent', {}));
      expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(bot.output()).not.toContain(token);
    },
    PROCESS_TIMEOUT_MS,
  );

  test(
    'GET /gateway/bot answers 500: each failed start is retried after a longer wait, then the bot connects',
    async () => {
      const discord = await startFakeDiscord();
      fake = discord;
      // Two failed starts: the REST client tries each request twice (one retry on a 5xx).
      discord.rest.inject('GET', /^\/gateway\/bot$/, serverError(), 4);
      bot = await startBot(discord, undefined, { GATEWAY_BACKOFF_BASE_MS: '100' });
      const retries = bot.logs().filter((l) => l.msg === START_RETRY);
      expect(retries.map((l) => [l.attempt, l.status])).toEqual([
        [1, 500],
        [2, 500],
      ]);
      retries.forEach((l, i) => expectBackoff(l.delayMs, i + 1, 100));
      expect(discord.rest.requests.filter((r) => r.path === '/gateway/bot').map((r) => r.status)).toEqual([
        500, 500, 500, 500, 200,
      ]);
      const callback = await discord.interact(chatInput('urgent', {}));
      expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    },
    PROCESS_TIMEOUT_MS,
  );

  test(
    'SIGTERM during a wait: exit 0 at once, without waiting for the next try',
    async () => {
      const port = await freePort();
      // The first wait is 5-10 s: the next try could only come after that.
      bot = spawnBot(
        { apiBase: `http://127.0.0.1:${port}/api`, token: fakeBotToken(APPLICATION_ID) },
        undefined,
        { GATEWAY_BACKOFF_BASE_MS: '10000' },
      );
      const [first] = await lines(bot, START_RETRY, 1);
      expect(first?.delayMs).toBeGreaterThanOrEqual(5_000);
      bot.child.kill('SIGTERM');
      // Exit 1 would mean the shutdown outlived its own 5 s deadline.
      expect(await bot.exited()).toBe(0);
      expect(bot.logs().filter((l) => l.msg === START_RETRY)).toHaveLength(1);
      expect(bot.logs().some((l) => l.msg === 'stopped')).toBe(true);
    },
    PROCESS_TIMEOUT_MS,
  );

  test(
    'Discord refuses the intents (close code 4014 at IDENTIFY): exit 1 at once with the reason, no retries',
    async () => {
      const discord = await startFakeDiscord();
      fake = discord;
      discord.gateway.identifyCloseCode = 4014;
      bot = spawnBot(discord, undefined, { GATEWAY_BACKOFF_BASE_MS: '100' });
      expect(await bot.exited()).toBe(1);
      expect(bot.stderr()).toMatch(/code 4014/);
      expect(bot.logs().filter((l) => l.msg === RECONNECT || l.msg === START_RETRY)).toEqual([]);
      expect(bot.output()).not.toContain(discord.token);
    },
    PROCESS_TIMEOUT_MS,
  );
});

describe('the gateway connection drops and cannot be made again', () => {
  test(
    'reconnects wait longer each time up to the cap, are counted, and start over after the bot is back',
    async () => {
      const discord = await startFakeDiscord();
      fake = discord;
      const metricsPort = await freePort();
      // Base 20 ms: waits of 10-20, 20-40 ... up to the cap, 300-600 ms, from the 6th retry on.
      bot = await startBot(discord, undefined, {
        GATEWAY_BACKOFF_BASE_MS: '20',
        METRICS_PORT: String(metricsPort),
        HOST: '127.0.0.1',
      });

      discord.gateway.refusing = true;
      discord.gateway.drop(0);
      const reconnects = await lines(bot, RECONNECT, 8);
      expect(reconnects.map((l) => [l.shard, l.attempt])).toEqual(
        Array.from({ length: 8 }, (_, i) => [0, i + 1]),
      );
      const waits = delays(reconnects);
      expect(waits[0], 'the first reconnect goes at once').toBe(0);
      waits.slice(1).forEach((ms, i) => expectBackoff(ms, i + 1, 20));
      // Below the cap each step doubles, so each wait is at least the one before.
      const growing = waits.slice(0, 6);
      expect(growing, 'never shorter than the one before').toEqual([...growing].sort((a, b) => a - b));
      expect(Math.max(...waits), 'capped at 30 x base').toBeLessThanOrEqual(600);
      expect(waits.slice(-2).every((ms) => ms >= 300)).toBe(true);
      expect(discord.gateway.refused).toBeGreaterThanOrEqual(7);
      const counted = /^hip_back_bot_gateway_reconnects_total\{shard="0"\} (\d+)$/m.exec(
        await metricsText(metricsPort),
      );
      expect(Number(counted?.[1])).toBeGreaterThanOrEqual(8);

      // The network is back: the bot connects (identify or resume) and answers again.
      const back = Promise.race([discord.gateway.next('identify'), discord.gateway.next('resume')]);
      discord.gateway.refusing = false;
      await back;
      const callback = await discord.interact(chatInput('urgent', {}));
      expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);

      // Dropped again at once: no fresh start, the waits go on from where they were.
      let before = bot.logs().filter((l) => l.msg === RECONNECT).length;
      const lastAttempt = Math.max(
        ...bot
          .logs()
          .filter((l) => l.msg === RECONNECT)
          .map((l) => l.attempt as number),
      );
      let resumed = discord.gateway.next('resume');
      discord.gateway.drop(0);
      await resumed;
      const [flapped] = (await lines(bot, RECONNECT, before + 1)).slice(before);
      expect(flapped).toMatchObject({ shard: 0, attempt: lastAttempt + 1 });
      expect(delays([flapped!])[0]).toBeGreaterThanOrEqual(300);

      // Connected for longer than the longest wait (600 ms), the count starts over: the next drop's
      // first reconnect goes at once.
      await new Promise((resolve) => setTimeout(resolve, 900));
      before = bot.logs().filter((l) => l.msg === RECONNECT).length;
      resumed = discord.gateway.next('resume');
      discord.gateway.drop(0);
      await resumed;
      const [again] = (await lines(bot, RECONNECT, before + 1)).slice(before);
      expect(again).toMatchObject({ shard: 0, attempt: 1, delayMs: 0 });
      expect(bot.output()).not.toContain(discord.token);
    },
    PROCESS_TIMEOUT_MS,
  );

  test(
    'SIGTERM while a reconnect waits: exit 0 at once, without the next try',
    async () => {
      const discord = await startFakeDiscord();
      fake = discord;
      // The third reconnect waits 1-2 s.
      bot = await startBot(discord, undefined, { GATEWAY_BACKOFF_BASE_MS: '1000' });
      discord.gateway.refusing = true;
      discord.gateway.drop(0);
      const third = await bot.waitForLog((l) => l.msg === RECONNECT && l.attempt === 3, 'third reconnect');
      expect(third.delayMs).toBeGreaterThanOrEqual(1_000);
      const refused = discord.gateway.refused;
      bot.child.kill('SIGTERM');
      expect(await bot.exited()).toBe(0);
      expect(bot.logs().filter((l) => l.msg === RECONNECT)).toHaveLength(3);
      expect(discord.gateway.refused, 'no connection attempt after SIGTERM').toBe(refused);
    },
    PROCESS_TIMEOUT_MS,
  );
});
