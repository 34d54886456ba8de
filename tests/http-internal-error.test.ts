import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { createInteractionServer, type InteractionServer } from '../src/http.js';
import { publicKeyFromHex } from '../src/verify.js';
import { commandInteraction } from './helpers/interactions.js';
import { newSigningKeys, send, signatureHeaders } from './helpers/http-server.js';

/*
 * A bug of ours (here: the app core throwing for /tips) must cost one request a 500, never the
 * process: the transport is run in this process, with an app that throws on purpose.
 */
const keys = newSigningKeys();
const real = createApp();
const buggy: App = {
  ...real,
  handle(raw) {
    const name = (raw as { data?: { name?: unknown } }).data?.name;
    if (name === 'tips') throw new Error('a bug in the core');
    return real.handle(raw);
  },
};
const lines: Record<string, unknown>[] = [];
const log = pino(
  { level: 'info' },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  }),
);
let interactions: InteractionServer;
let port: number;

beforeAll(async () => {
  interactions = createInteractionServer({ publicKey: publicKeyFromHex(keys.publicKeyHex), app: buggy, log });
  await new Promise<void>((done) => interactions.server.listen(0, '127.0.0.1', done));
  port = (interactions.server.address() as AddressInfo).port;
});
afterAll(() => interactions.close());

function signed(raw: unknown) {
  const body = JSON.stringify(raw);
  return { body, headers: signatureHeaders(keys.privateKey, body) };
}

describe('HTTP endpoint: a bug of ours', () => {
  it('answers 500 to the request it hit, logs it without the request, and goes on serving', async () => {
    const hit = signed(commandInteraction('tips', { name: 'exercise' }, { userId: '1400000000000000777' }));
    const reply = await send(port, hit);
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.text)).toEqual({ error: 'internal error' });

    const failure = lines.find((line) => line.msg === 'request failed');
    expect(failure).toMatchObject({ level: 50, err: { message: 'a bug in the core' } });
    expect(JSON.stringify(lines)).not.toContain(hit.body);

    const next = commandInteraction('cause', { name: 'sciatica' }, { userId: '1400000000000000778' });
    const after = await send(port, signed(next));
    expect(after.status).toBe(200);
    expect(JSON.parse(after.text)).toEqual(real.handle(next).response);
  });
});
