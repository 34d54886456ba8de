import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { APIInteractionResponse, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/core/app.js';
import { bot } from '../../../commands/index.js';
import { clicksOf, commandInteraction, componentInteraction } from '../../helpers/interactions.js';
import {
  newSigningKeys,
  signatureHeaders,
  startServer,
  type ServerProcess,
} from '../../helpers/http-server.js';

const keys = newSigningKeys();
let nextUser = 1_400_000_000_000_200_000n;
function who() {
  nextUser += 1n;
  return { userId: String(nextUser) };
}

function messageOf(text: string): APIInteractionResponseCallbackData {
  return (JSON.parse(text) as { data: APIInteractionResponseCallbackData }).data;
}

describe('two replicas behind one application', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    [a, b] = await Promise.all([startServer({ keys }), startServer({ keys })]);
  });
  afterAll(async () => {
    await Promise.all([a.stop(), b.stop()]);
  });

  it('answers on replica B every button and menu option of a reply made by replica A, as A would', async () => {
    const reference = createApp(bot);
    for (const values of [{}, { name: 'sciatica' }, { private: true }]) {
      const made = await a.interact(commandInteraction('cause', values, who()));
      expect(made.status).toBe(200);
      const message = messageOf(made.text);
      const clicks = clicksOf(message);
      expect(clicks.length).toBeGreaterThan(0);
      for (const click of clicks) {
        const raw = componentInteraction(click, message.flags ?? 0, who());
        const onB = await b.interact(raw);
        const onA = await a.interact(raw);
        expect(onB.status).toBe(200);
        expect(onB.text, click.customId).toBe(onA.text);
        expect(JSON.parse(onB.text)).toEqual(reference.handle(raw).response);
      }
    }
  });

  it('keeps the cooldown per replica: a user slowed down on A is still answered by B', async () => {
    const user = who();
    const titles: string[] = [];
    for (let i = 0; i < 6; i++) {
      const reply = await a.interact(commandInteraction('connection', {}, user));
      titles.push(messageOf(reply.text).embeds?.[0]?.title ?? '');
    }
    expect(titles.slice(0, 5)).not.toContain('Slow down');
    expect(titles[5]).toBe('Slow down');
    const onB = await b.interact(commandInteraction('connection', {}, user));
    expect(messageOf(onB.text).embeds?.[0]?.title).toBe(titles[0]);
  });
});

describe('shutdown', () => {
  it('on SIGTERM stops accepting, answers the request in flight, then exits 0', async () => {
    const server = await startServer({ keys, env: { LOG_LEVEL: 'debug' } });
    const raw = commandInteraction('tips', { name: 'exercise' }, who());
    const body = JSON.stringify(raw);
    const half = Math.floor(body.length / 2);
    const answered = new Promise<{ status: number; text: string }>((done, fail) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/interactions',
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          ...signatureHeaders(keys.privateKey, body),
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', fail);
      req.write(body.slice(0, half));
      void server
        .waitForLog((l) => l.msg === 'shutting down: finishing requests in flight')
        .then(async () => {
          // New connections are refused while the request in flight is still open.
          await expect(
            new Promise((ok, refused) =>
              connect(server.port, '127.0.0.1', () => ok('connected')).on('error', refused),
            ),
          ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
          req.end(body.slice(half));
        })
        .catch(fail);
    });
    // The server has the request (headers read, body pending) before the signal is sent.
    await server.waitForLog((l) => l.msg === 'reading interaction body');
    server.child.kill('SIGTERM');

    const reply = await answered;
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual(createApp(bot).handle(raw).response as APIInteractionResponse);
    expect(await server.exited).toBe(0);
    expect(server.logs.at(-1)?.msg).toBe('stopped');
  });

  it('exits 0 on SIGINT when idle, closing kept-alive connections', async () => {
    const server = await startServer({ keys });
    const kept = await server.interact(commandInteraction('urgent', {}, who()));
    expect(kept.status).toBe(200);
    expect(await server.stop('SIGINT')).toBe(0);
  });

  it('exits 0 on SIGTERM when the reader of its stdout is gone (a log collector that died)', async () => {
    const server = await startServer({ keys });
    // Closing our end of the pipe: every log line from now on fails with EPIPE.
    server.child.stdout?.destroy();
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.stderr()).toBe('');
  });
});
