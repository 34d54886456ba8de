import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { definitions } from '../../commands/index.js';
import { missingAccess } from '../fake-discord/faults.js';
import { APPLICATION_ID, GUILD_ID, fakeBotToken } from '../fake-discord/payloads.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { EMPTY_DIR, PROCESS_TIMEOUT_MS, ROOT } from './bot-process.js';

let fake: FakeDiscord;

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await fake.close();
});

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run deploy` as built: dist/src/cli/deploy.js with the user's environment. */
function deploy(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'dist/src/cli/deploy.js'), ...args],
      {
        cwd: EMPTY_DIR,
        env: {
          PATH: process.env.PATH ?? '',
          DISCORD_TOKEN: fake.token,
          DISCORD_APPLICATION_ID: APPLICATION_ID,
          DISCORD_API_BASE: fake.apiBase,
          ...env,
        },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const puts = () => fake.rest.requests.filter((r) => r.method === 'PUT');
const names = definitions.map((c) => c.name).sort();

describe('npm run deploy against the fake Discord', () => {
  test(
    'first run PUTs every command to the server; the second says up to date and PUTs nothing',
    async () => {
      const first = await deploy([], { DISCORD_GUILD_ID: GUILD_ID });
      expect(first.code).toBe(0);
      expect(puts().map((r) => r.path)).toEqual([
        `/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`,
      ]);
      expect((fake.rest.commands.get(GUILD_ID) ?? []).map((c) => c.name).sort()).toEqual(names);
      expect(
        (fake.rest.commands.get(GUILD_ID) ?? []).find((c) => c.name === 'Ask hip-back-bot'),
      ).toMatchObject({
        type: 3,
        integration_types: [0, 1],
        contexts: [0, 1, 2],
      });

      const second = await deploy([], { DISCORD_GUILD_ID: GUILD_ID });
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/up to date/i);
      expect(puts()).toHaveLength(1);
      expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(fake.token);
    },
    PROCESS_TIMEOUT_MS,
  );

  test(
    'without DISCORD_GUILD_ID it registers globally',
    async () => {
      const run = await deploy([]);
      expect(run.code).toBe(0);
      expect(puts().map((r) => r.path)).toEqual([`/applications/${APPLICATION_ID}/commands`]);
      expect((fake.rest.commands.get('global') ?? []).map((c) => c.name).sort()).toEqual(names);
    },
    PROCESS_TIMEOUT_MS,
  );

  test(
    '--dry-run prints what would change and sends nothing',
    async () => {
      const run = await deploy(['--dry-run'], { DISCORD_GUILD_ID: GUILD_ID });
      expect(run.code).toBe(0);
      for (const name of names) expect(run.stdout).toContain(`/${name}`);
      expect(fake.rest.requests.filter((r) => r.method !== 'GET')).toEqual([]);
      expect(fake.rest.commands.size).toBe(0);
    },
    PROCESS_TIMEOUT_MS,
  );

  test(
    'a rejected token (401) names DISCORD_TOKEN, exits 1, and does not print the token',
    async () => {
      const wrongToken = fakeBotToken(APPLICATION_ID);
      const run = await deploy([], { DISCORD_TOKEN: wrongToken, DISCORD_GUILD_ID: GUILD_ID });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/401/);
      expect(run.stderr).toMatch(/DISCORD_TOKEN/);
      expect(run.stdout + run.stderr).not.toContain(wrongToken);
      expect(puts()).toEqual([]);
    },
    PROCESS_TIMEOUT_MS,
  );

  test(
    '403 (no applications.commands scope) says to re-invite with that scope, exits 1',
    async () => {
      fake.rest.inject('GET', /\/commands$/, missingAccess());
      const run = await deploy([], { DISCORD_GUILD_ID: GUILD_ID });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/403/);
      expect(run.stderr).toContain('applications.commands');
      expect(run.stderr).toContain(`client_id=${APPLICATION_ID}`);
      expect(puts()).toEqual([]);
    },
    PROCESS_TIMEOUT_MS,
  );
});
