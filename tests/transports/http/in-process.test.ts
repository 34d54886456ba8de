import { pbkdf2 as pbkdf2Callback } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../../src/core/app.js';
import { bot } from '../../../commands/index.js';
import { createInteractionServer, type InteractionServer } from '../../../src/transports/http/server.js';
import { publicKeyFromHex } from '../../../src/transports/http/verify.js';
import { commandInteraction } from '../../helpers/interactions.js';
import { memoryLogger } from '../../helpers/memory-logger.js';
import { newSigningKeys, pipelined, send, signatureHeaders } from '../../helpers/http-server.js';

/*
 * The HTTP transport run in this process, for what a child process can't show: an app core that
 * throws on purpose, and shutting down at a chosen moment.
 */
const pbkdf2 = promisify(pbkdf2Callback);
const keys = newSigningKeys();
const real = createApp(bot);
const running: InteractionServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function start(app: App) {
  const logger = memoryLogger();
  const interactions = createInteractionServer({
    publicKey: publicKeyFromHex(keys.publicKeyHex),
    app,
    log: logger.log,
  });
  running.push(interactions);
  await new Promise<void>((done) => interactions.server.listen(0, '127.0.0.1', done));
  const { port } = interactions.server.address() as AddressInfo;
  return { interactions, port, logged: logger.text, lines: logger.lines };
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
    expect(JSON.parse(after.text)).toEqual(createApp(bot).handle(next).response);
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
    const reference = createApp(bot);
    expect(responses.map((r) => JSON.parse(r.text) as unknown)).toEqual(
      asked.map((raw) => reference.handle(raw).response),
    );
  });

  it('does not run a request whose client hung up while its signature was checked, and logs it as dropped', async () => {
    let ran = 0;
    const app: App = {
      ...real,
      handle(raw) {
        ran += 1;
        return real.handle(raw);
      },
    };
    const server = await start(app);
    // Keep every thread of libuv's pool (4 by default) busy for a while, so the signature check
    // of the request below waits behind them: the client is gone before it is done.
    const busy = Array.from({ length: 8 }, () => pbkdf2('busy', 'pool', 100_000, 64, 'sha512'));
    const [request] = asked.map(signed);
    if (!request) throw new Error('no request');
    const answers = await pipelined(server.port, [request], { hangUp: true });
    expect(answers).toEqual([]);
    await Promise.all(busy);
    // Counted, and logged in the summary that follows within a second.
    await vi.waitFor(
      () =>
        expect(server.lines().filter((line) => line.msg === 'dropped requests')).toEqual([
          expect.objectContaining({ level: 30, reason: 'connection closed before the answer', count: 1 }),
        ]),
      { timeout: 3_000 },
    );
    expect(ran).toBe(0);
    expect(server.lines().filter((line) => line.msg === 'interaction')).toEqual([]);
    // Still serving.
    expect((await send(server.port, signed(asked[1]))).status).toBe(200);
  });
});
