import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Runs the built HTTP interactions endpoint (the bundle `npm run start:http` runs) and
 * talks to it the way Discord does: signed POSTs over real HTTP on 127.0.0.1.
 */

/** The one-file bundle `npm run build` makes and `npm run start:http` runs. */
export const HTTP_BUNDLE = resolve(import.meta.dirname, '../../dist/http.mjs');
/** The node arguments `npm run start:http` runs the endpoint with. */
export const HTTP_MAIN_ARGS = [HTTP_BUNDLE] as const;
/** esbuild's record of every file the bundle holds. */
export const HTTP_BUNDLE_META = resolve(import.meta.dirname, '../../dist/http.meta.json');

export interface SigningKeys {
  /** What DISCORD_PUBLIC_KEY holds: the raw 32-byte key in hex. */
  readonly publicKeyHex: string;
  readonly privateKey: KeyObject;
}

/** A fresh Ed25519 application key pair, standing in for Discord's. */
export function newSigningKeys(): SigningKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return { publicKeyHex: spki.subarray(spki.length - 32).toString('hex'), privateKey };
}

export function nowSeconds(): string {
  return String(Math.floor(Date.now() / 1000));
}

/** The two headers Discord adds: an Ed25519 signature over timestamp + body. */
export function signatureHeaders(
  privateKey: KeyObject,
  body: string | Buffer,
  timestamp = nowSeconds(),
): { 'x-signature-ed25519': string; 'x-signature-timestamp': string } {
  const signed = Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]);
  return {
    'x-signature-ed25519': sign(null, signed, privateKey).toString('hex'),
    'x-signature-timestamp': timestamp,
  };
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

export interface RequestSpec {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: OutgoingHttpHeaders;
  readonly body?: string | Buffer;
}

/** One HTTP request with full control of method, headers and body (fetch forbids some). */
export function send(port: number, spec: RequestSpec): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: spec.method ?? 'POST',
        path: spec.path ?? '/interactions',
        // Framed explicitly: Node sends a DELETE or OPTIONS body unframed otherwise.
        headers: {
          ...(spec.body === undefined ? {} : { 'content-length': Buffer.byteLength(spec.body) }),
          ...spec.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }),
        );
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(spec.body);
  });
}

export interface RawResponse {
  readonly status: number;
  /** The Connection header: keep-alive, or close for the last answer on the connection. */
  readonly connection: string | undefined;
  readonly text: string;
}

/** Each complete response in raw HTTP/1.1 bytes, in order; every one of ours carries content-length. */
function parseResponses(raw: Buffer): RawResponse[] {
  const out: RawResponse[] = [];
  let at = 0;
  for (;;) {
    const headEnd = raw.indexOf('\r\n\r\n', at);
    if (headEnd === -1) return out;
    const head = raw.subarray(at, headEnd).toString('latin1');
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1]);
    const bodyStart = headEnd + 4;
    if (raw.length < bodyStart + length) return out;
    out.push({
      status: Number(head.slice(9, 12)),
      connection: /\r\nconnection: (\S+)/i.exec(head)?.[1]?.toLowerCase(),
      text: raw.subarray(bodyStart, bodyStart + length).toString('utf8'),
    });
    at = bodyStart + length;
  }
}

/**
 * POSTs `requests` to the interactions path pipelined on one connection, all in one write, as raw
 * HTTP/1.1 (Node's client never pipelines). Resolves with the responses in the order they came,
 * once there is one per request or when the server closes the connection. With `hangUp`, the
 * client closes the connection right after sending, as a client that gives up does.
 */
export function pipelined(
  port: number,
  requests: readonly { readonly body: string; readonly headers: Readonly<Record<string, string>> }[],
  options: { readonly hangUp?: boolean } = {},
): Promise<RawResponse[]> {
  const bytes = requests.map(({ body, headers }) => {
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    return (
      `POST /interactions HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\n${lines.join('')}\r\n${body}`
    );
  });
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    let raw = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      raw = Buffer.concat([raw, chunk]);
      if (parseResponses(raw).length >= requests.length) socket.destroy();
    });
    socket.on('error', fail);
    socket.on('close', () => done(parseResponses(raw)));
    socket.write(bytes.join(''));
    if (options.hangUp) socket.end();
  });
}

export interface ServerProcess {
  readonly port: number;
  readonly child: ChildProcess;
  /** Every JSON log line printed so far. */
  readonly logs: Record<string, unknown>[];
  stdout(): string;
  stderr(): string;
  /** Resolves with the first log line (already printed or to come) that matches. */
  waitForLog(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  readonly exited: Promise<number | null>;
  /** Sends a signal (SIGTERM by default) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** A signed POST of `interaction` to the interactions path. */
  interact(interaction: unknown, path?: string): Promise<Reply>;
}

export interface StartOptions {
  readonly keys: SigningKeys;
  readonly env?: Record<string, string>;
  /** The node arguments that run the endpoint: the bundle, as `npm run start:http` runs it, unless set. */
  readonly args?: readonly string[];
}

/**
 * Spawns the endpoint in an empty working directory (so no developer `.env` leaks in) and waits
 * until it logs that it is listening.
 */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, options.args ?? HTTP_MAIN_ARGS, {
    cwd: mkdtempSync(join(tmpdir(), 'hip-back-http-')),
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      DISCORD_PUBLIC_KEY: options.keys.publicKeyHex,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const logs: Record<string, unknown>[] = [];
  const waiters: {
    match: (l: Record<string, unknown>) => boolean;
    done: (l: Record<string, unknown>) => void;
  }[] = [];
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const raw of lines) {
      if (!raw.trim()) continue;
      const line = JSON.parse(raw) as Record<string, unknown>;
      logs.push(line);
      for (const w of [...waiters]) {
        if (w.match(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.done(line);
        }
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));

  const waitForLog = (match: (line: Record<string, unknown>) => boolean) => {
    const seen = logs.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<Record<string, unknown>>((done, fail) => {
      waiters.push({ match, done });
      void exited.then((code) =>
        fail(new Error(`server exited (code ${code}) before the awaited log line; stderr: ${err}`)),
      );
    });
  };

  await waitForLog((l) => l.msg === 'listening');
  return {
    port,
    child,
    logs,
    stdout: () => out,
    stderr: () => err,
    waitForLog,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    interact(interaction, path = '/interactions') {
      const body = JSON.stringify(interaction);
      return send(port, {
        path,
        headers: { 'content-type': 'application/json', ...signatureHeaders(options.keys.privateKey, body) },
        body,
      });
    },
  };
}
