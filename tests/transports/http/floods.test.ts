import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bot } from '../../../commands/index.js';
import { createApp } from '../../../src/core/app.js';
import {
  createInteractionServer,
  defaultMaxConnections,
  HEADERS_TIMEOUT_MS,
  type InteractionServerOptions,
} from '../../../src/transports/http/server.js';
import { RequestSummary } from '../../../src/transports/http/summary.js';
import { publicKeyFromHex } from '../../../src/transports/http/verify.js';
import { newSigningKeys, nowSeconds, send } from '../../helpers/http-server.js';
import { memoryLogger } from '../../helpers/memory-logger.js';

/*
 * The HTTP endpoint under the floods an unauthenticated client can send on 127.0.0.1: forged
 * signatures, clients that send a header a second, more connections than it can hold.
 */
const keys = newSigningKeys();
const open: Socket[] = [];
const servers: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const socket of open.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(options: Partial<InteractionServerOptions> = {}) {
  const logger = memoryLogger();
  const interactions = createInteractionServer({
    publicKey: publicKeyFromHex(keys.publicKeyHex),
    app: createApp(bot),
    log: logger.log,
    ...options,
  });
  servers.push(interactions);
  await new Promise<void>((done) => interactions.server.listen(0, '127.0.0.1', done));
  const { port } = interactions.server.address() as AddressInfo;
  return { port, lines: logger.lines };
}

/** A raw connection, kept until the test ends; resolves once connected. */
function rawConnection(port: number): Promise<Socket> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => done(socket));
    socket.on('error', fail);
    open.push(socket);
  });
}

/** Sends `lines` one per `everyMs` until the server closes the connection; resolves with what it answered and when. */
async function trickle(port: number, lines: readonly string[], everyMs: number) {
  const socket = await rawConnection(port);
  const started = Date.now();
  let answer = '';
  socket.setEncoding('latin1').on('data', (chunk: string) => (answer += chunk));
  let next = 0;
  const timer = setInterval(() => {
    if (!socket.destroyed && next < lines.length) socket.write(lines[next++] as string);
  }, everyMs);
  await new Promise((done) => socket.once('close', done));
  clearInterval(timer);
  return { afterMs: Date.now() - started, answer };
}

/** Endless header lines, as a slowloris client sends them. */
const HEADERS = [
  'POST /interactions HTTP/1.1\r\nhost: 127.0.0.1\r\n',
  ...Array.from({ length: 60 }, (_, i) => `x-slow-${i}: 1\r\n`),
];

describe('slow clients are cut on time', () => {
  it(`a client sending one header a second, or half a request line, is cut ${HEADERS_TIMEOUT_MS / 1000} s after it connected (408)`, async () => {
    const { port } = await start();
    const [headers, requestLine] = await Promise.all([
      trickle(port, HEADERS, 1_000),
      trickle(port, ['POST /interac'], 1_000),
    ]);
    for (const cut of [headers, requestLine]) {
      expect(cut.answer).toMatch(/^HTTP\/1\.1 408 /);
      // Node checks every second (TIMEOUT_CHECK_MS): before, the check ran every 30 s.
      expect(cut.afterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
      expect(cut.afterMs).toBeLessThan(HEADERS_TIMEOUT_MS + 2_500);
    }
  }, 15_000);

  it('a client sending its body a byte a second is cut at the whole-request deadline (here shortened to 2 s)', async () => {
    const { port } = await start({ requestTimeoutMs: 2_000, headersTimeoutMs: 1_000 });
    const head =
      'POST /interactions HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n';
    const cut = await trickle(port, [head, ...Array.from({ length: 60 }, () => '{')], 1_000);
    expect(cut.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(cut.afterMs).toBeLessThan(2_000 + 2_500);
  }, 15_000);
});

describe('a cap on open connections', () => {
  it('past the cap, /healthz still answers and anything else gets 503; past the health allowance, connections are closed', async () => {
    const cap = 20;
    const { port, lines } = await start({ maxConnections: cap });
    // The cap filled with slow clients that have sent half their headers.
    for (let i = 0; i < cap; i++) (await rawConnection(port)).write('POST /interactions HTTP/1.1\r\n');

    const health = await send(port, { method: 'GET', path: '/healthz' });
    expect(health.status).toBe(200);
    expect(health.headers.connection).toBe('close');
    const interaction = await send(port, { body: '{}', headers: { 'content-type': 'application/json' } });
    expect(interaction.status).toBe(503);
    expect(interaction.headers['retry-after']).toBe('1');

    // 16 more held open (the health allowance), then the next connection is closed unanswered.
    for (let i = 0; i < 16; i++) await rawConnection(port);
    await expect(send(port, { method: 'GET', path: '/healthz' })).rejects.toThrow();
    await vi.waitFor(
      () =>
        expect(lines()).toContainEqual(
          expect.objectContaining({ msg: 'refused connections', reason: 'too many connections' }),
        ),
      { timeout: 3_000 },
    );

    // Once the slow clients are gone, everything is served again.
    for (const socket of open.splice(0)) socket.destroy();
    await vi.waitFor(async () =>
      expect((await send(port, { method: 'GET', path: '/healthz' })).status).toBe(200),
    );
  });

  it('defaults to below the soft limit on open files', () => {
    const limits = [
      'Limit                     Soft Limit           Hard Limit           Units     ',
      'Max open files            1024                 524288               files     ',
    ].join('\n');
    expect(defaultMaxConnections(limits)).toBe(1024 - 64 - 16);
    expect(defaultMaxConnections('')).toBe(1024 - 64 - 16);
    expect(defaultMaxConnections()).toBeGreaterThan(0);
  });
});

describe('rejected requests are counted and logged as a summary', () => {
  it('500 forged signatures: no line each, a summary per reason at most once a second with the count', async () => {
    const { port, lines } = await start();
    const forged = (i: number) => {
      const body = JSON.stringify({ type: 1, id: String(i) });
      return send(port, {
        body,
        headers: {
          'content-type': 'application/json',
          'x-signature-ed25519': 'ab'.repeat(64),
          'x-signature-timestamp': nowSeconds(),
        },
      });
    };
    const started = Date.now();
    for (let i = 0; i < 500; i += 50) {
      const statuses = await Promise.all(Array.from({ length: 50 }, (_, j) => forged(i + j)));
      expect(statuses.every((r) => r.status === 401)).toBe(true);
    }
    const tookS = (Date.now() - started) / 1000;
    const summaries = () =>
      lines().filter((l) => l.msg === 'rejected requests' && l.reason === 'bad-signature');
    await vi.waitFor(() => expect(summaries().reduce((sum, l) => sum + (l.count as number), 0)).toBe(500), {
      timeout: 3_000,
    });
    expect(summaries().length).toBeLessThanOrEqual(Math.ceil(tookS) + 1);
    expect(summaries()[0]).toMatchObject({ status: 401, level: 30 });
    expect(lines().filter((l) => l.msg === 'rejected request')).toEqual([]);
  });

  it('each reason gets its own line, at most one per interval', () => {
    vi.useFakeTimers();
    try {
      const { log, lines } = memoryLogger();
      const summary = new RequestSummary(log, 1_000);
      for (let i = 0; i < 1_000; i++) summary.count('rejected requests', 'bad-signature', { status: 401 });
      summary.count('rejected requests', 'not found', { status: 404 });
      expect(lines()).toEqual([]);
      vi.advanceTimersByTime(1_000);
      expect(lines().map(({ reason, count, status }) => ({ reason, count, status }))).toEqual([
        { reason: 'bad-signature', count: 1_000, status: 401 },
        { reason: 'not found', count: 1, status: 404 },
      ]);
      summary.count('rejected requests', 'bad-signature', { status: 401 });
      vi.advanceTimersByTime(999);
      expect(lines()).toHaveLength(2);
      vi.advanceTimersByTime(1);
      expect(lines()).toHaveLength(3);
      expect(lines()[2]).toMatchObject({ reason: 'bad-signature', count: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});
