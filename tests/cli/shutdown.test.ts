import { InteractionResponseType } from 'discord-api-types/v10';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chatInput } from '../fake-discord/payloads.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { PROCESS_TIMEOUT_MS } from '../e2e/bot-process.js';
import { freePort, HTTP_MAIN_ARGS, newSigningKeys, send, signatureHeaders } from '../helpers/http-server.js';
import { commandInteraction } from '../helpers/interactions.js';
import { BUILT } from '../helpers/run-built.js';
import { spawnWithStalledStdout, type StalledStdoutProcess } from '../helpers/stalled-stdout.js';

/**
 * The built gateway bot and HTTP endpoint with stdout piped to a reader that stops reading (a stuck
 * log shipper): the pipe fills after about 80 KiB of log lines, and neither the work nor the exit
 * may wait on it.
 */

/** Enough interactions that their log lines (about 180 bytes each) overflow the pipe and its reader's buffer. */
const FLOOD = 1_200;
/** SIGTERM to exit takes at most 5 s (shutdown.ts); this guard only keeps a hung process from hanging the test. */
const GUARD_MS = 8_000;

function userId(n: number): string {
  // One user each: the cooldown (5 commands in 10 s per user) must not answer any of them.
  return `19${String(n).padStart(17, '0')}`;
}

/** SIGTERM, then the exit code, or 'still running' if the process outlives the guard (then killed). */
async function terminate(running: StalledStdoutProcess): Promise<number | null | 'still running'> {
  running.child.kill('SIGTERM');
  let guard: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    running.exited,
    new Promise<'still running'>((done) => (guard = setTimeout(() => done('still running'), GUARD_MS))),
  ]);
  clearTimeout(guard);
  return result;
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('the HTTP endpoint with a log reader that stopped reading', () => {
  const keys = newSigningKeys();

  async function startEndpoint(env: Record<string, string> = {}) {
    const port = await freePort();
    const endpoint = spawnWithStalledStdout(
      HTTP_MAIN_ARGS,
      {
        NODE_ENV: 'production',
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        HOST: '127.0.0.1',
        PORT: String(port),
        ...env,
      },
      mkdtempSync(join(tmpdir(), 'hip-back-http-')),
    );
    started.push(endpoint.child);
    await endpoint.waitForLog((l) => l.msg === 'listening', 'listening');
    return { endpoint, port };
  }

  async function flood(port: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let sent = 0; sent < FLOOD; sent += 100) {
      const batch = Array.from({ length: 100 }, (_, i) => {
        const body = JSON.stringify(commandInteraction('urgent', {}, { userId: userId(sent + i) }));
        return send(port, {
          headers: { 'content-type': 'application/json', ...signatureHeaders(keys.privateKey, body) },
          body,
        });
      });
      statuses.push(...(await Promise.all(batch)).map((r) => r.status));
    }
    return statuses;
  }

  it(
    'keeps answering, and on SIGTERM exits 0 within its deadline',
    async () => {
      const { endpoint, port } = await startEndpoint();
      endpoint.stall();
      const statuses = await flood(port);
      expect(statuses.filter((s) => s === 200)).toHaveLength(FLOOD);
      expect(await terminate(endpoint)).toBe(0);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'drops what its buffer cannot hold, and says how many lines once the reader reads again',
    async () => {
      // A small buffer, so these few interactions overflow it (the default is 1 MiB).
      const { endpoint, port } = await startEndpoint({ LOG_BUFFER_BYTES: String(16 * 1024) });
      endpoint.stall();
      await flood(port);
      endpoint.resume();
      const dropped = () =>
        endpoint.logs
          .filter((l) => l.msg === 'log lines dropped: the reader of stdout fell behind')
          .map((l) => l.droppedLines as number);
      const logged = () => endpoint.logs.filter((l) => l.msg === 'interaction').length;
      // Every interaction is either logged or counted in a "log lines dropped" line.
      await vi.waitFor(() => expect(logged() + dropped().reduce((sum, n) => sum + n, 0)).toBe(FLOOD), {
        timeout: 5_000,
        interval: 50,
      });
      expect(dropped().length).toBeGreaterThan(0);
      expect(Math.min(...dropped())).toBeGreaterThan(0);
      // The same count, for Prometheus.
      const metrics = await send(port, { method: 'GET', path: '/metrics' });
      const total = dropped().reduce((sum, n) => sum + n, 0);
      expect(metrics.text).toContain(`\nhip_back_bot_log_lines_dropped_total ${total}\n`);
      expect(await terminate(endpoint)).toBe(0);
    },
    PROCESS_TIMEOUT_MS,
  );
});

describe('the gateway bot with a log reader that stopped reading', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
  });

  it(
    'answers every interaction, and on SIGTERM exits 0 within its deadline',
    async () => {
      fake = await startFakeDiscord({ record: false });
      const discord = fake;
      const bot = spawnWithStalledStdout(
        [BUILT.main],
        {
          HOME: process.env.HOME ?? '',
          DISCORD_TOKEN: discord.token,
          DISCORD_API_BASE: discord.apiBase,
          NODE_ENV: 'production',
        },
        mkdtempSync(join(tmpdir(), 'hip-back-e2e-')),
      );
      started.push(bot.child);
      await bot.waitForLog((l) => l.msg === 'ready', 'ready');
      bot.stall();
      const callbacks = [];
      for (let sent = 0; sent < FLOOD; sent += 100) {
        const batch = Array.from({ length: 100 }, (_, i) =>
          discord.interact(chatInput('urgent', {}, { userId: userId(sent + i) })),
        );
        callbacks.push(...(await Promise.all(batch)));
      }
      expect(
        callbacks.filter((c) => c.response.type === InteractionResponseType.ChannelMessageWithSource),
      ).toHaveLength(FLOOD);
      expect(await terminate(bot)).toBe(0);
    },
    PROCESS_TIMEOUT_MS,
  );
});
