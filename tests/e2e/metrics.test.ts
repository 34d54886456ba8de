import { request } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { chatInput } from '../fake-discord/payloads.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { freePort } from '../helpers/http-server.js';
import { PROCESS_TIMEOUT_MS, spawnBot, type BotProcess } from './bot-process.js';

let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  await bot?.stop();
  await fake?.close();
});

function get(port: number, path: string): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, text }));
    })
      .on('error', fail)
      .end();
  });
}

describe('gateway bot with METRICS_PORT (the built bot against the fake Discord)', () => {
  test(
    '/healthz is 503 before every shard is READY and 200 after; /metrics counts interactions, shards and reconnects',
    async () => {
      const discord = await startFakeDiscord();
      fake = discord;
      // Discord takes a second over GET /gateway/bot, so the bot is up but not yet connected.
      discord.rest.inject('GET', /^\/gateway\/bot$/, { kind: 'delay', ms: 1_000 });
      const port = await freePort();
      bot = spawnBot(discord, undefined, { METRICS_PORT: String(port), HOST: '127.0.0.1' });
      await bot.waitForLog((l) => l.msg === 'serving metrics', 'serving metrics');

      const starting = await get(port, '/healthz');
      expect(bot.logs().some((l) => l.msg === 'ready')).toBe(false);
      expect(starting).toEqual({ status: 503, text: '{"status":"starting"}' });

      await bot.waitForLog((l) => l.msg === 'ready', 'ready');
      expect(await get(port, '/healthz')).toEqual({ status: 200, text: '{"status":"ok"}' });

      const typed = 'zebra canary 4471';
      await discord.interact(chatInput('cause', { name: 'sciatica' }));
      await discord.interact(chatInput('ask', { question: typed }));
      await bot.waitForLog((l) => l.msg === 'interaction' && l.command === 'ask', 'the /ask interaction');
      let metrics = await get(port, '/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.text).toContain(
        'hip_back_bot_interactions_total{kind="command",command="cause",outcome="ok"} 1',
      );
      expect(metrics.text).toContain(
        'hip_back_bot_interactions_total{kind="command",command="ask",outcome="unknown-value"} 1',
      );
      expect(metrics.text).toMatch(/^hip_back_bot_interaction_duration_seconds_count\{kind="command"\} 2$/m);
      expect(metrics.text).toContain('hip_back_bot_gateway_shard_ready{shard="0"} 1');
      expect(metrics.text).toMatch(/^process_resident_memory_bytes \d+/m);
      expect(metrics.text).not.toContain('zebra');
      expect(metrics.text).not.toContain(discord.token);

      // The connection drops (close code 4000): the reconnect is counted and the bot resumes.
      discord.gateway.close(0, 4000, 'Unknown error');
      await bot.waitForLog((l) => l.msg === 'shard resumed', 'shard resumed');
      metrics = await get(port, '/metrics');
      expect(metrics.text).toContain('hip_back_bot_gateway_reconnects_total{shard="0"} 1');
      expect(await get(port, '/healthz')).toEqual({ status: 200, text: '{"status":"ok"}' });
      expect((await get(port, '/other')).status).toBe(404);

      expect(await bot.stop()).toBe(0);
    },
    PROCESS_TIMEOUT_MS,
  );

  test(
    'a METRICS_PORT already in use stops the start with one line naming it, exit 1',
    async () => {
      const discord = await startFakeDiscord();
      fake = discord;
      // The fake Discord's own port is taken.
      bot = spawnBot(discord, undefined, { METRICS_PORT: String(discord.port), HOST: '127.0.0.1' });
      expect(await bot.exited()).toBe(1);
      expect(bot.stderr()).toMatch(
        new RegExp(`^Cannot serve metrics on METRICS_PORT=${discord.port}: .*EADDRINUSE`),
      );
    },
    PROCESS_TIMEOUT_MS,
  );
});
