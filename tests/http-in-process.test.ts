import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { createInteractionServer, type InteractionServer } from '../src/http.js';
import { publicKeyFromHex } from '../src/verify.js';
import { commandInteraction } from './helpers/interactions.js';
import { newSigningKeys, pipelined, send, signatureHeaders } from './helpers/http-server.js';

/*
 * The HTTP transport run in this process, for what a child process can't show: an app core that
 * throws on purpose, and shutting down at a chosen moment.
 */
const keys = newSigningKeys();
const real = createApp();
const running: InteractionServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function start(app: App) {
  let logged = '';
  const log = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    }),
  );
  const interactions = createInteractionServer({ publicKey: publicKeyFromHex(keys.publicKeyHex), app, log });
  running.push(interactions);
  await new Promise<void>((done) => interactions.server.listen(0, '127.0.0.1', done));
  const { port } = interactions.server.address() as AddressInfo;
  return {
    interactions,
    port,
    logged: () => logged,
    lines: () =>
      logged
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

function signed(raw: unknown) {
  const body = JSON.stringify(raw);
  return { body, headers: signatureHeaders(keys.privateKey, body) };
}

describe('HTTP endpoint: a bug of ours', () => {
  it('answers 500 to the request it hit, logs it without the request, and goes on serving', async () => {
    const buggy: App = {
      ...real,
      handle(raw) {
        const name = (raw as { data?: { name?: unknown } }).data?.name;
        if (name === 'tips') throw new Error('a bug in the core');
        return real.handle(raw);
      },
    };
    const server = await start(buggy);
    // A value no log line may hold: what the user typed.
    const typed = 'zebra canary 4471';
    const reply = await send(
      server.port,
      signed(commandInteraction('tips', { name: typed }, { userId: '1400000000000000777' })),
    );
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.text)).toEqual({ error: 'internal error' });

    const failure = server.lines().find((line) => line.msg === 'request failed');
    expect(failure).toMatchObject({ level: 50, err: { message: 'a bug in the core' } });
    expect(server.logged()).not.toContain('canary');

    const next = commandInteraction('cause', { name: 'sciatica' }, { userId: '1400000000000000778' });
    const after = await send(server.port, signed(next));
    expect(after.status).toBe(200);
    expect(JSON.parse(after.text)).toEqual(createApp().handle(next).response);
  });
});

describe('HTTP endpoint: shutting down', () => {
  const asked = ['sciatica', 'posture', 'arthritis'].map((name, i) =>
    commandInteraction('cause', { name }, { userId: `14000000000000009${i}0` }),
  );

  const pipeline = (port: number) => pipelined(port, asked.map(signed));

  it('answers every request pipelined on a connection while their signatures are checked, then closes it', async () => {
    const shut: { down?: () => Promise<void> } = {};
    let closed: Promise<void> | undefined;
    const app: App = {
      ...real,
      handle(raw) {
        // Shutdown begins as the first of the three is answered: all three have been read.
        closed ??= shut.down?.();
        return real.handle(raw);
      },
    };
    const server = await start(app);
    shut.down = () => server.interactions.close();
    const responses = await pipeline(server.port);
    await closed;
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    // The last answer tells the client the connection ends; the others keep it for the next.
    expect(responses.map((r) => r.connection)).toEqual(['keep-alive', 'keep-alive', 'close']);
    const reference = createApp();
    expect(responses.map((r) => JSON.parse(r.text) as unknown)).toEqual(
      asked.map((raw) => reference.handle(raw).response),
    );
  });

  it('does not run a request whose connection closed before its answer, and logs it as dropped', async () => {
    let ran = 0;
    let reached!: () => void;
    const firstReached = new Promise<void>((done) => (reached = done));
    const app: App = {
      ...real,
      handle(raw) {
        ran += 1;
        reached();
        return real.handle(raw);
      },
    };
    const server = await start(app);
    const responses = pipeline(server.port);
    // Shutdown begins just after the first answer is written: Node closes the connection then,
    // with the other two still being checked.
    await firstReached;
    await server.interactions.close();
    expect(await responses).toHaveLength(1);
    // The other two come back from the thread pool after the connection has gone.
    await vi.waitFor(() =>
      expect(server.lines().filter((line) => line.msg === 'dropped request')).toEqual([
        expect.objectContaining({ level: 30, reason: 'connection closed before the answer' }),
        expect.objectContaining({ level: 30, reason: 'connection closed before the answer' }),
      ]),
    );
    expect(ran).toBe(1);
    expect(server.lines().filter((line) => line.msg === 'interaction')).toHaveLength(1);
  });
});
