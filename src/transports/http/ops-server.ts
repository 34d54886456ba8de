import { createServer, type Server } from 'node:http';
import type { Logger } from '../../core/logger.js';
import { opsAnswer, type Ops, type OpsAnswer } from './ops.js';

const NOT_FOUND: OpsAnswer = {
  status: 404,
  body: '{"error":"not found"}',
  headers: { 'content-type': 'application/json' },
};

/**
 * The gateway bot's own small HTTP server on METRICS_PORT: GET /metrics and GET /healthz only.
 * A scraper or health checker is a handful of clients, so connections are capped and slow ones cut.
 */
export function createOpsServer(ops: Ops, log: Logger): Server {
  const server = createServer({ requestTimeout: 10_000, headersTimeout: 5_000 }, (req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    Promise.resolve(opsAnswer(path, req.method, ops) ?? NOT_FOUND).then(
      (answer) => {
        res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
        res.end(req.method === 'HEAD' ? undefined : answer.body);
      },
      (err: unknown) => {
        log.error({ errorType: err instanceof Error ? err.name : typeof err }, 'metrics request failed');
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  });
  server.maxConnections = 64;
  server.keepAliveTimeout = 5_000;
  return server;
}
