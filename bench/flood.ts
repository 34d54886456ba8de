/**
 * `npm run bench:flood`: how the built bot holds up under floods and stalls (issue 14), on
 * 127.0.0.1 only, bounded in count and time (about 2 minutes in all):
 *
 * 1. HTTP endpoint, stdout on a pipe nobody reads: RSS before and after 30 s of forged-signature
 *    requests, then 15 s of signed interactions (one line each: this fills the log buffer), then
 *    the time from SIGTERM to exit.
 * 2. Lines logged per 10,000 forged requests (stdout read).
 * 3. Time to cut a slow client: one header a second (headers deadline), a body a byte a second
 *    (whole-request deadline).
 * 4. Gateway bot against the fake Discord, stdout unread after READY: RSS before and after 2,000
 *    interactions, then the time from SIGTERM to exit.
 *
 * Other work on the machine moves these figures; run it on a quiet machine.
 */
import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { chatInput } from '../tests/fake-discord/payloads.js';
import { startFakeDiscord } from '../tests/fake-discord/server.js';
import {
  freePort,
  HTTP_MAIN_ARGS,
  newSigningKeys,
  nowSeconds,
  signatureHeaders,
} from '../tests/helpers/http-server.js';
import { commandInteraction } from '../tests/helpers/interactions.js';
import { BUILT } from '../tests/helpers/run-built.js';
import { spawnWithStalledStdout, type StalledStdoutProcess } from '../tests/helpers/stalled-stdout.js';

const FORGED_SECONDS = 30;
const SIGNED_SECONDS = 15;
const COUNTED_FORGED = 10_000;
const GATEWAY_INTERACTIONS = 2_000;
const CONNECTIONS = 50;

const keys = newSigningKeys();
const scratch = mkdtempSync(join(tmpdir(), 'hip-back-bench-flood-'));

function rssMiB(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}

const mib = (n: number) => `${n.toFixed(1)} MiB`;

/** SIGTERM, then ms until the process has exited, and its exit code. */
async function sigtermToExit(running: StalledStdoutProcess): Promise<{ ms: number; code: number | null }> {
  const started = performance.now();
  running.child.kill('SIGTERM');
  const code = await running.exited;
  return { ms: performance.now() - started, code };
}

function forgedHeaders(): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-signature-ed25519': 'ab'.repeat(64),
    'x-signature-timestamp': nowSeconds(),
  };
}

const FORGED_BODY = JSON.stringify({ type: 1, id: '1', token: 'x' });

function startEndpoint(port: number, env: Record<string, string> = {}): StalledStdoutProcess {
  return spawnWithStalledStdout(
    HTTP_MAIN_ARGS,
    {
      NODE_ENV: 'production',
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    scratch,
  );
}

async function httpStalledReader(): Promise<void> {
  const port = await freePort();
  const endpoint = startEndpoint(port);
  await endpoint.waitForLog((l) => l.msg === 'listening', 'listening');
  endpoint.stall();
  await sleep(1_000);
  const before = rssMiB(endpoint.child);
  const samples: string[] = [];
  const sampler = setInterval(() => samples.push(rssMiB(endpoint.child).toFixed(0)), 5_000);
  const forged = await autocannon({
    url: `http://127.0.0.1:${port}/interactions`,
    connections: CONNECTIONS,
    duration: FORGED_SECONDS,
    requests: [{ method: 'POST', headers: forgedHeaders(), body: FORGED_BODY }],
  });
  const afterForged = rssMiB(endpoint.child);
  // Signed interactions: each is logged, so the stalled pipe and then the log buffer fill up.
  const body = JSON.stringify(commandInteraction('urgent', {}, { userId: '1900000000000000001' }));
  const signed = await autocannon({
    url: `http://127.0.0.1:${port}/interactions`,
    connections: CONNECTIONS,
    duration: SIGNED_SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signatureHeaders(keys.privateKey, body) },
        body,
      },
    ],
  });
  clearInterval(sampler);
  const afterSigned = rssMiB(endpoint.child);
  const exit = await sigtermToExit(endpoint);
  console.log(
    `HTTP endpoint, stdout unread: RSS ${mib(before)} before; ${mib(afterForged)} after ${FORGED_SECONDS} s of forged requests ` +
      `(${forged.requests.total} requests, ${forged.non2xx} answered 401, ${Math.round(forged.requests.average)} req/s); ` +
      `${mib(afterSigned)} after ${SIGNED_SECONDS} s more of signed interactions (${signed.requests.total}, one log line each); ` +
      `samples every 5 s (MiB): ${samples.join(' ')}`,
  );
  console.log(
    `HTTP endpoint, stdout unread: SIGTERM to exit ${exit.ms.toFixed(0)} ms, exit code ${exit.code}`,
  );
}

async function httpLinesPerForged(): Promise<void> {
  const port = await freePort();
  const endpoint = startEndpoint(port);
  await endpoint.waitForLog((l) => l.msg === 'listening', 'listening');
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  let sent = 0;
  const started = performance.now();
  const one = (): Promise<void> =>
    new Promise((done, fail) => {
      const req = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/interactions', agent, headers: forgedHeaders() },
        (res) => res.resume().on('end', done),
      );
      req.on('error', fail);
      req.end(FORGED_BODY);
    });
  const worker = async () => {
    while (sent < COUNTED_FORGED) {
      sent += 1;
      await one();
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  // The last summary comes within a second.
  await sleep(1_500);
  const lines = endpoint.logs.filter((l) => l.msg !== 'listening');
  const counted = lines.reduce((sum, l) => sum + (typeof l.count === 'number' ? l.count : 0), 0);
  console.log(
    `HTTP endpoint: ${lines.length} log lines for ${COUNTED_FORGED} forged requests sent in ${seconds.toFixed(1)} s ` +
      `(their counts add up to ${counted})`,
  );
  await sigtermToExit(endpoint);
}

/** Writes `first`, then one of `then` a second; resolves with ms until the server closes the connection. */
function slowClient(port: number, first: string, then: string): Promise<{ ms: number; answer: string }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(first));
    const timer = setInterval(() => socket.write(then), 1_000);
    socket.setEncoding('latin1').on('data', (chunk: string) => (answer += chunk));
    socket.on('error', fail);
    socket.on('close', () => {
      clearInterval(timer);
      done({ ms: performance.now() - started, answer: answer.split('\r\n')[0] ?? '' });
    });
  });
}

async function slowClients(): Promise<void> {
  const port = await freePort();
  const endpoint = startEndpoint(port);
  await endpoint.waitForLog((l) => l.msg === 'listening', 'listening');
  const [headers, body] = await Promise.all([
    slowClient(port, 'POST /interactions HTTP/1.1\r\nhost: 127.0.0.1\r\n', 'x-slow: 1\r\n'),
    slowClient(
      port,
      'POST /interactions HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n',
      '{',
    ),
  ]);
  console.log(
    `HTTP endpoint: a client sending one header a second cut after ${(headers.ms / 1000).toFixed(1)} s (${headers.answer}); ` +
      `one sending its body a byte a second cut after ${(body.ms / 1000).toFixed(1)} s (${body.answer})`,
  );
  await sigtermToExit(endpoint);
}

async function gatewayStalledReader(): Promise<void> {
  const fake = await startFakeDiscord({ record: false });
  const bot = spawnWithStalledStdout(
    [BUILT.main],
    {
      HOME: process.env.HOME ?? '',
      DISCORD_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      NODE_ENV: 'production',
    },
    scratch,
  );
  await bot.waitForLog((l) => l.msg === 'ready', 'ready');
  bot.stall();
  await sleep(1_000);
  const before = rssMiB(bot.child);
  const started = performance.now();
  let answered = 0;
  for (let sent = 0; sent < GATEWAY_INTERACTIONS; sent += 100) {
    const batch = Array.from({ length: 100 }, (_, i) =>
      fake.interact(chatInput('urgent', {}, { userId: `19${String(sent + i).padStart(17, '0')}` })),
    );
    answered += (await Promise.all(batch)).length;
  }
  const seconds = (performance.now() - started) / 1000;
  const after = rssMiB(bot.child);
  const exit = await sigtermToExit(bot);
  await fake.close();
  console.log(
    `Gateway bot, stdout unread: RSS ${mib(before)} before, ${mib(after)} after ${answered} interactions ` +
      `answered in ${seconds.toFixed(1)} s; SIGTERM to exit ${exit.ms.toFixed(0)} ms, exit code ${exit.code}`,
  );
}

try {
  await httpStalledReader();
  await httpLinesPerForged();
  await slowClients();
  await gatewayStalledReader();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
