/**
 * What discord.js's caches cost the gateway bot: the built bot (`node dist/src/cli/start.js`, tsc's
 * build of what `npm start` runs bundled: the preload can patch its discord.js, the bundle has its own)
 * against the local fake Discord on 127.0.0.1, in 1, 100 and 1,000 busy servers (BUSY_GUILD), with its
 * own caches and with other cache tables swapped in by bench/gateway-caches-preload.mjs. Per
 * case: time to READY, RSS and heap after GC at ready and after 1,000 interactions, and what each
 * kind of manager holds. Every case must give the same answers. `npm run bench:caches`; not a test.
 *
 * Usage: tsx bench/gateway-caches.ts [--rounds 3] [--guilds 1,100,1000]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { evaluateAfterGc } from './inspector.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  BUSY_GUILD,
  chatInput,
  type BuiltInteraction,
  type OptionValues,
} from '../tests/fake-discord/payloads.js';
import { startFakeDiscord, type FakeDiscord } from '../tests/fake-discord/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PRELOAD = pathToFileURL(join(ROOT, 'bench/gateway-caches-preload.mjs')).href;
const MIB = 1024 * 1024;
const INTERACTIONS = 1_000;
const IN_FLIGHT = 50;

/** Cache tables for Options.cacheWithLimits; `undefined` runs the bot's own caches. */
const VARIANTS: Readonly<Record<string, Readonly<Record<string, number>> | undefined>> = {
  'as built': undefined,
  // discord.js's defaults: every cache unlimited but messages (none arrive under the Guilds intent).
  defaults: { MessageManager: 200 },
  // Off: every manager that fills under the Guilds intent and is not needed for the guild count
  // (threads through ThreadManager); discord.js does not support limiting channels, roles or overwrites.
  'trimmed table': {
    GuildEmojiManager: 0,
    GuildMemberManager: 0,
    GuildScheduledEventManager: 0,
    GuildStickerManager: 0,
    StageInstanceManager: 0,
    ThreadManager: 0,
    UserManager: 0,
    VoiceStateManager: 0,
  },
};

/** A few commands in turn, each from its own user (so the cooldown never answers instead). */
const COMMANDS: readonly (readonly [string, OptionValues])[] = [
  ['cause', { name: 'sciatica' }],
  ['tips', {}],
  ['urgent', {}],
  ['ask', { question: 'shooting pain down my leg' }],
  ['help', {}],
];

/** Guild ids 2^14 apart, so the ids inside each server (guild id + 16 + n) never collide. */
function guildIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    (1_400_000_000_000_000_000n + (BigInt(i) << 14n)).toString(),
  );
}

function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) * 1024;
}

interface Reading {
  readonly rss: number;
  readonly heap: number;
  readonly sizes: Readonly<Record<string, number>>;
}

async function read(pid: number, inspector: string): Promise<Reading> {
  const value = (await evaluateAfterGc(
    inspector,
    'JSON.stringify({ heap: process.memoryUsage().heapUsed, sizes: globalThis.benchCacheSizes() })',
  )) as string;
  const { heap, sizes } = JSON.parse(value) as { heap: number; sizes: Record<string, number> };
  // RSS after the GC, so both readings see the same heap.
  return { rss: rssOf(pid), heap, sizes };
}

interface Run {
  /** Process start to the bot's ready line, as the bot logs it (startupMs). */
  readonly readyMs: number;
  readonly atReady: Reading;
  readonly after: Reading;
  /** Each interaction's answer as sent, undefined if none came within Discord's 3 s window. */
  readonly answers: readonly (string | undefined)[];
}

async function start(
  fake: FakeDiscord,
  limits: Readonly<Record<string, number>> | undefined,
): Promise<{ child: ChildProcess; readyMs: number; inspector: string }> {
  const child = spawn(
    process.execPath,
    ['--inspect=127.0.0.1:0', '--import', PRELOAD, join(ROOT, 'dist/src/cli/start.js')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DISCORD_TOKEN: fake.token,
        DISCORD_API_BASE: fake.apiBase,
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        ...(limits ? { BENCH_CACHE_LIMITS: JSON.stringify(limits) } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    const check = () => {
      const inspector = /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1];
      const line = stdout.split('\n').find((l) => l.includes('"msg":"ready"'));
      if (!line || !inspector) return;
      child.stdout?.removeAllListeners('data');
      // Keep draining the per-interaction log lines so the pipe never blocks the bot.
      child.stdout?.resume();
      resolve({ child, readyMs: (JSON.parse(line) as { startupMs: number }).startupMs, inspector });
    };
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
      check();
    });
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      check();
    });
    child.once('exit', (code) => reject(new Error(`bot exited (${code}) before ready:\n${stdout}${stderr}`)));
  });
}

async function interact(fake: FakeDiscord, guilds: readonly string[]): Promise<(string | undefined)[]> {
  const answers = new Array<string | undefined>(INTERACTIONS).fill(undefined);
  let next = 0;
  const lane = async () => {
    while (next < INTERACTIONS) {
      const n = next;
      next += 1;
      const [command, values] = COMMANDS[n % COMMANDS.length] ?? ['help', {}];
      const interaction: BuiltInteraction = chatInput(command, values, {
        guildId: guilds[n % guilds.length] ?? '',
        userId: (2_300_000_000_000_000_000n + BigInt(n)).toString(),
      });
      const callback = await fake.interact(interaction).catch(() => undefined);
      fake.rest.forget(interaction.id);
      answers[n] = callback?.raw;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return answers;
}

async function measure(
  guildCount: number,
  limits: Readonly<Record<string, number>> | undefined,
): Promise<Run> {
  const guilds = guildIds(guildCount);
  const fake = await startFakeDiscord({ record: false, guildIds: guilds, guildContents: BUSY_GUILD });
  const { child, readyMs, inspector } = await start(fake, limits);
  try {
    const pid = child.pid ?? 0;
    const atReady = await read(pid, inspector);
    const answers = await interact(fake, guilds);
    const after = await read(pid, inspector);
    return { readyMs, atReady, after, answers };
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
    await fake.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function run(rounds = 3, guildCounts: readonly number[] = [1, 100, 1_000]): Promise<void> {
  console.log(
    `\nGateway caches: the built bot in N servers (each ${Object.entries(BUSY_GUILD)
      .map(([k, v]) => `${v} ${k}`)
      .join(
        ', ',
      )}), then ${INTERACTIONS.toLocaleString('en-US')} interactions (${IN_FLIGHT} in flight); median of ${rounds}`,
  );
  console.log(
    `${'servers'.padStart(7)}  ${'cache table'.padEnd(15)}${'ready ms'.padStart(9)}${'RSS ready'.padStart(11)}${'heap ready'.padStart(12)}${'RSS after'.padStart(11)}${'heap after'.padStart(12)}  answers`,
  );
  // The first answer seen to each interaction; every other run, any table, must send the same bytes.
  const reference: (string | undefined)[] = [];
  let differing = 0;
  for (const guildCount of guildCounts) {
    const runs = new Map<string, Run[]>();
    // Rounds interleave the tables, so a busy moment on the machine does not land on one table only.
    for (let round = 0; round < rounds; round += 1)
      for (const [name, limits] of Object.entries(VARIANTS)) {
        const list = runs.get(name) ?? [];
        list.push(await measure(guildCount, limits));
        runs.set(name, list);
      }
    for (const [name, list] of runs) {
      const m = (pick: (r: Run) => number) => median(list.map(pick));
      let unanswered = 0;
      let different = 0;
      for (const r of list)
        r.answers.forEach((answer, n) => {
          if (answer === undefined) unanswered += 1;
          else if ((reference[n] ??= answer) !== answer) different += 1;
        });
      differing += different;
      console.log(
        [
          String(guildCount).padStart(7),
          `  ${name.padEnd(15)}`,
          m((r) => r.readyMs)
            .toFixed(0)
            .padStart(9),
          (m((r) => r.atReady.rss) / MIB).toFixed(1).padStart(11),
          (m((r) => r.atReady.heap) / MIB).toFixed(1).padStart(12),
          (m((r) => r.after.rss) / MIB).toFixed(1).padStart(11),
          (m((r) => r.after.heap) / MIB).toFixed(1).padStart(12),
          `  ${different ? `${different} DIFFERENT` : 'same'}${unanswered ? `, ${unanswered} unanswered in 3 s` : ''}`,
        ].join(''),
      );
    }
    const largest = runs.get('defaults')?.at(-1)?.after.sizes;
    if (largest)
      console.log(
        `${''.padStart(9)}held with the defaults: ${Object.entries(largest)
          .filter(([, size]) => size > 0)
          .map(([manager, size]) => `${manager} ${size}`)
          .join(', ')}`,
      );
  }
  console.log(
    differing === 0
      ? 'Answers: the same bytes for every cache table.'
      : `Answers DIFFER: ${differing} answers are not the bytes first seen for that interaction.`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { rounds: { type: 'string', default: '3' }, guilds: { type: 'string', default: '1,100,1000' } },
  });
  await run(Number(values.rounds), values.guilds.split(',').map(Number));
}
