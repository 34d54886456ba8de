import type { OutgoingHttpHeaders } from 'node:http';
import { HEALTH_PATH, METRICS_PATH } from '../../core/config.js';
import type { Metrics } from '../../core/metrics.js';

/** ok: serving. starting: not yet ready (gateway: some shard not READY). stopping: shutting down. */
export type Health = 'ok' | 'starting' | 'stopping';

export interface Ops {
  /** Absent: /metrics is not served (404). */
  readonly metrics?: Metrics | undefined;
  readonly health: () => Health;
}

export interface OpsAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers?: OutgoingHttpHeaders;
}

const JSON_TYPE = 'application/json';

/**
 * The answer to a request for /healthz or /metrics, or undefined for any other path. /healthz is
 * 200 only while the process can serve, else 503, so a load balancer or process manager waits for it.
 */
export function opsAnswer(
  path: string,
  method: string | undefined,
  ops: Ops,
): OpsAnswer | Promise<OpsAnswer> | undefined {
  if (path === HEALTH_PATH) {
    if (method !== 'GET' && method !== 'HEAD')
      return {
        status: 405,
        body: '{"error":"use GET"}',
        headers: { allow: 'GET, HEAD', 'content-type': JSON_TYPE },
      };
    const health = ops.health();
    return {
      status: health === 'ok' ? 200 : 503,
      body: JSON.stringify({ status: health }),
      headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
    };
  }
  if (path === METRICS_PATH && ops.metrics) {
    if (method !== 'GET')
      return {
        status: 405,
        body: '{"error":"use GET"}',
        headers: { allow: 'GET', 'content-type': JSON_TYPE },
      };
    const metrics = ops.metrics;
    return metrics.text().then((body) => ({
      status: 200,
      body,
      headers: { 'content-type': metrics.contentType, 'cache-control': 'no-store' },
    }));
  }
  return undefined;
}
