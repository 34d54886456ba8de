import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { App } from '../../core/app.js';
import { logHandled, type Logger } from '../../core/logger.js';
import type { Metrics } from '../../core/metrics.js';
import { DEFAULT_INTERACTIONS_PATH, HEALTH_PATH } from '../../core/config.js';
import { opsAnswer, type Ops, type OpsAnswer } from './ops.js';
import { RequestSummary } from './summary.js';
import { verifyRequest, type Verdict } from './verify.js';

/** A client must send its headers within this long, and its whole request within REQUEST_TIMEOUT_MS. */
export const HEADERS_TIMEOUT_MS = 5_000;
export const REQUEST_TIMEOUT_MS = 10_000;
/** How often Node checks those two timeouts: a slow client is cut at most this late. */
export const TIMEOUT_CHECK_MS = 1_000;
/**
 * Connections past the cap that are still accepted, each for one health check: a flood of slow
 * connections that fills the cap must not make the load balancer think the replica is dead.
 */
export const HEALTH_ALLOWANCE = 16;
/** How long a connection past the cap has to send its one request. */
const OVER_CAP_TIMEOUT_MS = 1_000;
/** File descriptors kept free for the rest of the process (stdio, the event loop, libuv, logs). */
const DESCRIPTOR_HEADROOM = 64;

/**
 * The default cap on open connections: below the soft limit on open files (Linux's
 * /proc/self/limits; 1,024 where that cannot be read), so the process never runs out of descriptors.
 */
export function defaultMaxConnections(limitsText?: string): number {
  let text = limitsText;
  if (text === undefined) {
    try {
      text = readFileSync('/proc/self/limits', 'utf8');
    } catch {
      text = '';
    }
  }
  const soft = Number(/^Max open files\s+(\d+)/m.exec(text)?.[1] ?? 1024);
  return Math.max(16, soft - DESCRIPTOR_HEADROOM - HEALTH_ALLOWANCE);
}

/** Discord's interactions are a few KiB; anything past this is refused unread. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface InteractionServerOptions {
  /** The application's public key (see verify.ts publicKeyFromHex). */
  readonly publicKey: KeyObject;
  readonly app: App;
  readonly log: Logger;
  readonly path?: string;
  readonly now?: () => number;
  /** Served at GET /metrics and fed every interaction; absent, /metrics is not served. */
  readonly metrics?: Metrics;
  /** Documents served as text by path (see pages.ts: /privacy and /terms). */
  readonly pages?: ReadonlyMap<string, string>;
  /** HTML pages by path (e.g. `/`, see site.ts), each built on its first request and kept. */
  readonly htmlPages?: Readonly<Record<string, () => string>>;
  /** Connections served at once; default defaultMaxConnections(). */
  readonly maxConnections?: number;
  /** Default HEADERS_TIMEOUT_MS and REQUEST_TIMEOUT_MS (tests shorten them). */
  readonly headersTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
}

/** The HTML pages allow no script, font or file from anywhere: inline CSS only. */
const HTML_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'public, max-age=300',
};

export interface InteractionServer {
  readonly server: Server;
  /** Stops accepting connections, lets requests in flight finish, closes idle keep-alive sockets. */
  close(): Promise<void>;
}

/**
 * Discord's HTTP interactions transport: verifies each request's signature, hands the interaction
 * to the same app the gateway uses, and answers inline with its response. Holds no state of its own,
 * so any number of replicas can answer any interaction.
 */
export function createInteractionServer(options: InteractionServerOptions): InteractionServer {
  const { publicKey, app } = options;
  // Every line of this transport says so; the binding is serialised once, not per line.
  const log = options.log.child({ transport: 'http' });
  const interactionsPath = options.path ?? DEFAULT_INTERACTIONS_PATH;
  const now = options.now ?? Date.now;
  let closing = false;
  const summary = new RequestSummary(log);
  const maxConnections = options.maxConnections ?? defaultMaxConnections();
  /** Every open connection; past maxConnections, only health checks are served (see 'connection' below). */
  const open = new Set<Socket>();
  const overCap = new WeakSet<Socket>();
  const metrics = options.metrics;
  // Ready as soon as it listens (the app is built before); 503 once shutdown begins, so a load balancer stops sending.
  const ops: Ops = { metrics, health: () => (closing ? 'stopping' : 'ok') };
  const htmlPages = new Map(Object.entries(options.htmlPages ?? {}));
  /**
   * Each HTML page as first built. GET / renders every reply (about 8 ms of CPU, 0.3 s cold): built
   * per request, anyone could take the event loop from interactions; built at start, the endpoint's
   * cold start would pay it. So it is built on the first GET and kept.
   */
  const builtPages = new Map<string, string>();
  /** The request read last on each connection: HTTP/1.1 clients may pipeline, and answers go out in order. */
  const lastRead = new WeakMap<Socket, IncomingMessage>();

  function send(res: ServerResponse, status: number, body: string, headers?: OutgoingHttpHeaders): void {
    const all: OutgoingHttpHeaders = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    };
    // While shutting down, a connection is closed after the answer to the last request read on it.
    if (closing && lastRead.get(res.req.socket) === res.req) all.connection = 'close';
    if (headers) Object.assign(all, headers);
    res.writeHead(status, all);
    res.end(body);
  }

  function reject(res: ServerResponse, status: number, error: string, headers?: OutgoingHttpHeaders): void {
    send(res, status, JSON.stringify({ error }), headers);
  }

  /** A refused request: answered, counted, and logged only in the once-a-second summary. */
  function refuse(
    res: ServerResponse,
    status: number,
    reason: string,
    error: string,
    headers?: OutgoingHttpHeaders,
  ): void {
    summary.count('rejected requests', reason, { status });
    reject(res, status, error, headers);
  }

  function answer(req: IncomingMessage, res: ServerResponse, body: Buffer, started: number): void {
    verifyRequest(
      publicKey,
      header(req, 'x-signature-ed25519'),
      header(req, 'x-signature-timestamp'),
      body,
      now(),
    )
      .then((verdict) => respond(req, res, verdict, body, started))
      .catch((err: unknown) => failed(res, err));
  }

  function respond(
    req: IncomingMessage,
    res: ServerResponse,
    verdict: Verdict,
    body: Buffer,
    started: number,
  ): void {
    // The client hung up, or shutdown closed the connection, while the signature was checked:
    // nobody would get the answer, so the interaction is not run (nor counted by the cooldown).
    if (req.socket.destroyed) {
      summary.count('dropped requests', 'connection closed before the answer');
      return;
    }
    if (verdict !== 'ok') {
      return refuse(res, 401, verdict, 'invalid request signature');
    }
    let interaction: unknown;
    try {
      interaction = JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(res, 400, 'body is not JSON', 'body is not JSON');
    }
    const handled = app.handle(interaction);
    const latencyMs = performance.now() - started;
    logHandled(log, handled, latencyMs);
    metrics?.interaction(handled, latencyMs);
    if (!handled.response) return reject(res, 400, 'not an interaction this app answers');
    send(res, 200, JSON.stringify(handled.response));
  }

  function sendOps(req: IncomingMessage, res: ServerResponse, answer: OpsAnswer): void {
    if (req.method !== 'HEAD') return send(res, answer.status, answer.body, answer.headers);
    // HEAD: the headers a GET would get, no body.
    res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
    res.end();
  }

  /** Reads at most MAX_BODY_BYTES; a bigger body gets 413 and its connection is closed unread. */
  function readBody(req: IncomingMessage, res: ServerResponse, started: number): void {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) return tooLarge(res);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData);
        req.off('end', onEnd);
        chunks.length = 0;
        return tooLarge(res);
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      safely(res, () => answer(req, res, body, started));
    };
    req.on('data', onData);
    req.on('end', onEnd);
  }

  function tooLarge(res: ServerResponse): void {
    // Closing the connection stops the rest of the body from being read.
    refuse(res, 413, 'body too large', `body larger than ${MAX_BODY_BYTES} bytes`, { connection: 'close' });
  }

  /** Input never causes a 500; this is only for a bug of ours, which must not take the process down. */
  function safely(res: ServerResponse, work: () => void): void {
    try {
      work();
    } catch (err) {
      failed(res, err);
    }
  }

  /** Never throws: it also ends the promise chain of a request, where a throw would be unhandled. */
  function failed(res: ServerResponse, err: unknown): void {
    try {
      log.error({ err }, 'request failed');
      if (!res.headersSent) return reject(res, 500, 'internal error');
    } catch {
      // Fall through: the connection is dropped instead.
    }
    res.destroy();
  }

  const server = createServer(
    {
      // Discord gives up after 3 s; a client slower than this is not Discord. Node checks both
      // every connectionsCheckingInterval (30 s by default, which let slow clients stay 30 s).
      headersTimeout: options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_MS,
    },
    (req, res) => {
      const started = performance.now();
      lastRead.set(req.socket, req);
      // If shutdown began while this, the last answer on its connection, was already going out
      // (without `connection: close`), the connection is closed once the answer is done.
      res.once('close', () => {
        if (closing && lastRead.get(req.socket) === req) server.closeIdleConnections();
      });
      safely(res, () => {
        const url = req.url ?? '/';
        const query = url.indexOf('?');
        const path = query === -1 ? url : url.slice(0, query);
        if (overCap.has(req.socket)) {
          if (path === HEALTH_PATH) {
            const health = opsAnswer(path, req.method, ops) as OpsAnswer;
            return sendOps(req, res, { ...health, headers: { ...health.headers, connection: 'close' } });
          }
          return refuse(res, 503, 'too many connections', 'too many connections, try again', {
            connection: 'close',
            'retry-after': '1',
          });
        }
        if (path === interactionsPath) {
          if (req.method === 'POST') {
            log.debug('reading interaction body');
            return readBody(req, res, started);
          }
          return refuse(res, 405, 'method not allowed', 'use POST', { allow: 'POST' });
        }
        const html = htmlPages.get(path);
        if (html) {
          if (req.method !== 'GET' && req.method !== 'HEAD')
            return refuse(res, 405, 'method not allowed', 'use GET', { allow: 'GET, HEAD' });
          let body = builtPages.get(path);
          if (body === undefined) {
            body = html();
            builtPages.set(path, body);
          }
          return sendOps(req, res, { status: 200, body, headers: HTML_PAGE_HEADERS });
        }
        const page = options.pages?.get(path);
        if (page !== undefined) {
          if (req.method !== 'GET' && req.method !== 'HEAD')
            return refuse(res, 405, 'method not allowed', 'use GET', { allow: 'GET, HEAD' });
          return sendOps(req, res, {
            status: 200,
            body: page,
            headers: {
              'content-type': 'text/plain; charset=utf-8',
              'x-content-type-options': 'nosniff',
              'cache-control': 'public, max-age=3600',
            },
          });
        }
        const operator = opsAnswer(path, req.method, ops);
        if (operator instanceof Promise)
          return void operator.then(
            (answer) => sendOps(req, res, answer),
            (err: unknown) => failed(res, err),
          );
        if (operator) return sendOps(req, res, operator);
        refuse(res, 404, 'not found', 'not found');
      });
    },
  );

  server.on('connection', (socket: Socket) => {
    if (open.size >= maxConnections + HEALTH_ALLOWANCE) {
      summary.count('refused connections', 'too many connections');
      socket.destroy();
      return;
    }
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    if (open.size > maxConnections) {
      // Past the cap: one quick request, answered only if it is a health check, then closed.
      overCap.add(socket);
      const timer = setTimeout(() => socket.destroy(), OVER_CAP_TIMEOUT_MS);
      timer.unref();
      socket.once('close', () => clearTimeout(timer));
    }
  });

  return {
    server,
    close() {
      // Node closes at once every connection whose current answer has been written, even if more
      // requests pipelined on it wait behind; those are dropped (see respond), as in any Node
      // server. Discord never pipelines, and a request being checked now keeps its connection.
      closing = true;
      // A request that never finishes is cut by the process's shutdown deadline (src/shutdown.ts).
      return new Promise<void>((resolve) => {
        server.close(() => {
          summary.flush();
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}
