import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_API_BASE,
  DEFAULT_INTERACTIONS_PATH,
  VARIABLE_NAMES,
  parseConfig,
} from '../../src/core/config.js';
import { BUILT, runBuilt, workDir } from '../helpers/run-built.js';

const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.secretpart.ThisIsTheSecretHmacOfTheToken_xyz';
const PUBLIC_KEY = 'a'.repeat(64);

function errorsOf(result: { ok: true } | { ok: false; errors: readonly string[] }): readonly string[] {
  return result.ok ? [] : result.errors;
}

describe('parseConfig', () => {
  it('needs nothing for the console, with the documented defaults', () => {
    const result = parseConfig({});
    expect(result).toEqual({ ok: true, config: { apiBase: DEFAULT_API_BASE, logLevel: 'info' } });
  });

  it('reads every variable', () => {
    const result = parseConfig(
      {
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: '1300000000000000001',
        DISCORD_GUILD_ID: '1300000000000000100',
        DISCORD_PUBLIC_KEY: PUBLIC_KEY,
        DISCORD_API_BASE: 'http://127.0.0.1:8080/api/',
        PORT: '3000',
        METRICS_PORT: '9464',
        GATEWAY_BACKOFF_BASE_MS: '250',
        LOG_LEVEL: 'debug',
        LOG_BUFFER_BYTES: '65536',
        INTERACTIONS_PATH: '/discord/hook',
        HOST: '127.0.0.1',
      },
      ['token', 'applicationId', 'publicKey', 'port'],
      { http: true },
    );
    expect(result).toEqual({
      ok: true,
      config: {
        token: TOKEN,
        applicationId: '1300000000000000001',
        guildId: '1300000000000000100',
        publicKey: PUBLIC_KEY,
        apiBase: 'http://127.0.0.1:8080/api',
        port: 3000,
        metricsPort: 9464,
        backoffBaseMs: 250,
        logLevel: 'debug',
        logBufferBytes: 65536,
        interactionsPath: '/discord/hook',
        host: '127.0.0.1',
      },
    });
  });

  it.each([
    ['token', 'DISCORD_TOKEN', 'Reset Token'],
    ['applicationId', 'DISCORD_APPLICATION_ID', 'Application ID'],
    ['publicKey', 'DISCORD_PUBLIC_KEY', 'Public Key'],
    ['port', 'PORT', 'PORT=3000'],
  ] as const)('a run that needs %s says %s is not set and where to get it', (need, name, fix) => {
    const errors = errorsOf(parseConfig({ [name]: '' }, [need]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${name} is not set: `));
    expect(errors[0]).toContain(fix);
  });

  it('lists every missing variable, one line each', () => {
    const errors = errorsOf(parseConfig({}, ['token', 'applicationId']));
    expect(errors).toEqual([
      expect.stringMatching(/^DISCORD_TOKEN is not set/),
      expect.stringMatching(/^DISCORD_APPLICATION_ID is not set/),
    ]);
  });

  it.each([
    ['DISCORD_TOKEN', `Bot <token>`, 'no "Bot " prefix'],
    ['DISCORD_TOKEN', `"<token>"`, 'no quotes'],
    ['DISCORD_APPLICATION_ID', 'my-bot', 'digits only'],
    ['DISCORD_GUILD_ID', 'https://discord.com/channels/1/2', 'Copy Server ID'],
    ['DISCORD_PUBLIC_KEY', 'a'.repeat(63), '64 hexadecimal characters'],
    ['DISCORD_PUBLIC_KEY', 'g'.repeat(64), '64 hexadecimal characters'],
    ['DISCORD_API_BASE', 'discord.com/api', 'http(s) URL'],
    ['DISCORD_API_BASE', 'ftp://127.0.0.1/api', 'http(s) URL'],
    ['DISCORD_API_BASE', 'http://127.0.0.1/api?v=9', 'without query'],
    ['PORT', '0', '1 to 65535'],
    ['PORT', '70000', '1 to 65535'],
    ['PORT', '3000abc', '1 to 65535'],
    ['METRICS_PORT', '0', '1 to 65535'],
    ['METRICS_PORT', ':9464', 'leave it empty to serve no metrics'],
    ['GATEWAY_BACKOFF_BASE_MS', '0', 'from 1 to 60000'],
    ['GATEWAY_BACKOFF_BASE_MS', '90000', 'from 1 to 60000'],
    ['GATEWAY_BACKOFF_BASE_MS', '1s', 'whole number of milliseconds'],
    ['LOG_LEVEL', 'loud', 'one of fatal, error, warn, info, debug, trace, silent'],
    ['LOG_BUFFER_BYTES', '1024', 'from 4096 up'],
    ['LOG_BUFFER_BYTES', '1 MiB', 'whole number of bytes'],
    ['INTERACTIONS_PATH', 'no-slash', 'starting with /'],
    ['INTERACTIONS_PATH', '/hook?x=1', 'no query'],
    ['INTERACTIONS_PATH', '/healthz', 'not /, /healthz, /metrics, /privacy, /terms'],
    ['INTERACTIONS_PATH', '/metrics', 'not /, /healthz, /metrics, /privacy, /terms'],
    ['INTERACTIONS_PATH', '/privacy', 'not /, /healthz, /metrics, /privacy, /terms'],
    ['INTERACTIONS_PATH', '/', 'not /, /healthz, /metrics, /privacy, /terms'],
    ['HOST', 'my host', 'without spaces'],
  ])('%s=%s is rejected with one line naming it and the fix', (name, value, fix) => {
    const errors = errorsOf(parseConfig({ [name]: value.replace('<token>', TOKEN) }, [], { http: true }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${name} `));
    expect(errors[0]).toContain(fix);
  });

  it('never repeats a value, so a token pasted into the wrong variable does not leak', () => {
    const errors = errorsOf(
      parseConfig({
        DISCORD_TOKEN: `Bot ${TOKEN}`,
        DISCORD_APPLICATION_ID: TOKEN,
        DISCORD_GUILD_ID: TOKEN,
        DISCORD_PUBLIC_KEY: TOKEN,
        DISCORD_API_BASE: TOKEN,
        PORT: TOKEN,
        METRICS_PORT: TOKEN,
        GATEWAY_BACKOFF_BASE_MS: TOKEN,
        LOG_LEVEL: TOKEN,
      }),
    );
    expect(errors).toHaveLength(9);
    for (const line of errors) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('secretpart');
    }
  });

  it('reads INTERACTIONS_PATH only for the HTTP endpoint, which defaults the path; HOST for both modes', () => {
    const env = { INTERACTIONS_PATH: 'no-slash', HOST: 'my host' };
    expect(errorsOf(parseConfig(env))).toEqual([expect.stringMatching(/^HOST /)]);
    expect(parseConfig({ INTERACTIONS_PATH: 'no-slash', HOST: '127.0.0.1' })).toEqual({
      ok: true,
      config: { apiBase: DEFAULT_API_BASE, logLevel: 'info', host: '127.0.0.1' },
    });
    expect(errorsOf(parseConfig(env, [], { http: true }))).toEqual([
      expect.stringMatching(/^INTERACTIONS_PATH /),
      expect.stringMatching(/^HOST /),
    ]);
    expect(parseConfig({}, [], { http: true })).toEqual({
      ok: true,
      config: { apiBase: DEFAULT_API_BASE, logLevel: 'info', interactionsPath: DEFAULT_INTERACTIONS_PATH },
    });
  });

  it('treats an empty value (NAME= in .env) as not set', () => {
    expect(
      parseConfig(
        {
          DISCORD_GUILD_ID: '',
          DISCORD_API_BASE: ' ',
          LOG_LEVEL: '',
          INTERACTIONS_PATH: '',
          HOST: ' ',
        },
        [],
        { http: true },
      ),
    ).toEqual({
      ok: true,
      config: { apiBase: DEFAULT_API_BASE, logLevel: 'info', interactionsPath: DEFAULT_INTERACTIONS_PATH },
    });
  });
});

describe('configuration errors of the built bot', () => {
  let discord: Server;
  let apiBase: string;
  const requests: { url: string | undefined; authorization: string | undefined }[] = [];

  beforeAll(async () => {
    // Discord's answer to GET /gateway/bot with a revoked or mistyped token.
    discord = createServer((req, res) => {
      requests.push({ url: req.url, authorization: req.headers.authorization });
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"message": "401: Unauthorized", "code": 0}');
    });
    await new Promise<void>((done) => discord.listen(0, '127.0.0.1', done));
    apiBase = `http://127.0.0.1:${(discord.address() as AddressInfo).port}/api`;
  });
  afterAll(() => new Promise<void>((done) => discord.close(() => done())));

  it('a bad token (401 at login) gives one clear line, exit 1, and the token appears nowhere', async () => {
    const run = await runBuilt(BUILT.main, [], {
      env: { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: apiBase },
    });
    expect(run.code).toBe(1);
    expect(requests.at(-1)).toEqual({ url: '/api/v10/gateway/bot', authorization: `Bot ${TOKEN}` });
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Discord rejected DISCORD_TOKEN \(401 Unauthorized\): .*Reset Token/),
    ]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    for (const output of [run.stdout, run.stderr]) {
      expect(output).not.toContain(TOKEN);
      expect(output).not.toContain('secretpart');
    }
  });

  it('reads .env from the working directory', async () => {
    const cwd = workDir(`DISCORD_TOKEN=${TOKEN}\nDISCORD_API_BASE=${apiBase}\n`);
    const run = await runBuilt(BUILT.main, [], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Discord rejected DISCORD_TOKEN/);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('a malformed variable in .env stops the start with its line on stderr and nothing on stdout', async () => {
    const cwd = workDir(`LOG_LEVEL=loud\nPORT=abc\nDISCORD_TOKEN="Bot ${TOKEN}"\n`);
    const run = await runBuilt(BUILT.main, [], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Configuration error: DISCORD_TOKEN contains spaces or quotes/),
      expect.stringMatching(/^Configuration error: PORT must be a whole number/),
      expect.stringMatching(/^Configuration error: LOG_LEVEL must be one of/),
    ]);
    expect(run.stderr).not.toContain(TOKEN);
  });
});

describe('the documented variables', () => {
  const root = join(import.meta.dirname, '../..');

  it('.env.example has one line for each variable the config reads, and no other', () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const names = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect([...names].sort()).toEqual([...VARIABLE_NAMES].sort());
  });

  it("the README's configuration table lists each variable the config reads, and no other", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = readme.split('### Configuration')[1]?.split('\n\n')[1] ?? '';
    const names = [...table.matchAll(/^\| ([^|]+)\|/gm)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((n) => n[1]),
    );
    expect([...names].sort()).toEqual([...VARIABLE_NAMES].sort());
  });
});
