import { request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  MessageFlags,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import type { SlashCommand } from '../../../src/core/command.js';
import { createApp } from '../../../src/core/app.js';
import { bot } from '../../../commands/index.js';
import { expectMessageInvariants } from '../../helpers/invariants.js';
import {
  autocompleteInteraction,
  clicksOf,
  commandInteraction,
  componentInteraction,
  snowflake,
  messageCommandInteraction,
  modalSubmitInteraction,
  type Click,
  type OptionInput,
} from '../../helpers/interactions.js';
import {
  HTTP_BUNDLE,
  HTTP_BUNDLE_META,
  HTTP_MAIN_ARGS,
  newSigningKeys,
  nowSeconds,
  pipelined,
  send,
  signatureHeaders,
  startServer,
  type Reply,
  type ServerProcess,
} from '../../helpers/http-server.js';

/** The repository the built endpoint runs from. */
const ROOT = join(import.meta.dirname, '../../..');
const keys = newSigningKeys();
/** The same core every transport calls, in process: what the HTTP endpoint must answer byte for byte. */
const reference = createApp(bot);
let server: ServerProcess;

beforeAll(async () => {
  server = await startServer({ keys });
});
afterAll(async () => {
  await server.stop();
});

/** A different user per request, so the per-user cooldown never changes an answer being compared. */
let nextUser = 1_400_000_000_000_100_000n;
function who() {
  nextUser += 1n;
  return { userId: String(nextUser) };
}

function expectJson(reply: Reply): unknown {
  expect(reply.headers['content-type']).toBe('application/json');
  return JSON.parse(reply.text) as unknown;
}

/** Every way a user can invoke a command: bare, each option value offered, private, an unknown value. */
function invocationsOf(command: SlashCommand): OptionInput[] {
  const sets: OptionInput[] = [{}];
  for (const option of command.data.options ?? []) {
    if (option.type === ApplicationCommandOptionType.Boolean) {
      sets.push({ [option.name]: true }, { [option.name]: false });
    } else if (option.type === ApplicationCommandOptionType.String) {
      if ('autocomplete' in option && option.autocomplete) {
        const offered = reference.handle(autocompleteInteraction(command.data.name, option.name, '', who()))
          .response as { data: { choices: { value: string }[] } };
        for (const choice of offered.data.choices) sets.push({ [option.name]: choice.value });
        const first = offered.data.choices[0];
        if (first) sets.push({ [option.name]: first.value, private: true });
        sets.push({ [option.name]: 'no such thing @everyone' });
      } else {
        sets.push({ [option.name]: 'my hip hurts after sitting all day' });
        sets.push({ [option.name]: 'my hip hurts after sitting all day', private: true });
      }
    }
  }
  return sets;
}

describe('HTTP endpoint: commands, autocomplete and components', () => {
  it('answers every command and option value with the payload the in-process app builds', async () => {
    let compared = 0;
    for (const command of commands) {
      for (const values of invocationsOf(command)) {
        const raw = commandInteraction(command.data.name, values, who());
        const reply = await server.interact(raw);
        expect(reply.status, `/${command.data.name} ${JSON.stringify(values)}`).toBe(200);
        expect(expectJson(reply), `/${command.data.name} ${JSON.stringify(values)}`).toEqual(
          reference.handle(raw).response,
        );
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(commands.length * 3);
  });

  it('answers every button and select option of every reply (types 4 and 7) as the in-process app does', async () => {
    const seen = new Set<string>();
    const types = new Set<number>();
    const pending: { click: Click; flags: number }[] = [];
    for (const command of commands) {
      for (const values of [{}, { private: true }]) {
        const response = reference.handle(commandInteraction(command.data.name, values, who())).response;
        const data = (response as { data: APIInteractionResponseCallbackData }).data;
        for (const click of clicksOf(data)) pending.push({ click, flags: data.flags ?? 0 });
      }
    }
    // Follow clicks one level into the replies they open, so topic pages' own buttons are covered.
    for (let i = 0; i < pending.length; i++) {
      const { click, flags } = pending[i] as { click: Click; flags: number };
      const key = `${click.customId}|${click.values?.join(',') ?? ''}|${flags}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const raw = componentInteraction(click, flags, who());
      const reply = await server.interact(raw);
      expect(reply.status, key).toBe(200);
      const body = expectJson(reply) as APIInteractionResponse;
      expect(body, key).toEqual(reference.handle(raw).response);
      types.add(body.type);
      if (i < 200 && 'data' in body && body.data && 'embeds' in body.data)
        for (const next of clicksOf(body.data)) pending.push({ click: next, flags: MessageFlags.Ephemeral });
    }
    expect([...types].sort()).toEqual([
      InteractionResponseType.ChannelMessageWithSource,
      InteractionResponseType.UpdateMessage,
    ]);
  });

  it('answers autocomplete (type 8) as the in-process app does, for empty, lay and 100-character input', async () => {
    for (const command of commands) {
      for (const option of command.data.options ?? []) {
        if (!('autocomplete' in option && option.autocomplete)) continue;
        for (const typed of ['', 'slipped disc', 'x'.repeat(100)]) {
          const raw = autocompleteInteraction(command.data.name, option.name, typed, who());
          const reply = await server.interact(raw);
          expect(reply.status).toBe(200);
          const body = expectJson(reply) as APIInteractionResponse;
          expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
          expect(body).toEqual(reference.handle(raw).response);
        }
      }
    }
  });

  it('sends replies that keep the invariants: provider sentence last, no mentions, within limits', async () => {
    const shown = expectJson(await server.interact(commandInteraction('cause', { name: 'sciatica' }, who())));
    expectMessageInvariants(shown as APIInteractionResponse, { ephemeral: false });
    const hidden = expectJson(await server.interact(commandInteraction('urgent', { private: true }, who())));
    expectMessageInvariants(hidden as APIInteractionResponse, { ephemeral: true });
  });

  it('answers PING with 200 {"type":1}', async () => {
    const reply = await server.interact({
      type: 1,
      id: snowflake(),
      application_id: '1',
      token: 'x',
      version: 1,
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('{"type":1}');
  });

  it('serves the interactions path with a query string too', async () => {
    const raw = commandInteraction('connection', {}, who());
    const reply = await server.interact(raw, '/interactions?from=portal');
    expect(reply.status).toBe(200);
    expect(expectJson(reply)).toEqual(reference.handle(raw).response);
  });

  it('logs the command, outcome and latency of each interaction, never the text the user typed', async () => {
    const typed = 'zebra-quilt-7731 my private words';
    const raw = commandInteraction('cause', { name: typed }, who());
    expect((await server.interact(raw)).status).toBe(200);
    const line = await server.waitForLog((l) => l.interaction === raw.id);
    expect(line).toMatchObject({ command: 'cause', outcome: 'unknown-value', transport: 'http' });
    expect(typeof line.latencyMs).toBe('number');
    expect(server.stdout()).not.toContain('zebra-quilt');
  });
});

describe('HTTP endpoint: the message command and the /ask question box (issue 13)', () => {
  it('answers Apps -> Ask hip-back-bot privately, its share button publicly, /ask alone with the form and its submit as /ask, each as the in-process app does; logs carry no text', async () => {
    const text = 'my back hurts and I have lost control of my bladder, quokka-4471';
    const requests = [
      messageCommandInteraction('Ask hip-back-bot', { content: text }, who()),
      messageCommandInteraction('Ask hip-back-bot', { content: '' }, who()),
      componentInteraction({ customId: 'share:urgent' }, MessageFlags.Ephemeral, who()),
      commandInteraction('ask', {}, who()),
      commandInteraction('ask', { private: false }, who()),
      modalSubmitInteraction('ask:private', { question: `${text} again` }, who()),
    ];
    const types: number[] = [];
    for (const raw of requests) {
      const reply = await server.interact(raw);
      expect(reply.status).toBe(200);
      const body = expectJson(reply) as APIInteractionResponse;
      expect(body).toEqual(reference.handle(raw).response);
      types.push(body.type);
    }
    expect(types).toEqual([4, 4, 4, 9, 9, 4]);
    const last = requests.at(-1);
    const line = await server.waitForLog((l) => l.interaction === last?.id);
    expect(line).toMatchObject({ command: 'ask', outcome: 'ok' });
    const first = await server.waitForLog((l) => l.interaction === requests[0]?.id);
    expect(first).toMatchObject({ command: 'Ask hip-back-bot', outcome: 'ok' });
    expect(server.stdout()).not.toContain('quokka');
  });
});

describe('HTTP endpoint: rejections', () => {
  const ping = JSON.stringify({ type: 1, id: '1', application_id: '1', token: 'x', version: 1 });
  const signed = (body: string, timestamp?: string) => signatureHeaders(keys.privateKey, body, timestamp);

  async function expectStatus(status: number, spec: Parameters<typeof send>[1]): Promise<Reply> {
    const reply = await send(server.port, spec);
    expect(reply.status, JSON.stringify(spec.headers)).toBe(status);
    if (status >= 400 && reply.text) expect(expectJson(reply)).toHaveProperty('error');
    return reply;
  }

  it('answers 401 to missing signature headers', async () => {
    const { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } = signed(ping);
    await expectStatus(401, { body: ping });
    await expectStatus(401, { body: ping, headers: { 'x-signature-ed25519': signature } });
    await expectStatus(401, { body: ping, headers: { 'x-signature-timestamp': timestamp } });
  });

  it('answers 401 to malformed signatures and timestamps', async () => {
    const good = signed(ping);
    const sig = good['x-signature-ed25519'];
    for (const bad of ['', 'z'.repeat(128), sig.slice(0, 127), `${sig}00`, `${sig.slice(0, 126)} `]) {
      await expectStatus(401, { body: ping, headers: { ...good, 'x-signature-ed25519': bad } });
    }
    for (const stamp of ['', 'soon', '-5', '1e9', `${nowSeconds()}.5`]) {
      await expectStatus(401, { body: ping, headers: signed(ping, stamp) });
    }
  });

  it('answers 401 to a wrong key, a changed body or a changed timestamp (Discord probes with these)', async () => {
    const stranger = newSigningKeys();
    await expectStatus(401, { body: ping, headers: signatureHeaders(stranger.privateKey, ping) });
    await expectStatus(401, { body: ping.replace('"id":"1"', '"id":"2"'), headers: signed(ping) });
    const headers = signed(ping);
    const later = String(Number(headers['x-signature-timestamp']) + 1);
    await expectStatus(401, { body: ping, headers: { ...headers, 'x-signature-timestamp': later } });
  });

  it('answers 401 to a correctly signed request more than 5 minutes old or ahead (replay)', async () => {
    const now = Number(nowSeconds());
    await expectStatus(401, { body: ping, headers: signed(ping, String(now - 301)) });
    await expectStatus(401, { body: ping, headers: signed(ping, String(now + 301)) });
    await expectStatus(200, { body: ping, headers: signed(ping, String(now - 290)) });
  });

  it('answers 400 to invalid JSON and to JSON that is no interaction it answers, after a valid signature', async () => {
    for (const body of ['{"type":1', 'not json', '', '\u0000']) {
      await expectStatus(400, { body, headers: signed(body) });
    }
    const unknownType = JSON.stringify({ type: 99, id: '5', token: 't', user: { id: '9' }, data: {} });
    for (const body of [unknownType, '[]', '42', 'null', '"text"', '{"type":2}']) {
      await expectStatus(400, { body, headers: signed(body) });
    }
  });

  it('answers a named but malformed interaction with the private "could not read" reply', async () => {
    const raw = { type: 2, id: snowflake(), token: 'tok', application_id: '1', user: { id: '77' } };
    const reply = await server.interact(raw);
    expect(reply.status).toBe(200);
    const body = expectJson(reply);
    expect(body).toEqual(reference.handle(raw).response);
    expectMessageInvariants(body as APIInteractionResponse, { ephemeral: true });
  });

  it('answers 405 with Allow to any method but POST on the interactions path', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
      const reply = await send(server.port, { method, headers: signed(ping) });
      expect(reply.status, method).toBe(405);
      expect(reply.headers.allow).toBe('POST');
    }
  });

  it('serves GET /healthz and answers 404 to unknown paths', async () => {
    const health = await send(server.port, { method: 'GET', path: '/healthz' });
    expect(health.status).toBe(200);
    expect(expectJson(health)).toEqual({ status: 'ok' });
    const post = await send(server.port, { method: 'POST', path: '/healthz' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    for (const path of ['/interactions/extra', '/interaction', '/INTERACTIONS', '/index.html']) {
      await expectStatus(404, { path, body: ping, headers: signed(ping) });
    }
  });

  it.each([
    ['/privacy', 'PRIVACY.md'],
    ['/terms', 'TERMS.md'],
  ])(
    'serves GET %s: the repository’s %s as readable text, read from the built bundle’s repository',
    async (path, file) => {
      const page = await send(server.port, { method: 'GET', path });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(page.text).toBe(readFileSync(join(ROOT, file), 'utf8'));
      const head = await send(server.port, { method: 'HEAD', path });
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe(String(Buffer.byteLength(page.text)));
      expect(head.text).toBe('');
      const post = await send(server.port, { method: 'POST', path });
      expect(post.status).toBe(405);
      expect(post.headers.allow).toBe('GET, HEAD');
    },
  );

  it('serves HEAD /healthz with the headers of GET and no body', async () => {
    const head = await send(server.port, { method: 'HEAD', path: '/healthz' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('15');
    expect(head.text).toBe('');
  });

  it('answers 413 to a declared body over 64 KiB before any of it is sent', async () => {
    const reply = await new Promise<{ status: number; connection: string | undefined }>((done, fail) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/interactions',
        headers: { 'content-length': String(10 * 1024 * 1024), ...signed(ping) },
      });
      req.on('response', (res) => {
        done({ status: res.statusCode ?? 0, connection: res.headers.connection });
        req.destroy();
      });
      req.on('error', fail);
      req.flushHeaders();
    });
    expect(reply).toEqual({ status: 413, connection: 'close' });
  });

  it('answers 413 to a streamed body once it passes 64 KiB, without waiting for the rest', async () => {
    const chunk = Buffer.alloc(8 * 1024, 'a');
    const limit = 8 * 1024 * 1024;
    const outcome = await new Promise<{ status: number; sentBytes: number }>((done, fail) => {
      let sent = 0;
      let answered = false;
      const req = httpRequest({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/interactions',
        headers: { 'transfer-encoding': 'chunked', ...signed(ping) },
      });
      req.on('response', (res) => {
        answered = true;
        done({ status: res.statusCode ?? 0, sentBytes: sent });
        req.destroy();
      });
      req.on('error', (err) => {
        if (!answered) fail(err);
      });
      const pump = () => {
        if (answered) return;
        if (sent >= limit) return fail(new Error('the server read 8 MiB without answering'));
        sent += chunk.length;
        // One chunk at a time, so the body never ends before the server has answered.
        req.write(chunk, () => setTimeout(pump, 2));
      };
      pump();
    });
    expect(outcome.status).toBe(413);
    expect(outcome.sentBytes).toBeLessThan(limit);
    // Still serving afterwards.
    expect((await send(server.port, { body: ping, headers: signed(ping) })).status).toBe(200);
  });
});

describe('HTTP endpoint: requests verified side by side', () => {
  const forged = (body: string) => signatureHeaders(newSigningKeys().privateKey, body);

  it('answers requests pipelined on one connection in the order they were sent, each with its own verdict', async () => {
    const asked = [
      commandInteraction('cause', { name: 'sciatica' }, who()),
      commandInteraction('tips', {}, who()),
      commandInteraction('cause', { name: 'herniated-disc' }, who()),
      commandInteraction('treatment', {}, who()),
    ].map((raw) => JSON.stringify(raw));
    // The second is forged: it must get its 401 in second place, between two answers. All four go
    // in one write: the server reads them together and verifies them side by side.
    const responses = await pipelined(
      server.port,
      asked.map((body, i) => ({
        body,
        headers: i === 1 ? forged(body) : signatureHeaders(keys.privateKey, body),
      })),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 401, 200, 200]);
    for (const i of [0, 2, 3]) {
      expect(JSON.parse(responses[i]?.text ?? ''), `request ${i + 1}`).toEqual(
        reference.handle(JSON.parse(asked[i] ?? '')).response,
      );
    }
  });

  it('gives each of 200 concurrent requests, genuine and forged mixed, its own answer', async () => {
    const names = ['sciatica', 'muscle-strain', 'arthritis', 'herniated-disc'];
    const cases = Array.from({ length: 200 }, (_, i) => {
      const raw = commandInteraction('cause', { name: names[i % names.length] ?? '' }, who());
      const body = JSON.stringify(raw);
      const genuine = i % 3 !== 0;
      return {
        raw,
        body,
        genuine,
        headers: genuine ? signatureHeaders(keys.privateKey, body) : forged(body),
      };
    });
    const replies = await Promise.all(
      cases.map((c) => send(server.port, { body: c.body, headers: c.headers })),
    );
    replies.forEach((reply, i) => {
      const c = cases[i];
      if (!c) throw new Error('no case');
      if (!c.genuine) return expect(reply.status, `request ${i}`).toBe(401);
      expect(reply.status, `request ${i}`).toBe(200);
      expect(JSON.parse(reply.text), `request ${i}`).toEqual(reference.handle(c.raw).response);
    });
  });
});

describe('HTTP endpoint: start-up', () => {
  it('serves the path set by INTERACTIONS_PATH instead of /interactions', async () => {
    const custom = await startServer({ keys, env: { INTERACTIONS_PATH: '/discord/hook' } });
    try {
      const raw = commandInteraction('urgent', {}, who());
      const reply = await custom.interact(raw, '/discord/hook');
      expect(reply.status).toBe(200);
      expect(expectJson(reply)).toEqual(reference.handle(raw).response);
      expect((await custom.interact(raw, '/interactions')).status).toBe(404);
    } finally {
      await custom.stop();
    }
  });

  it('refuses to start on bad configuration, one line per variable, exit code 1', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, HTTP_MAIN_ARGS, {
      cwd: mkdtempSync(join(tmpdir(), 'hip-back-http-')),
      env: { PATH: process.env.PATH ?? '', PORT: '3000', INTERACTIONS_PATH: 'no-slash' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Configuration error: DISCORD_PUBLIC_KEY /);
    expect(lines[1]).toMatch(/^Configuration error: INTERACTIONS_PATH /);
  });

  it('never loads discord.js, nor its gateway and REST clients', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hip-back-modules-'));
    const record = join(dir, 'loaded.txt');
    const hooks = join(dir, 'hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(record)}, resolved.url + '\\n');
  return resolved;
}`,
    );
    const register = join(dir, 'register.mjs');
    writeFileSync(
      register,
      `import { register, default as Module } from 'node:module';
import { appendFileSync } from 'node:fs';
register(${JSON.stringify(pathToFileURL(hooks).href)});
const load = Module._load;
Module._load = function (request, ...rest) {
  appendFileSync(${JSON.stringify(record)}, request + '\\n');
  return load.call(this, request, ...rest);
};`,
    );
    const traced = await startServer({ keys, args: ['--import', pathToFileURL(register).href, HTTP_BUNDLE] });
    try {
      expect((await traced.interact(commandInteraction('cause', {}, who()))).status).toBe(200);
    } finally {
      await traced.stop();
    }
    const loaded = readFileSync(record, 'utf8');
    const discordJs = /node_modules\/discord\.js\/|^discord\.js$|@discordjs\/(ws|rest|collection)/m;
    // The trace saw the server's own bundle, so an absent discord.js means it was never loaded from disk.
    expect(loaded).toContain('/dist/http.mjs');
    expect(loaded).not.toMatch(discordJs);
    // Nor is it inside the bundle: esbuild lists every file it put there.
    const meta = JSON.parse(readFileSync(HTTP_BUNDLE_META, 'utf8')) as { inputs: Record<string, unknown> };
    const bundled = Object.keys(meta.inputs).join('\n');
    expect(bundled).toMatch(/^src\/transports\/http\/server\.ts$/m);
    expect(bundled).toMatch(/(?:^|\/)node_modules\/@discordjs\/builders\//m);
    expect(bundled).not.toMatch(discordJs);
  });
});

describe('HTTP endpoint: GET /metrics (the built snapshot)', () => {
  it("counts each interaction by command and outcome, with a latency histogram and prom-client's process metrics", async () => {
    const fresh = await startServer({ keys });
    try {
      const before = await send(fresh.port, { method: 'GET', path: '/metrics' });
      expect(before.status).toBe(200);
      expect(before.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(before.text).not.toMatch(/^hip_back_bot_interactions_total\{/m);
      const typed = 'zebra canary 4471';
      expect((await fresh.interact(commandInteraction('cause', { name: 'sciatica' }, who()))).status).toBe(
        200,
      );
      expect((await fresh.interact(commandInteraction('tips', { name: typed }, who()))).status).toBe(200);
      expect((await fresh.interact(commandInteraction('ask', { question: typed }, who()))).status).toBe(200);
      const after = await send(fresh.port, { method: 'GET', path: '/metrics' });
      expect(after.text).toContain(
        'hip_back_bot_interactions_total{kind="command",command="cause",outcome="ok"} 1',
      );
      expect(after.text).toContain(
        'hip_back_bot_interactions_total{kind="command",command="tips",outcome="unknown-value"} 1',
      );
      expect(after.text).toMatch(/^hip_back_bot_interaction_duration_seconds_count\{kind="command"\} 3$/m);
      expect(after.text).toMatch(/^process_resident_memory_bytes \d+/m);
      expect(after.text).toMatch(/^process_start_time_seconds \d+/m);
      expect(after.text).not.toContain('zebra');
      expect((await send(fresh.port, { method: 'POST', path: '/metrics' })).status).toBe(405);
    } finally {
      await fresh.stop();
    }
  });
});
