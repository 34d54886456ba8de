import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../fake-discord/server.js';

/** One pino JSON line from the bot's stdout. */
export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

export const LEVEL = { info: 30, warn: 40, error: 50 } as const;

export interface BotProcess {
  readonly child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  stderr(): string;
  /** The JSON log lines on stdout so far. */
  logs(): LogLine[];
  /** Resolves with the first log line (already written or still to come) that matches. */
  waitForLog(match: (line: LogLine) => boolean, what: string): Promise<LogLine>;
  /** Resolves with the exit code once the process has exited. */
  exited(): Promise<number | null>;
  /** SIGTERM, then waits for the exit (killing it if it outlives the bot's own 5 s deadline). */
  stop(): Promise<number | null>;
}

/** How the bot is started: the production entry as `npm start` runs it, or a test-only entry via tsx. */
export type Entry = { readonly built: string } | { readonly tsx: string };

export const PRODUCTION_ENTRY: Entry = { built: 'dist/start.mjs' };

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
/**
 * Children run in an empty directory, so a developer's own `.env` (read by dotenv from the working
 * directory) cannot change what the tests set.
 */
export const EMPTY_DIR = mkdtempSync(join(tmpdir(), 'hip-back-e2e-'));

/**
 * The timeout of hooks and tests that start node processes (a bot, `ask`, `deploy`). A bot starts
 * in about 2 s on a quiet machine, but a full `npm test` runs many node processes on few cores.
 */
export const PROCESS_TIMEOUT_MS = 60_000;
const WAIT_LIMIT_MS = PROCESS_TIMEOUT_MS - 5_000;

/** Spawns the bot with the environment a user sets, pointed at the fake Discord. */
export function spawnBot(
  fake: Pick<FakeDiscord, 'apiBase'> & { readonly token: string },
  entry: Entry = PRODUCTION_ENTRY,
  env: Readonly<Record<string, string>> = {},
): BotProcess {
  const args = 'built' in entry ? [join(ROOT, entry.built)] : ['--import', TSX_LOADER, join(ROOT, entry.tsx)];
  const child = spawn(process.execPath, args, {
    cwd: EMPTY_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DISCORD_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let all = '';
  let errors = '';
  let partial = '';
  const lines: LogLine[] = [];
  const watchers = new Set<() => void>();
  const notify = () => {
    for (const watcher of watchers) watcher();
  };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    all += chunk;
    partial += chunk;
    const complete = partial.split('\n');
    partial = complete.pop() ?? '';
    for (const text of complete) {
      try {
        lines.push(JSON.parse(text) as LogLine);
      } catch {
        // Not a log line (e.g. a plain message); it stays in output() for the token check.
      }
    }
    notify();
  });
  child.stderr.on('data', (chunk: string) => {
    all += chunk;
    errors += chunk;
    notify();
  });
  const exit = once(child, 'exit').then(([code]) => {
    notify();
    return code as number | null;
  });

  const bot: BotProcess = {
    child,
    output: () => all,
    stderr: () => errors,
    logs: () => lines,
    waitForLog(match, what) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = lines.find(match);
          if (line) finish(() => resolve(line));
          else if (child.exitCode !== null)
            finish(() => reject(new Error(`bot exited (${child.exitCode}) before logging ${what}:\n${all}`)));
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`no log line "${what}" within ${WAIT_LIMIT_MS} ms:\n${all}`))),
          WAIT_LIMIT_MS,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          watchers.delete(check);
          settle();
        };
        watchers.add(check);
        check();
      });
    },
    exited: () => exit,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
        await exit;
        clearTimeout(timer);
      }
      return exit;
    },
  };
  return bot;
}

/** Spawns the bot and waits for its ready log line. */
export async function startBot(
  fake: Pick<FakeDiscord, 'apiBase' | 'token'>,
  entry: Entry = PRODUCTION_ENTRY,
  env: Readonly<Record<string, string>> = {},
): Promise<BotProcess> {
  const bot = spawnBot(fake, entry, env);
  try {
    await bot.waitForLog((l) => l.msg === 'ready', 'ready');
  } catch (error) {
    bot.child.kill('SIGKILL');
    throw error;
  }
  return bot;
}

/** A fake Discord and the bot against it, for one test file: started before its tests, stopped after. */
export function botForThisFile(
  fakeOptions: FakeDiscordOptions = {},
  entry: Entry = PRODUCTION_ENTRY,
): { readonly fake: FakeDiscord; readonly bot: BotProcess } {
  const running = {} as { fake: FakeDiscord; bot: BotProcess };
  beforeAll(async () => {
    running.fake = await startFakeDiscord(fakeOptions);
    running.bot = await startBot(running.fake, entry);
  }, PROCESS_TIMEOUT_MS);
  afterAll(async () => {
    await running.bot?.stop();
    await running.fake?.close();
  });
  return running;
}
