import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { bot } from '../../commands/index.js';
import { createApp } from '../../src/core/app.js';
import { createMetrics, type Metrics } from '../../src/core/metrics.js';
import { opsAnswer } from '../../src/transports/http/ops.js';
import {
  autocompleteInteraction,
  commandInteraction,
  componentInteraction,
} from '../helpers/interactions.js';

const USER = '1400000000000000123';
const GUILD = '1200000000000000001';

/** The samples of one metric in Prometheus text, as `name{labels} value` lines. */
function samples(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

function run(metrics: Metrics, raw: unknown, app = createApp(bot)) {
  const handled = app.handle(raw);
  metrics.interaction(handled, 2.5);
  return handled;
}

describe('metrics: interactions', () => {
  it('counts interactions by kind, command and outcome, and times them in seconds', async () => {
    const app = createApp(bot);
    const metrics = createMetrics({ labels: app.labels, processMetrics: false });
    run(metrics, commandInteraction('cause', { name: 'sciatica' }, { userId: USER }), app);
    run(metrics, commandInteraction('cause', { name: 'no such cause' }, { userId: USER }), app);
    run(metrics, autocompleteInteraction('cause', 'name', 'slip', { userId: USER }), app);
    run(metrics, componentInteraction({ customId: 'topic:urgent' }, 0, { userId: USER }), app);
    const text = await metrics.text();
    expect(samples(text, 'hip_back_bot_interactions_total').sort()).toEqual(
      [
        'hip_back_bot_interactions_total{kind="command",command="cause",outcome="ok"} 1',
        'hip_back_bot_interactions_total{kind="command",command="cause",outcome="unknown-value"} 1',
        'hip_back_bot_interactions_total{kind="autocomplete",command="cause",outcome="ok"} 1',
        'hip_back_bot_interactions_total{kind="component",command="topic",outcome="ok"} 1',
      ].sort(),
    );
    expect(text).toContain('hip_back_bot_interaction_duration_seconds_bucket{le="0.0025",kind="command"} 2');
    expect(text).toContain('hip_back_bot_interaction_duration_seconds_bucket{le="0.001",kind="command"} 0');
    expect(text).toContain('hip_back_bot_interaction_duration_seconds_count{kind="command"} 2');
    expect(text).toContain('hip_back_bot_interaction_duration_seconds_sum{kind="command"} 0.005');
  });

  it('counts cooldown hits: the sixth command in 10 s from one user', async () => {
    const app = createApp(bot);
    const metrics = createMetrics({ labels: app.labels, processMetrics: false });
    for (let i = 0; i < 7; i++) run(metrics, commandInteraction('urgent', {}, { userId: USER }), app);
    const text = await metrics.text();
    expect(samples(text, 'hip_back_bot_cooldown_hits_total')).toEqual(['hip_back_bot_cooldown_hits_total 2']);
    expect(text).toContain(
      'hip_back_bot_interactions_total{kind="command",command="urgent",outcome="cooldown"} 2',
    );
  });

  it('never puts a user id, a server id or typed text in a label, even from forged input', async () => {
    const app = createApp(bot);
    const metrics = createMetrics({ labels: app.labels, processMetrics: false });
    const typed = 'zebra canary 4471';
    run(metrics, commandInteraction('cause', { name: typed }, { userId: USER }), app);
    run(metrics, commandInteraction('ask', { question: typed }, { userId: USER }), app);
    run(metrics, commandInteraction(typed.replaceAll(' ', '-'), {}, { userId: USER }), app);
    run(metrics, componentInteraction({ customId: `${typed}:x` }, 0, { userId: USER }), app);
    run(metrics, { type: 2, id: 'not-an-id', data: { name: typed } }, app);
    // Even a caller passing a label or outcome of its own gets 'other', not what it passed.
    metrics.interaction({ kind: 'command', label: typed, outcome: 'ok' }, 1);
    metrics.interaction({ kind: 'command', label: 'cause', outcome: typed as 'ok' }, 1);
    metrics.interaction({ kind: typed as 'command', label: 'cause', outcome: 'ok' }, 1);
    metrics.restError({ code: typed, status: USER });
    const json = await metrics.registry.getMetricsAsJSON();
    const allowed = new Set([
      ...app.labels,
      'unknown',
      'malformed',
      'other',
      'ok',
      'unknown-command',
      'unknown-value',
      'command',
      'component',
      'network',
    ]);
    const values = json.flatMap((m) => m.values.flatMap((v) => Object.values(v.labels).map(String)));
    expect(values.length).toBeGreaterThan(5);
    for (const value of values) {
      expect(value).not.toContain('zebra');
      expect(value).not.toContain(USER);
      expect(value).not.toContain(GUILD);
      if (!/^[\d.+Inf]+$/.test(value)) expect(allowed, value).toContain(value);
    }
    const text = await metrics.text();
    expect(text).toContain(
      'hip_back_bot_interactions_total{kind="command",command="unknown",outcome="unknown-command"} 1',
    );
    expect(text).toContain(
      'hip_back_bot_interactions_total{kind="malformed",command="malformed",outcome="malformed"} 1',
    );
  });
});

describe('metrics: Discord and the gateway', () => {
  it("counts REST errors by Discord's code, else the HTTP status, else network", async () => {
    const metrics = createMetrics({ labels: [], processMetrics: false });
    const request = { body: {}, files: undefined };
    const unknown = new DiscordAPIError(
      { code: 10062, message: 'Unknown interaction' },
      10062,
      404,
      'POST',
      'https://discord.com/api/v10/interactions/1/secret-token/callback',
      request,
    );
    metrics.restError(unknown);
    metrics.restError(unknown);
    metrics.restError(new HTTPError(502, 'Bad Gateway', 'POST', 'https://discord.com/api/v10/x', request));
    metrics.restError(new Error('socket hang up'));
    metrics.restError('weird');
    const text = await metrics.text();
    expect(samples(text, 'hip_back_bot_discord_rest_errors_total').sort()).toEqual([
      'hip_back_bot_discord_rest_errors_total{code="10062"} 2',
      'hip_back_bot_discord_rest_errors_total{code="http_502"} 1',
      'hip_back_bot_discord_rest_errors_total{code="network"} 2',
    ]);
    expect(text).not.toContain('secret-token');
  });

  it('counts reconnects per shard and reads each shard’s state at scrape time', async () => {
    const metrics = createMetrics({ labels: [], processMetrics: false });
    let shards = [
      { id: 0, ready: true },
      { id: 1, ready: false },
    ];
    metrics.watchShards(() => shards);
    metrics.gatewayReconnect(1);
    metrics.gatewayReconnect(1);
    let text = await metrics.text();
    expect(samples(text, 'hip_back_bot_gateway_reconnects_total')).toEqual([
      'hip_back_bot_gateway_reconnects_total{shard="1"} 2',
    ]);
    expect(samples(text, 'hip_back_bot_gateway_shard_ready')).toEqual([
      'hip_back_bot_gateway_shard_ready{shard="0"} 1',
      'hip_back_bot_gateway_shard_ready{shard="1"} 0',
    ]);
    shards = [
      { id: 0, ready: true },
      { id: 1, ready: true },
    ];
    text = await metrics.text();
    expect(samples(text, 'hip_back_bot_gateway_shard_ready')).toContain(
      'hip_back_bot_gateway_shard_ready{shard="1"} 1',
    );
  });

  it('exports the logger’s dropped-line count when it has one', async () => {
    const metrics = createMetrics({ labels: [], processMetrics: false });
    expect(samples(await metrics.text(), 'hip_back_bot_log_lines_dropped_total')).toEqual([]);
    let dropped = 3;
    metrics.watchDroppedLogLines(() => dropped);
    expect(samples(await metrics.text(), 'hip_back_bot_log_lines_dropped_total')).toEqual([
      'hip_back_bot_log_lines_dropped_total 3',
    ]);
    dropped = 10;
    expect(samples(await metrics.text(), 'hip_back_bot_log_lines_dropped_total')).toEqual([
      'hip_back_bot_log_lines_dropped_total 10',
    ]);
  });

  it("includes prom-client's process metrics unless turned off", async () => {
    const text = await createMetrics({ labels: [] }).text();
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(await createMetrics({ labels: [], processMetrics: false }).text()).not.toContain('process_cpu');
  });
});

describe('/healthz and /metrics answers', () => {
  it('/healthz: 200 ok while serving, 503 starting or stopping; 405 to other methods', () => {
    const answer = (health: 'ok' | 'starting' | 'stopping', method = 'GET') =>
      opsAnswer('/healthz', method, { health: () => health });
    expect(answer('ok')).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    expect(answer('starting')).toMatchObject({ status: 503, body: '{"status":"starting"}' });
    expect(answer('stopping', 'HEAD')).toMatchObject({ status: 503, body: '{"status":"stopping"}' });
    expect(answer('ok', 'POST')).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD' } });
  });

  it('/metrics: Prometheus text when metrics are given, nothing otherwise', async () => {
    const metrics = createMetrics({ labels: [], processMetrics: false });
    const answer = await opsAnswer('/metrics', 'GET', { metrics, health: () => 'ok' });
    expect(answer?.status).toBe(200);
    expect(answer?.headers?.['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(answer?.body).toContain('# TYPE hip_back_bot_interactions_total counter');
    expect(opsAnswer('/metrics', 'GET', { health: () => 'ok' })).toBeUndefined();
    expect(opsAnswer('/other', 'GET', { metrics, health: () => 'ok' })).toBeUndefined();
  });
});
