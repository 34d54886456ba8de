/**
 * Gateway benchmark: the built bot (`npm start`, which runs the bundle dist/start.mjs) against a
 * minimal discord.js bot written the way the discord.js guide writes one (baseline-bot.ts), both
 * served by the same local fake Discord in one run. Part of `npm run bench`; not a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { evaluateAfterGc } from './inspector.js';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { chatInput, type BuiltInteraction } from '../tests/fake-discord/payloads.js';
import { startFakeDiscord, type FakeDiscord } from '../tests/fake-discord/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STARTS = 11;
const LOAD_ROUNDS = 4;
const WARM_UP = 1_000;
const SEQUENTIAL = 2_000;
const HEAP_FIRST_AT = 5_000;
const TOTAL = 20_000;
const IN_FLIGHT = 100;
/**
 * Users are taken round robin from this many ids: every user has been seen by interaction 5,000
 * (so caches keyed by user are full before the first heap reading), and none sends more than 4 of
 * the 20,000, so the bot's cooldown (5 per 10 s per user) never answers instead of the command.
 */
const USERS = 5_000;
const MIB = 1024 * 1024;

interface Subject {
  readonly name: string;
  readonly script: string;
  /** How a user starts it: `npm start` for the bot, `node index.js` as the guide says for the baseline. */
  readonly startCommand: readonly string[];
  readonly isReady: (line: string) => boolean;
}

/** The baseline, transpiled once so it starts like the bot does: plain node, no loader. */
function baselineScript(): string {
  const source = readFileSync(join(ROOT, 'bench/baseline-bot.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
  });
  // Under node_modules so that `discord.js` resolves from the project's own node_modules.
  const dir = join(ROOT, 'node_modules/.cache/hip-back-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'baseline-bot.mjs');
  writeFileSync(file, outputText);
  return file;
}

function subjects(): Subject[] {
  return [
    {
      name: 'bot',
      script: join(ROOT, 'dist/start.mjs'),
      startCommand: ['npm', 'start', '--silent'],
      isReady: (line) => line.includes('"msg":"ready"'),
    },
    {
      name: 'baseline',
      script: baselineScript(),
      startCommand: [process.execPath, baselineScript()],
      isReady: (line) => line.startsWith('Ready!'),
    },
  ];
}

interface Running {
  readonly child: ChildProcess;
  readonly readyMs: number;
  readonly startedAt: number;
  readonly rssAtReady: number;
  /** The inspector's WebSocket URL when started with --inspect. */
  readonly inspector: string | undefined;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

async function launch(
  subject: Subject,
  fake: FakeDiscord,
  inspect: boolean,
  asUsersStartIt = false,
): Promise<Running> {
  // Output goes to a file, as under a process manager: reading a pipe here would put the bot's
  // per-interaction log lines (which the baseline does not write) on the fake Discord's event loop.
  const logDir = join(ROOT, 'node_modules/.cache/hip-back-bench');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${subject.name}.log`);
  const out = openSync(logFile, 'w');
  const started = performance.now();
  const [command, ...args] = asUsersStartIt
    ? subject.startCommand
    : [process.execPath, ...(inspect ? ['--inspect=127.0.0.1:0'] : []), subject.script];
  const child = spawn(command ?? process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      NODE_ENV: 'production',
      // As users run it: one JSON log line per interaction.
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', out, 'pipe'],
    // Its own process group: npm does not pass SIGTERM on to the bot it runs (see stop()).
    detached: true,
  });
  closeSync(out);
  let inspector: string | undefined;
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
    inspector ??= /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1];
  });
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  for (;;) {
    if (exited !== undefined)
      throw new Error(
        `${subject.name} exited (${exited}) before ready:\n${readFileSync(logFile, 'utf8')}${stderr}`,
      );
    if (
      readFileSync(logFile, 'utf8')
        .split('\n')
        .some((line) => subject.isReady(line))
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const readyAt = performance.now();
  return {
    child,
    readyMs: readyAt - started,
    startedAt: started,
    rssAtReady: rssOf(child.pid ?? 0),
    inspector,
  };
}

/** User + system CPU time of a process, from /proc (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** SIGTERM to the process's group (npm and the bot under it), then waits until the group is gone. */
async function stop(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const exited = child.exitCode === null && child.signalCode === null ? once(child, 'exit') : undefined;
  if (alive()) process.kill(-pid, 'SIGTERM');
  await exited;
  while (alive()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Forces a full GC in the process through the inspector and reads its heap. */
async function heapAfterGc(inspectorUrl: string): Promise<number> {
  return (await evaluateAfterGc(inspectorUrl, 'process.memoryUsage().heapUsed')) as number;
}

interface Phase {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
  readonly slowDown: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Sends `count` interactions keeping `inFlight` outstanding; latency is dispatch to accepted callback. */
async function drive(fake: FakeDiscord, next: () => BuiltInteraction, count: number, inFlight: number) {
  const latencies: number[] = [];
  let failed = 0;
  let slowDown = 0;
  let sent = 0;
  const lane = async () => {
    while (sent < count) {
      sent += 1;
      const interaction = next();
      const start = performance.now();
      const callback = await Promise.race([
        fake.interact(interaction).catch(() => undefined),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 5_000).unref()),
      ]);
      fake.rest.forget(interaction.id);
      if (!callback) {
        failed += 1;
        continue;
      }
      latencies.push(performance.now() - start);
      if (callback.raw.includes('"title":"Slow down"')) slowDown += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, lane));
  const seconds = (performance.now() - started) / 1000;
  return { latencies, failed, slowDown, seconds };
}

function phase(runs: readonly Awaited<ReturnType<typeof drive>>[]): Phase {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return {
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    slowDown: runs.reduce((sum, r) => sum + r.slowDown, 0),
  };
}

interface Result {
  readonly readyMs: number;
  readonly firstAnswerMs: number;
  readonly rssAtReady: number;
  readonly sequential: Phase;
  readonly parallel: Phase;
  readonly rssAfter: number;
  /** CPU time of the bot process (user + system) per interaction, heap readings included. */
  readonly cpuPerInteractionUs: number;
  readonly heapAtFirst: number;
  readonly heapAtTotal: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * One launch as users start each subject (`npm start` for the bot, `node` for the baseline): start
 * to ready and to the first answered interaction; then RSS at ready of the node process itself,
 * started directly (npm's own process would be measured otherwise).
 */
interface StartRun {
  readonly ready: number;
  readonly firstAnswer: number;
  readonly rss: number;
}

async function measureStart(subject: Subject): Promise<StartRun> {
  const fake = await startFakeDiscord({ record: false });
  const running = await launch(subject, fake, false, true);
  await fake.interact(chatInput('cause', { name: 'sciatica' }));
  const firstAnswer = performance.now() - running.startedAt;
  await stop(running.child);
  await fake.close();
  const fakeForRss = await startFakeDiscord({ record: false });
  const direct = await launch(subject, fakeForRss, false);
  await stop(direct.child);
  await fakeForRss.close();
  return { ready: running.readyMs, firstAnswer, rss: direct.rssAtReady };
}

/**
 * `rounds` runs of each subject, taken in turns (bot then baseline, then baseline then bot, ...),
 * each subject's runs summarised by `summarise`. The
 * fake Discord lives in this process and its own code gets faster as it warms up, and the machine
 * may drift during a run: in turns, both weigh on the two subjects alike (a plain bot-then-baseline
 * order favoured the baseline by about 5% at 100 in flight).
 */
async function inTurns<R, S>(
  rounds: number,
  subjects: Record<'bot' | 'baseline', Subject>,
  measure: (subject: Subject) => Promise<R>,
  summarise: (runs: readonly R[]) => S,
): Promise<Record<'bot' | 'baseline', S>> {
  const runs = { bot: [] as R[], baseline: [] as R[] };
  for (let i = 0; i < rounds; i += 1) {
    const order = i % 2 === 0 ? (['bot', 'baseline'] as const) : (['baseline', 'bot'] as const);
    for (const name of order) runs[name].push(await measure(subjects[name]));
  }
  return { bot: summarise(runs.bot), baseline: summarise(runs.baseline) };
}

/** Medians of STARTS launches of each subject, in turns. */
async function measureStarts(
  subjects: Record<'bot' | 'baseline', Subject>,
): Promise<Record<'bot' | 'baseline', Pick<Result, 'readyMs' | 'firstAnswerMs' | 'rssAtReady'>>> {
  return inTurns(STARTS, subjects, measureStart, (list) => ({
    readyMs: median(list.map((r) => r.ready)),
    firstAnswerMs: median(list.map((r) => r.firstAnswer)),
    rssAtReady: median(list.map((r) => r.rss)),
  }));
}

interface LoadRun {
  readonly sequential: Awaited<ReturnType<typeof drive>>;
  readonly parallel: readonly Awaited<ReturnType<typeof drive>>[];
  readonly rssAfter: number;
  readonly cpuPerInteractionUs: number;
  readonly heapAtFirst: number;
  readonly heapAtTotal: number;
}

type Pair<T> = Record<'bot' | 'baseline', T>;

/** Each phase of a load run is driven in this many bursts per subject, the two subjects taking turns. */
const BURSTS = 10;

/** One subject of a load run: its process, its own fake Discord and its own stream of interactions. */
interface Loaded {
  readonly fake: FakeDiscord;
  readonly running: Running;
  readonly next: () => BuiltInteraction;
}

async function load(subject: Subject): Promise<Loaded> {
  const fake = await startFakeDiscord({ record: false });
  const running = await launch(subject, fake, true);
  let n = 0;
  const next = () => {
    n += 1;
    const user = 2_200_000_000_000_000_000n + BigInt(n % USERS);
    return chatInput('cause', { name: 'sciatica' }, { userId: user.toString() });
  };
  return { fake, running, next };
}

/**
 * Drives `count` interactions into each subject, `inFlight` at a time, in BURSTS bursts each,
 * alternating which subject goes first. This machine's speed drifts by tens of percent within
 * seconds (other tenants, frequency): runs of whole subjects one after the other put that drift
 * into the ratio, bursts of a second or less in turns put it on both subjects alike.
 */
async function driveInTurns(
  loaded: Pair<Loaded>,
  count: number,
  inFlight: number,
): Promise<Pair<Awaited<ReturnType<typeof drive>>>> {
  const runs: Pair<Awaited<ReturnType<typeof drive>>[]> = { bot: [], baseline: [] };
  for (let burst = 0; burst < BURSTS; burst += 1) {
    const order = burst % 2 === 0 ? (['bot', 'baseline'] as const) : (['baseline', 'bot'] as const);
    for (const name of order) {
      const { fake, next } = loaded[name];
      runs[name].push(await drive(fake, next, count / BURSTS, inFlight));
    }
  }
  const pool = (list: Awaited<ReturnType<typeof drive>>[]) => ({
    latencies: list.flatMap((r) => r.latencies),
    failed: list.reduce((sum, r) => sum + r.failed, 0),
    slowDown: list.reduce((sum, r) => sum + r.slowDown, 0),
    seconds: list.reduce((sum, r) => sum + r.seconds, 0),
  });
  return { bot: pool(runs.bot), baseline: pool(runs.baseline) };
}

/** One load run: both subjects started side by side, each phase driven in turns (driveInTurns). */
async function measureLoad(subjects: Pair<Subject>): Promise<Pair<LoadRun>> {
  const loaded: Pair<Loaded> = { bot: await load(subjects.bot), baseline: await load(subjects.baseline) };
  const pid = (name: 'bot' | 'baseline') => loaded[name].running.child.pid ?? 0;
  const heaps = async () => ({
    bot: await heapAfterGc(loaded.bot.running.inspector ?? ''),
    baseline: await heapAfterGc(loaded.baseline.running.inspector ?? ''),
  });
  // Both processes compile their hot paths before anything is timed.
  await driveInTurns(loaded, WARM_UP, IN_FLIGHT);
  const cpuBefore = { bot: cpuMsOf(pid('bot')), baseline: cpuMsOf(pid('baseline')) };
  const sequential = await driveInTurns(loaded, SEQUENTIAL, 1);
  const upToFirst = await driveInTurns(loaded, HEAP_FIRST_AT - SEQUENTIAL - WARM_UP, IN_FLIGHT);
  const heapAtFirst = await heaps();
  const rest = await driveInTurns(loaded, TOTAL - HEAP_FIRST_AT, IN_FLIGHT);
  const result = (name: 'bot' | 'baseline'): LoadRun => ({
    sequential: sequential[name],
    parallel: [upToFirst[name], rest[name]],
    rssAfter: rssOf(pid(name)),
    cpuPerInteractionUs: ((cpuMsOf(pid(name)) - cpuBefore[name]) * 1000) / (TOTAL - WARM_UP),
    heapAtFirst: heapAtFirst[name],
    heapAtTotal: 0,
  });
  const partial = { bot: result('bot'), baseline: result('baseline') };
  const heapAtTotal = await heaps();
  for (const name of ['bot', 'baseline'] as const) {
    await stop(loaded[name].running.child);
    await loaded[name].fake.close();
  }
  return {
    bot: { ...partial.bot, heapAtTotal: heapAtTotal.bot },
    baseline: { ...partial.baseline, heapAtTotal: heapAtTotal.baseline },
  };
}

/**
 * LOAD_ROUNDS load runs (measureLoad). Throughput and latencies pool every run; CPU is their mean;
 * memory is the highest reading.
 */
async function measureLoads(
  subjects: Pair<Subject>,
): Promise<Pair<Omit<Result, 'readyMs' | 'firstAnswerMs' | 'rssAtReady'>>> {
  const runs: Pair<LoadRun[]> = { bot: [], baseline: [] };
  for (let i = 0; i < LOAD_ROUNDS; i += 1) {
    const round = await measureLoad(subjects);
    runs.bot.push(round.bot);
    runs.baseline.push(round.baseline);
  }
  const summarise = (list: readonly LoadRun[]) => ({
    sequential: phase(list.map((r) => r.sequential)),
    parallel: phase(list.flatMap((r) => r.parallel)),
    rssAfter: Math.max(...list.map((r) => r.rssAfter)),
    cpuPerInteractionUs: list.reduce((sum, r) => sum + r.cpuPerInteractionUs, 0) / list.length,
    heapAtFirst: Math.max(...list.map((r) => r.heapAtFirst)),
    heapAtTotal: Math.max(...list.map((r) => r.heapAtTotal)),
  });
  return { bot: summarise(runs.bot), baseline: summarise(runs.baseline) };
}

function row(label: string, bot: number, baseline: number, digits: number, goal = ''): string {
  const ratio = baseline === 0 ? Number.NaN : bot / baseline;
  return [
    label.padEnd(34),
    bot.toFixed(digits).padStart(10),
    baseline.toFixed(digits).padStart(10),
    `${ratio.toFixed(2)}x`.padStart(8),
    `  ${goal}`,
  ].join('');
}

export async function run(): Promise<void> {
  const [bot, baseline] = subjects() as [Subject, Subject];
  console.log(
    `\nGateway benchmark: ${TOTAL.toLocaleString('en-US')} x /cause name:sciatica through a local fake Discord, ${USERS.toLocaleString('en-US')} users round robin`,
  );
  const starts = await measureStarts({ bot, baseline });
  const loads = await measureLoads({ bot, baseline });
  const r = {
    bot: { ...starts.bot, ...loads.bot },
    baseline: { ...starts.baseline, ...loads.baseline },
  } satisfies Record<string, Result>;

  console.log(`${''.padEnd(34)}${'bot'.padStart(10)}${'baseline'.padStart(10)}${'ratio'.padStart(8)}  goal`);
  const lines = [
    row(`npm start to ready, ms (median ${STARTS})`, r.bot.readyMs, r.baseline.readyMs, 0),
    row('npm start to first answer, ms', r.bot.firstAnswerMs, r.baseline.firstAnswerMs, 0, '<= 1.2x'),
    row('RSS at ready, MiB', r.bot.rssAtReady / MIB, r.baseline.rssAtReady / MIB, 1, '<= 1.0x'),
    row(
      '1 in flight: interactions/s',
      r.bot.sequential.perSecond,
      r.baseline.sequential.perSecond,
      0,
      '>= 0.95x',
    ),
    row('1 in flight: p50 latency, ms', r.bot.sequential.p50, r.baseline.sequential.p50, 2),
    row('1 in flight: p99 latency, ms', r.bot.sequential.p99, r.baseline.sequential.p99, 2),
    row(
      `${IN_FLIGHT} in flight: interactions/s`,
      r.bot.parallel.perSecond,
      r.baseline.parallel.perSecond,
      0,
      '>= 0.95x',
    ),
    row(`${IN_FLIGHT} in flight: p50 latency, ms`, r.bot.parallel.p50, r.baseline.parallel.p50, 2),
    row(`${IN_FLIGHT} in flight: p99 latency, ms`, r.bot.parallel.p99, r.baseline.parallel.p99, 2),
    row('CPU per interaction, µs', r.bot.cpuPerInteractionUs, r.baseline.cpuPerInteractionUs, 0),
    row(
      `RSS after ${TOTAL.toLocaleString('en-US')}, MiB`,
      r.bot.rssAfter / MIB,
      r.baseline.rssAfter / MIB,
      1,
    ),
    row(
      `heap after GC at ${HEAP_FIRST_AT.toLocaleString('en-US')}, MiB`,
      r.bot.heapAtFirst / MIB,
      r.baseline.heapAtFirst / MIB,
      2,
    ),
    row(
      `heap after GC at ${TOTAL.toLocaleString('en-US')}, MiB`,
      r.bot.heapAtTotal / MIB,
      r.baseline.heapAtTotal / MIB,
      2,
    ),
  ];
  for (const line of lines) console.log(line);
  for (const [name, result] of Object.entries(r)) {
    const growth = (result.heapAtTotal - result.heapAtFirst) / MIB;
    const failed = result.sequential.failed + result.parallel.failed;
    const slowDown = result.sequential.slowDown + result.parallel.slowDown;
    console.log(
      `${name}: heap ${HEAP_FIRST_AT} -> ${TOTAL}: ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MiB (goal: flat); unanswered: ${failed}; cooldown replies: ${slowDown}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
