import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { definitions as allDefinitions } from '../../commands/index.js';
import { diffCommands, formatDiff, invalidFormFields, type Definition } from '../../src/cli/deploy-sync.js';
import { BUILT, runBuilt } from '../helpers/run-built.js';

const APPLICATION_ID = '1300000000000000001';
const GUILD_ID = '1300000000000000100';
const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.deploytest.TheSecretHmacOfTheDeployToken_abc';
const definitions: readonly Definition[] = allDefinitions;

/**
 * A command as Discord returns it from GET: with its own fields (id, version...) and the
 * documented defaults spelled out, and without the options' `required: false`.
 */
function asRegistered(definition: Definition, index: number): Record<string, unknown> {
  // A message command (type 3) has no description or options: Discord returns description "".
  const slash = 'options' in definition || 'description' in definition ? definition : undefined;
  return {
    id: String(1310000000000000000n + BigInt(index)),
    application_id: APPLICATION_ID,
    version: '1310000000000000999',
    default_member_permissions: null,
    type: definition.type ?? 1,
    name: definition.name,
    name_localizations: null,
    description: slash?.description ?? '',
    description_localizations: null,
    dm_permission: true,
    nsfw: false,
    integration_types: [...(definition.integration_types ?? [])].reverse(),
    contexts: definition.contexts ?? null,
    ...(slash?.options?.length
      ? {
          options: slash.options.map((option) => {
            const { required, ...rest } = option as { required?: boolean };
            return required ? option : rest;
          }),
        }
      : {}),
  };
}
const registered = () => definitions.map(asRegistered);

describe('diffCommands', () => {
  it('sees no difference between our definitions and Discord’s decorated copy of them', () => {
    expect(diffCommands(definitions, registered())).toEqual({ added: [], removed: [], changed: [] });
  });

  it('names new and removed commands', () => {
    const [first, ...others] = registered();
    const stale = { ...first, name: 'old-command' };
    expect(diffCommands(definitions, [stale, ...others])).toEqual({
      added: [definitions[0]?.name],
      removed: ['old-command'],
      changed: [],
    });
  });

  it('names each changed field, options by name', () => {
    const changed = registered().map((c) =>
      c.name === 'cause'
        ? {
            ...c,
            description: 'An older description',
            options: (c.options as Record<string, unknown>[]).map((o) =>
              o.name === 'name' ? { ...o, autocomplete: false, max_length: 50 } : o,
            ),
          }
        : c,
    );
    expect(diffCommands(definitions, changed).changed).toEqual([
      {
        name: 'cause',
        fields: ['description', 'options.name.autocomplete', 'options.name.max_length'],
      },
    ]);
  });

  it('notices an option Discord has that we dropped, and a changed install context', () => {
    const changed = registered().map((c) =>
      c.name === 'urgent'
        ? {
            ...c,
            contexts: [0],
            options: [...(c.options as object[]), { type: 3, name: 'where', description: 'x' }],
          }
        : c,
    );
    expect(diffCommands(definitions, changed).changed).toEqual([
      { name: 'urgent', fields: ['options.where (removed)', 'contexts'] },
    ]);
  });

  it('formats one line per command', () => {
    expect(
      formatDiff({
        added: ['help'],
        removed: ['old'],
        changed: [{ name: 'cause', fields: ['description', 'options.name.max_length'] }],
      }),
    ).toEqual([
      '+ /help (new)',
      '- /old (no longer in the bot)',
      '~ /cause: description, options.name.max_length',
    ]);
  });
});

describe('invalidFormFields', () => {
  it('turns Discord’s nested 50035 errors into field paths under the command name', () => {
    const errors = {
      '0': {
        options: {
          '1': {
            name: {
              _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 32 in length.' }],
            },
          },
        },
      },
    };
    expect(invalidFormFields(errors, definitions)).toEqual([
      `/${definitions[0]?.name}.options.1.name: Must be between 1 and 32 in length. (BASE_TYPE_BAD_LENGTH)`,
    ]);
  });
});

interface Recorded {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

describe('npm run deploy (built CLI against a local Discord)', () => {
  let server: Server;
  let apiBase: string;
  let requests: Recorded[] = [];
  /** What Discord has registered, and a request method it refuses (with that status and body). */
  let discord: {
    commands: unknown[];
    refuse?: { readonly method: 'GET' | 'PUT'; readonly status: number; readonly body: unknown };
  } = { commands: [] };

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((done) => {
      let text = '';
      req.setEncoding('utf8').on('data', (c: string) => (text += c));
      req.on('end', () => done(text));
    });

  beforeAll(async () => {
    server = createServer((req, res) => {
      void readBody(req).then((text) => {
        requests.push({
          method: req.method,
          url: req.url,
          authorization: req.headers.authorization,
          body: text ? JSON.parse(text) : undefined,
        });
        res.setHeader('content-type', 'application/json');
        const { refuse } = discord;
        if (refuse && refuse.method === req.method) {
          res.writeHead(refuse.status).end(JSON.stringify(refuse.body));
        } else if (req.method === 'PUT') {
          discord.commands = (JSON.parse(text) as Definition[]).map(asRegistered);
          res.writeHead(200).end(JSON.stringify(discord.commands));
        } else {
          res.writeHead(200).end(JSON.stringify(discord.commands));
        }
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  beforeEach(() => {
    requests = [];
    discord = { commands: [] };
  });

  const deploy = (args: string[] = [], env: Record<string, string> = {}) =>
    runBuilt(BUILT.deploy, args, {
      env: {
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: APPLICATION_ID,
        DISCORD_API_BASE: apiBase,
        ...env,
      },
    });
  const globalRoute = `/api/v10/applications/${APPLICATION_ID}/commands`;
  const guildRoute = `/api/v10/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`;

  it('registers every command globally when nothing is registered', async () => {
    const run = await deploy();
    expect(run.code).toBe(0);
    expect(requests.map((r) => `${r.method} ${r.url?.split('?')[0]}`)).toEqual([
      `GET ${globalRoute}`,
      `PUT ${globalRoute}`,
    ]);
    expect(requests[0]?.authorization).toBe(`Bot ${TOKEN}`);
    expect(requests[1]?.body).toEqual(JSON.parse(JSON.stringify(definitions)));
    expect(run.stdout).toContain(`Registered ${definitions.length} commands (global commands)`);
    for (const d of definitions) expect(run.stdout).toContain(`+ /${d.name} (new)`);
  });

  it('uses the server route when DISCORD_GUILD_ID is set, and sends nothing when up to date', async () => {
    discord = { commands: registered() };
    const run = await deploy([], { DISCORD_GUILD_ID: GUILD_ID });
    expect(run.code).toBe(0);
    expect(requests.map((r) => `${r.method} ${r.url?.split('?')[0]}`)).toEqual([`GET ${guildRoute}`]);
    expect(run.stdout).toBe(`Commands are up to date (server ${GUILD_ID}): nothing sent.\n`);
  });

  it('--dry-run prints the difference and sends nothing', async () => {
    const [first, ...others] = registered();
    discord.commands = [
      { ...first, description: 'An older description' },
      ...others.slice(1),
      { ...first, name: 'gone' },
    ];
    const run = await deploy(['--dry-run']);
    expect(run.code).toBe(0);
    expect(requests.map((r) => r.method)).toEqual(['GET']);
    expect(run.stdout.split('\n')).toEqual([
      'Dry run (global commands): these changes would be sent:',
      `+ /${definitions[1]?.name} (new)`,
      '- /gone (no longer in the bot)',
      `~ /${definitions[0]?.name}: description`,
      '',
    ]);
  });

  it.each([
    [
      401,
      { message: '401: Unauthorized', code: 0 },
      /^Discord rejected the token \(401 Unauthorized\): check DISCORD_TOKEN/,
    ],
    [
      403,
      { message: 'Missing Access', code: 50001 },
      /missing the applications\.commands scope.*Re-invite it with that scope: https:\/\/discord\.com\/oauth2\/authorize\?client_id=1300000000000000001&scope=applications\.commands\+bot&permissions=0&integration_type=0/,
    ],
  ])('a %i names the likely cause, exits 1 and never shows the token', async (status, body, message) => {
    discord.refuse = { method: 'GET', status, body };
    const run = await deploy();
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
    expect(run.stdout + run.stderr).not.toContain('deploytest');
  });

  it('a 50035 Invalid Form Body names the failing field', async () => {
    discord.refuse = {
      method: 'PUT',
      status: 400,
      body: {
        message: 'Invalid Form Body',
        code: 50035,
        errors: {
          '2': {
            description: {
              _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }],
            },
          },
        },
      },
    };
    const run = await deploy();
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual([
      'Discord rejected the command definitions (50035 Invalid Form Body):',
      `  /${definitions[2]?.name}.description: Must be between 1 and 100 in length. (BASE_TYPE_BAD_LENGTH)`,
      '',
    ]);
  });

  it('without DISCORD_APPLICATION_ID says so and sends nothing', async () => {
    const run = await runBuilt(BUILT.deploy, [], {
      env: { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: apiBase },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Configuration error: DISCORD_APPLICATION_ID is not set: /);
    expect(requests).toEqual([]);
  });
});
