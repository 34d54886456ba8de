import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { createApp } from '../../../src/core/app.js';
import { bot } from '../../../commands/index.js';
import {
  autocompleteInteraction,
  clicksOf,
  commandInteraction,
  componentInteraction,
  type Click,
} from '../../helpers/interactions.js';
import {
  newSigningKeys,
  nowSeconds,
  send,
  signatureHeaders,
  startServer,
  type ServerProcess,
} from '../../helpers/http-server.js';

/**
 * 1,000 seeded random requests: methods, paths, signature and timestamp headers, and bodies from
 * random bytes to real interactions with random fields broken. Each status is predicted from what
 * was sent (and, for signed JSON, from the in-process app); none may be a 5xx, and the server must
 * still answer properly afterwards.
 */

const CASES = 1_000;
const SEED = 0x5eed_b0d7;
const LIMIT = 64 * 1024;

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const keys = newSigningKeys();
const stranger = newSigningKeys();
const reference = createApp(bot);
const random = prng(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
const chance = (p: number) => random() < p;

let nextUser = 1_400_000_000_000_300_000n;
function who() {
  nextUser += 1n;
  return { userId: String(nextUser), locale: pick(['en-US', 'en-GB', 'de', 'fr', 'xx-YY', '']) };
}

const TEXTS = [
  '',
  'sciatica',
  'slipped disc',
  '@everyone <@123> <#456> [x](https://example.com)',
  '**bold** `code` ||spoiler|| > quote',
  'ẞ ü 中文 🦴🦴 \u202e reversed \u0000 nul',
  'x'.repeat(100),
  'y'.repeat(4_000),
  '\\'.repeat(300),
];

function randomText(): string {
  if (chance(0.6)) return pick(TEXTS);
  return Array.from({ length: int(60) }, () => String.fromCharCode(int(0xffff))).join('');
}

function randomValue(depth = 0): unknown {
  switch (int(depth > 3 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return chance(0.5);
    case 2:
      return pick([0, -1, 1.5, 2 ** 53, Number.MAX_VALUE, 1e-300]);
    case 3:
    case 4:
      return randomText();
    case 5:
      return Array.from({ length: int(4) }, () => randomValue(depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: int(4) }, () => [randomText(), randomValue(depth + 1)]));
  }
}

/** Clicks the bot's own replies offer, gathered once, so component interactions look real. */
const clickPool: { click: Click; flags: number }[] = [];
for (const command of commands) {
  for (const values of [{}, { private: true }]) {
    const response = reference.handle(commandInteraction(command.data.name, values, who())).response;
    if (response && 'data' in response && response.data && 'embeds' in response.data) {
      for (const click of clicksOf(response.data)) clickPool.push({ click, flags: response.data.flags ?? 0 });
    }
  }
}

function realInteraction(): Record<string, unknown> {
  const command = pick(commands);
  const names = (command.data.options ?? []).map((o) => o.name);
  switch (int(4)) {
    case 0:
      return { type: 1, id: String(int(1e9)), application_id: '1', token: 'x', version: 1 };
    case 1: {
      const values: Record<string, string | boolean> = {};
      for (const name of names)
        if (chance(0.5)) values[name] = name === 'private' ? chance(0.5) : randomText();
      return commandInteraction(command.data.name, values, who());
    }
    case 2:
      return autocompleteInteraction(command.data.name, pick([...names, 'name']), randomText(), who());
    default: {
      const { click, flags } = pick(clickPool);
      return componentInteraction(click, flags, who());
    }
  }
}

/** Breaks a real interaction in up to three random places (none leaves it intact). */
function mutate(value: Record<string, unknown>): unknown {
  const mutations = int(4);
  for (let m = 0; m < mutations; m++) {
    // Arrays are indexed by their keys too.
    let target: Record<string, unknown> = value;
    for (let step = 0; step < 4; step++) {
      const keys = Object.keys(target);
      const next = target[pick(keys)];
      if (keys.length === 0 || typeof next !== 'object' || next === null || chance(0.3)) break;
      target = next as Record<string, unknown>;
    }
    const keys = Object.keys(target);
    const key = keys.length > 0 && chance(0.8) ? pick(keys) : randomText().slice(0, 10);
    switch (int(5)) {
      case 0:
        delete target[key];
        break;
      case 1:
        target[key] = int(12) - 1;
        break;
      case 2: {
        let deep: unknown = randomValue();
        for (let i = int(1_500); i > 0; i--) deep = chance(0.5) ? [deep] : { options: [deep] };
        target[key] = deep;
        break;
      }
      default:
        target[key] = randomValue();
    }
  }
  return value;
}

interface Case {
  readonly method: string;
  readonly path: string;
  readonly headers: OutgoingHttpHeaders;
  readonly body: Buffer;
  /** Sent as Content-Length over the limit: headers first, body only if the server asks for it. */
  readonly declaredOversize: boolean;
  readonly expected: number;
}

function randomCase(): Case {
  const method = chance(0.85) ? 'POST' : pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
  const path = chance(0.9)
    ? pick(['/interactions', '/interactions', '/interactions', '/interactions?x=1'])
    : pick(['/healthz', '/', '/interactions/', '/Interactions', `/${randomHex(int(6))}`, '/%00%ff/..']);

  let body: Buffer;
  let parsed: { ok: true; value: unknown } | { ok: false };
  switch (int(6)) {
    case 0:
      body = Buffer.from(Array.from({ length: int(2_000) }, () => int(256)));
      break;
    case 1:
      body = Buffer.from(JSON.stringify(randomValue()) ?? '');
      break;
    case 2: {
      const text = JSON.stringify(realInteraction());
      body = Buffer.from(text.slice(0, int(text.length)));
      break;
    }
    case 3:
      body = Buffer.from(JSON.stringify(realInteraction()));
      break;
    default:
      body = Buffer.from(JSON.stringify(mutate(realInteraction())));
  }
  if (body.length > LIMIT) body = Buffer.from('{"cut":true}');
  try {
    parsed = { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    parsed = { ok: false };
  }

  const headers: OutgoingHttpHeaders = {};
  if (chance(0.5)) headers['content-type'] = pick(['application/json', 'text/plain', 'x/y; charset=utf-16']);
  const fresh = nowSeconds();
  let validSignature = false;
  switch (int(10)) {
    case 0:
      break;
    case 1:
      headers['x-signature-timestamp'] = fresh;
      break;
    case 2:
      Object.assign(headers, {
        'x-signature-ed25519': signatureHeaders(keys.privateKey, body)['x-signature-ed25519'],
      });
      break;
    case 3:
      Object.assign(headers, signatureHeaders(stranger.privateKey, body));
      break;
    case 4:
      Object.assign(headers, signatureHeaders(keys.privateKey, body, String(Number(fresh) - 301 - int(1e6))));
      break;
    case 5:
      Object.assign(headers, {
        'x-signature-ed25519': pick(['', 'ab', 'g'.repeat(128), randomHex(int(200))]),
        'x-signature-timestamp': pick([fresh, '', 'now', '-1', `${fresh}.0`, ' '.repeat(3)]),
      });
      break;
    default:
      Object.assign(headers, signatureHeaders(keys.privateKey, body));
      validSignature = true;
  }
  const declaredOversize = method === 'POST' && chance(0.03);

  const bare = path.split('?')[0];
  let expected: number;
  if (bare === '/healthz' || bare === '/') expected = method === 'GET' || method === 'HEAD' ? 200 : 405;
  else if (bare !== '/interactions') expected = 404;
  else if (method !== 'POST') expected = 405;
  else if (declaredOversize) expected = 413;
  else if (!validSignature) expected = 401;
  else if (!parsed.ok) expected = 400;
  else expected = reference.handle(parsed.value).response ? 200 : 400;
  return { method, path, headers, body, declaredOversize, expected };
}

function randomHex(length: number): string {
  return Array.from({ length }, () => '0123456789abcdef'[int(16)]).join('');
}

/** Claims a body over the limit and waits for the answer before sending any of it. */
function sendDeclaredOversize(port: number, c: Case): Promise<number> {
  return new Promise((done, fail) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: c.method,
      path: c.path,
      headers: { ...c.headers, 'content-length': String(LIMIT + 1 + int(1e6)) },
    });
    req.on('response', (res) => {
      done(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', fail);
    req.flushHeaders();
  });
}

function deliver(port: number, c: Case): Promise<number> {
  if (c.declaredOversize) return sendDeclaredOversize(port, c);
  const body = c.method === 'GET' || c.method === 'HEAD' ? {} : { body: c.body };
  return send(port, { method: c.method, path: c.path, headers: c.headers, ...body }).then((r) => r.status);
}

function describeCase(c: Case): string {
  return `${c.method} ${c.path} ${JSON.stringify(c.headers)} ${c.body.length} bytes: ${c.body.subarray(0, 200).toString()}`;
}

describe('HTTP endpoint under random input', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ keys });
  });
  afterAll(async () => {
    await server.stop();
  });

  it(`answers ${CASES} random requests with the predicted status, never a 5xx`, async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < CASES; i++) {
      const c = randomCase();
      const status = await deliver(server.port, c).catch((e: Error) => {
        throw new Error(`case ${i}: ${describeCase(c)}: ${e.message}`);
      });
      expect(status, `case ${i}: ${describeCase(c)}`).toBe(c.expected);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    // The mix reached every branch, including the app behind a valid signature.
    expect([...statuses.keys()].sort()).toEqual([200, 400, 401, 404, 405, 413]);
    expect(statuses.get(200)).toBeGreaterThan(100);

    expect(server.child.exitCode).toBeNull();
    expect(server.logs.filter((l) => typeof l.level === 'number' && l.level >= 50)).toEqual([]);
    expect(server.stderr()).toBe('');
    const ping = await server.interact({ type: 1, id: '1', application_id: '1', token: 'x', version: 1 });
    expect(ping.text).toBe('{"type":1}');
    const raw = commandInteraction('cause', { name: 'sciatica' }, who());
    const reply = await server.interact(raw);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual(reference.handle(raw).response);
  });
});
