import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bot, definitions } from '../../commands/index.js';
import { createApp } from '../../src/core/app.js';
import { APPLICATION_ID, GUILD_ID, chatInput } from '../fake-discord/payloads.js';
import { startFakeDiscord } from '../fake-discord/server.js';
import { freePort, newSigningKeys, send, signatureHeaders } from '../helpers/http-server.js';
import { commandInteraction } from '../helpers/interactions.js';

/**
 * The README's production steps, `npm ci && npm run build && npm prune --omit=dev`, in a copy of
 * the repository, then both start commands. The copy takes the node_modules this checkout's
 * `npm ci` installed from the same lockfile, so the test needs no registry.
 */
const ROOT = join(import.meta.dirname, '../..');
const STEP_TIMEOUT_MS = 180_000;
/** PATH without the node_modules/.bin folders npm and npx put first, so the copy finds only its own tools. */
const PATH = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((dir) => !dir.includes('node_modules'))
  .join(delimiter);
let copy: string;

function npm(args: readonly string[]) {
  const run = spawnSync('npm', [...args, '--no-audit', '--no-fund'], { cwd: copy, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
}

/** Spawns `npm <script>` in the copy with exactly `env` (plus PATH and HOME), collecting stdout. */
function npmStart(script: string, env: Record<string, string>): { child: ChildProcess; out: () => string } {
  const child = spawn('npm', ['run', '--silent', script], {
    cwd: copy,
    env: { PATH, HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: npm does not pass SIGTERM on to the node process it runs, so stop()
    // signals the whole group, and nothing is left running after the test.
    detached: true,
  });
  started.add(child);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
  return { child, out: () => out };
}

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const started = new Set<ChildProcess>();

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to npm and the bot it started; resolves with npm's exit code once both are gone. */
async function stop(child: ChildProcess): Promise<number | null> {
  started.delete(child);
  const pid = child.pid;
  if (pid === undefined) return child.exitCode;
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve(child.exitCode)
      : new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  if (groupAlive(pid)) process.kill(-pid, 'SIGTERM');
  const code = await exited;
  await until('the bot to exit after SIGTERM', () => (groupAlive(pid) ? undefined : true));
  return code;
}

describe('production install: npm ci, npm run build, npm prune --omit=dev', () => {
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'hip-back-prod-'));
    cpSync(ROOT, copy, {
      recursive: true,
      filter: (src) => !/[/\\](node_modules|dist|\.git|coverage)$/.test(src),
    });
    // node_modules/.bin holds relative links: copy them as links.
    cpSync(realpathSync(join(ROOT, 'node_modules')), join(copy, 'node_modules'), {
      recursive: true,
      verbatimSymlinks: true,
    });
    npm(['run', 'build']);
    npm(['prune', '--omit=dev']);
  }, STEP_TIMEOUT_MS);

  afterAll(async () => {
    // A test that failed part way leaves its processes: stop them before removing their folder.
    await Promise.all([...started].map((child) => stop(child)));
    if (copy) rmSync(copy, { recursive: true, force: true });
  }, STEP_TIMEOUT_MS);

  it('leaves no build tools behind', () => {
    for (const tool of ['tsx', 'esbuild', 'vitest'])
      expect(existsSync(join(copy, 'node_modules', tool)), tool).toBe(false);
  });

  it('npm ci --omit=dev would not try to build (the prepare script says so and exits 0)', () => {
    // TypeScript stays after the prune (valibot's optional peer), so this checks for esbuild too.
    const run = spawnSync('node', ['scripts/prepare.mjs'], { cwd: copy, encoding: 'utf8' });
    expect(run.stderr).toContain('no build tools installed (production install); not building');
    expect(run.status).toBe(0);
  });

  it(
    'npm run deploy runs the built file and registers the commands',
    async () => {
      const fake = await startFakeDiscord();
      try {
        // Asynchronously: the fake Discord answers from this process's event loop.
        const run = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
          execFile(
            'npm',
            ['run', '--silent', 'deploy'],
            {
              cwd: copy,
              env: {
                PATH,
                HOME: process.env.HOME ?? '',
                DISCORD_TOKEN: fake.token,
                DISCORD_APPLICATION_ID: APPLICATION_ID,
                DISCORD_GUILD_ID: GUILD_ID,
                DISCORD_API_BASE: fake.apiBase,
              },
            },
            (error, stdout, stderr) =>
              done({ code: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr }),
          );
        });
        expect(run.stderr).toBe('');
        expect(run.stdout).toContain(`Registered ${definitions.length} commands`);
        expect(run.code).toBe(0);
        expect((fake.rest.commands.get(GUILD_ID) ?? []).map((c) => c.name).sort()).toEqual(
          definitions.map((c) => c.name).sort(),
        );
      } finally {
        await fake.close();
      }
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'npm run start:http answers a signed interaction exactly as the app does',
    async () => {
      const keys = newSigningKeys();
      const port = await freePort();
      const server = npmStart('start:http', {
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        PORT: String(port),
        HOST: '127.0.0.1',
      });
      try {
        await until('the endpoint to listen', () =>
          server.out().includes('"listening"') ? true : undefined,
        );
        // /tips, and a story for /ask, whose topic model the copy reads from its own
        // src/ask/topic-model.json on this first /ask question.
        const story =
          'I have had pain in my lower back and right hip for three weeks since I moved house and carried ' +
          'heavy boxes, it is worse in the morning, what can I do to ease it at home?';
        for (const raw of [commandInteraction('tips', {}), commandInteraction('ask', { question: story })]) {
          const body = JSON.stringify(raw);
          const reply = await send(port, {
            headers: { 'content-type': 'application/json', ...signatureHeaders(keys.privateKey, body) },
            body,
          });
          expect(reply.status).toBe(200);
          expect(JSON.parse(reply.text)).toEqual(createApp(bot).handle(raw).response);
        }
        // The policy pages come from the installed copy's own PRIVACY.md and TERMS.md.
        for (const [path, file] of [
          ['/privacy', 'PRIVACY.md'],
          ['/terms', 'TERMS.md'],
        ] as const) {
          const page = await send(port, { method: 'GET', path });
          expect(page.status, path).toBe(200);
          expect(page.text, path).toBe(readFileSync(join(copy, file), 'utf8'));
        }
        expect(server.out()).not.toMatch(/Building first|tsc|esbuild/);
      } finally {
        await stop(server.child);
      }
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'npm start connects to Discord (a local fake) and answers an interaction',
    async () => {
      const fake = await startFakeDiscord();
      const gateway = npmStart('start', { DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase });
      try {
        await until('the bot to be ready', () =>
          gateway.out().includes('"msg":"ready"') ? true : undefined,
        );
        const callback = await fake.interact(chatInput('urgent'));
        expect(callback.response.type).toBe(4);
        expect(gateway.out()).not.toMatch(/Building first/);
      } finally {
        await stop(gateway.child);
        await fake.close();
      }
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'with sources newer than the build, npm run start:http warns and runs the existing build',
    async () => {
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(copy, 'src/core/app.ts'), later, later);
      const port = await freePort();
      const server = npmStart('start:http', {
        DISCORD_PUBLIC_KEY: newSigningKeys().publicKeyHex,
        PORT: String(port),
        HOST: '127.0.0.1',
      });
      try {
        await until('the endpoint to listen', () =>
          server.out().includes('"listening"') ? true : undefined,
        );
        expect(server.out()).toContain(
          'Warning: src changed since the last build, but the build tools are not installed; running the existing build.',
        );
        expect(server.out()).not.toMatch(/Building first/);
        expect((await send(port, { method: 'GET', path: '/healthz' })).status).toBe(200);
      } finally {
        await stop(server.child);
      }
    },
    STEP_TIMEOUT_MS,
  );
});
