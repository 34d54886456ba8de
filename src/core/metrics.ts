import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Handled } from './app.js';
import { OUTCOMES } from './dispatch.js';

/**
 * The process's Prometheus metrics, in one registry that every transport records into and that
 * GET /metrics serves. Labels only ever hold names from allow-lists (the app's own commands and
 * component prefixes, its outcomes, interaction kinds) or numbers Discord defines (error codes,
 * shard ids): never a user id, a server id or anything a user typed.
 */

/** Interaction kinds, as the app tells them apart. */
export const KINDS = [
  'command',
  'autocomplete',
  'component',
  'message-command',
  'modal-submit',
  'ping',
  'malformed',
] as const;
const ALL_OUTCOMES: readonly string[] = [...OUTCOMES, 'malformed'];
/** The label of anything not on an allow-list. */
const OTHER = 'other';

/**
 * Seconds from receiving an interaction to its answer being accepted: about 0.1-1 ms in process,
 * tens to hundreds of ms when the answer is posted to Discord, and Discord gives up at 3 s.
 */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];

export interface MetricsOptions {
  /** The labels an interaction may carry: the app's command names and component prefixes. */
  readonly labels: Iterable<string>;
  /** prom-client's process metrics (CPU, memory, event loop lag, handles); default true. */
  readonly processMetrics?: boolean;
}

export interface ShardState {
  readonly id: number;
  readonly ready: boolean;
}

export interface Metrics {
  readonly registry: Registry;
  /** The Content-Type of what text() returns. */
  readonly contentType: string;
  /** Prometheus text format of every metric, as GET /metrics serves it. */
  text(): Promise<string>;
  /** One interaction answered (or refused), and how long that took. */
  interaction(handled: Pick<Handled, 'kind' | 'label' | 'outcome'>, latencyMs: number): void;
  /** A REST call to Discord failed: Discord's JSON error code, else the HTTP status, else how. */
  restError(error: unknown): void;
  /** A gateway shard lost its connection and is reconnecting. */
  gatewayReconnect(shard: number): void;
  /** Where the shard gauge reads each shard's state at scrape time. */
  watchShards(read: () => Iterable<ShardState>): void;
  /** Where the dropped-log-lines counter reads its total at scrape time. */
  watchDroppedLogLines(read: () => number): void;
}

function pick(value: string, allowed: ReadonlySet<string>): string {
  return allowed.has(value) ? value : OTHER;
}

/** A Discord error code or HTTP status is a small integer; anything else is not a label. */
function restErrorLabel(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'network';
  const { code, status } = error as { code?: unknown; status?: unknown };
  if (typeof code === 'number' && Number.isInteger(code) && code > 0 && code < 1_000_000) return String(code);
  if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status < 600)
    return `http_${status}`;
  return 'network';
}

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  const labels = new Set([...options.labels, 'ping', 'malformed', 'unknown']);
  const outcomes = new Set(ALL_OUTCOMES);
  const kinds = new Set<string>(KINDS);
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });

  const interactions = new Counter({
    name: 'hip_back_bot_interactions_total',
    help: 'Interactions answered, by kind, command (or component prefix) and outcome.',
    labelNames: ['kind', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'hip_back_bot_interaction_duration_seconds',
    help: 'Seconds from receiving an interaction to its answer being sent (gateway: accepted by Discord).',
    labelNames: ['kind'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const cooldownHits = new Counter({
    name: 'hip_back_bot_cooldown_hits_total',
    help: 'Interactions refused by the anti-spam cooldown (5 per 10 s per user).',
    registers: [registry],
  });
  const restErrors = new Counter({
    name: 'hip_back_bot_discord_rest_errors_total',
    help: "Failed REST calls to Discord, by Discord's error code (e.g. 10062), http_<status> without one, or network.",
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const reconnects = new Counter({
    name: 'hip_back_bot_gateway_reconnects_total',
    help: 'Gateway shard connections lost and reconnecting (resume or identify), by shard.',
    labelNames: ['shard'] as const,
    registers: [registry],
  });
  let readShards: (() => Iterable<ShardState>) | undefined;
  new Gauge({
    name: 'hip_back_bot_gateway_shard_ready',
    help: 'Per gateway shard: 1 when READY (or resumed), 0 while connecting or reconnecting.',
    labelNames: ['shard'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const shard of readShards?.() ?? []) this.set({ shard: String(shard.id) }, shard.ready ? 1 : 0);
    },
  });

  return {
    registry,
    contentType: registry.contentType,
    text: () => registry.metrics(),
    interaction(handled, latencyMs) {
      const kind = kinds.has(handled.kind) ? handled.kind : OTHER;
      interactions.inc({
        kind,
        command: pick(handled.label, labels),
        outcome: pick(handled.outcome, outcomes),
      });
      latency.observe({ kind }, latencyMs / 1000);
      if (handled.outcome === 'cooldown') cooldownHits.inc();
    },
    restError(error) {
      restErrors.inc({ code: restErrorLabel(error) });
    },
    gatewayReconnect(shard) {
      reconnects.inc({ shard: String(shard) });
    },
    watchShards(read) {
      readShards = read;
    },
    watchDroppedLogLines(read) {
      // Registered only for a logger that counts its drops, so the metric never claims a 0 it cannot know.
      new Counter({
        name: 'hip_back_bot_log_lines_dropped_total',
        help: 'Log lines dropped because the log output could not keep up.',
        registers: [registry],
        collect() {
          this.reset();
          this.inc(read());
        },
      });
    },
  };
}
