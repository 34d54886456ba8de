import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayCloseCodes, GatewayDispatchEvents, Routes } from 'discord-api-types/v10';
import { Client, DiscordAPIError, Events, GatewayIntentBits, Status } from 'discord.js';
import type { App, Handled } from '../../core/app.js';
import { logHandled, type Logger } from '../../core/logger.js';
import type { Metrics } from '../../core/metrics.js';
import type { Health } from '../http/ops.js';
import { backoffDelay, BackoffShardingStrategy, DEFAULT_BACKOFF_BASE_MS, isUnreachable } from './backoff.js';

export interface GatewayOptions {
  readonly token: string;
  readonly apiBase: string;
  readonly app: App;
  readonly log: Logger;
  /**
   * Per REST attempt. Discord drops an interaction that has no answer after 3 s, so a first
   * attempt plus one retry must both fit in that window; later retries could only ever get 10062.
   */
  readonly restTimeoutMs?: number;
  /** A shard closed for good (e.g. the token was revoked): the process cannot serve any more. */
  readonly onFatal?: (message: string) => void;
  /** Fed every interaction, REST error, reconnect and shard state. */
  readonly metrics?: Metrics | undefined;
  /** The first retry waits up to this long, each next one twice as long, at most 30 times it (see backoff.ts). */
  readonly backoffBaseMs?: number | undefined;
}

export interface Gateway {
  readonly client: Client;
  /** ok once every shard is READY (and while it stays so), starting before, stopping once stop() began. */
  health(): Health;
  /** Stops taking interactions, waits for the replies being sent, then closes the connection. */
  stop(): Promise<void>;
}

/** Discord refused the bot token: nothing to retry, the user must fix it. */
export class TokenRejectedError extends Error {
  /** `how`: 401 from GET /gateway/bot at login, or gateway close code 4004 at identify. */
  constructor(how = '401 Unauthorized') {
    super(
      `Discord rejected DISCORD_TOKEN (${how}): copy a fresh token from the Developer Portal -> your app -> Bot -> Reset Token into .env`,
    );
    this.name = 'TokenRejectedError';
  }
}

const REST_TIMEOUT_MS = 1_400;

/** Discord answers these when the reply came too late or twice: the user saw a reply or "did not respond". */
const EXPECTED_SEND_ERRORS: Readonly<Record<number, string>> = {
  10062: "unknown interaction: the reply missed Discord's 3 s window (or the interaction no longer exists)",
  40060: 'interaction already acknowledged: another process answered it (two instances on one token?)',
};

/**
 * The one reach into discord.js internals. discord.js turns each INTERACTION_CREATE into an
 * Interaction object, whose constructor throws on an incomplete payload inside the websocket
 * handler, and that kills the process (tests/e2e/discordjs-interactions.test.ts shows it with a
 * plain Client). No ClientOptions setting turns this off, and Events.Raw or client.ws listeners run
 * before it but cannot stop it. The bot answers from the raw payload and never reads
 * those objects, so its client does not build them (nor cache channels or users for them).
 */
function skipInteractionObjects(client: Client): void {
  const internals = client as unknown as { actions?: { InteractionCreate?: { handle: unknown } } };
  const action = internals.actions?.InteractionCreate;
  if (!action)
    throw new Error('discord.js has no actions.InteractionCreate any more: see skipInteractionObjects');
  action.handle = () => undefined;
}

/**
 * What to log about a failed send: never the error object, whose `url` holds the interaction
 * token, and never the token inside a message either.
 */
function describeError(
  error: unknown,
  secret?: string,
): {
  fields: Record<string, unknown>;
  expected: string | undefined;
} {
  const clean = (text: string) => (secret ? text.replaceAll(secret, '[token]') : text);
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : undefined;
    return {
      fields: { status: error.status, discordCode: error.code, discordMessage: clean(error.message) },
      expected: code === undefined ? undefined : EXPECTED_SEND_ERRORS[code],
    };
  }
  if (error instanceof Error)
    return { fields: { errorType: error.name, errorMessage: clean(error.message) }, expected: undefined };
  return { fields: { errorType: typeof error }, expected: undefined };
}

function interactionToken(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const token = (raw as { token?: unknown }).token;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/**
 * Connects to the Discord gateway and answers every INTERACTION_CREATE with the app's response,
 * sent byte for byte as the app built it (the same payload `ask --json` prints).
 * Resolves once logged in (GET /gateway/bot answered, every shard READY). While Discord cannot be
 * reached (no answer, or 5xx) it retries with backoff, logging each attempt; a rejected token
 * throws TokenRejectedError at once.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { log } = options;
  const baseMs = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  log.info({ apiBase: options.apiBase, intents: ['Guilds'] }, 'starting');
  for (let attempt = 1; ; attempt++) {
    // A discord.js client is destroyed by a failed login and not made to log in again: a new one each time.
    const { client, gateway } = createGateway(options, baseMs);
    try {
      await client.login(options.token);
      return gateway;
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'TokenInvalid')
        throw new TokenRejectedError();
      if (!isUnreachable(error)) throw error;
      // Under a process manager, exiting here would restart the bot as fast as it can.
      const delayMs = backoffDelay(attempt, baseMs);
      const { status, code } = error as { status?: unknown; code?: unknown };
      log.warn(
        {
          attempt,
          delayMs,
          ...(typeof status === 'number' ? { status } : {}),
          ...(typeof code === 'string' ? { code } : {}),
          ...describeError(error, options.token).fields,
        },
        'cannot reach Discord: retrying',
      );
      await sleep(delayMs);
    }
  }
}

/** A client wired to answer interactions and report its shards; it connects on login(). */
function createGateway(options: GatewayOptions, backoffBaseMs: number): { client: Client; gateway: Gateway } {
  const { app, log, metrics } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    shards: 'auto',
    allowedMentions: { parse: [] },
    rest: { api: options.apiBase, timeout: options.restTimeoutMs ?? REST_TIMEOUT_MS, retries: 1 },
    ws: {
      // Reconnects back off (see backoff.ts) instead of @discordjs/ws's fixed 500 ms.
      buildStrategy: (manager) =>
        new BackoffShardingStrategy(manager, {
          baseMs: backoffBaseMs,
          onReconnect: (shard, attempt, delayMs) =>
            log.warn({ shard, attempt, delayMs }, 'shard reconnecting'),
        }),
    },
  });

  skipInteractionObjects(client);

  let stopping = false;
  const sending = new Set<Promise<void>>();
  metrics?.watchShards(() =>
    client.ws.shards.map((shard) => ({ id: shard.id, ready: shard.status === Status.Ready })),
  );

  async function answer(raw: unknown, shardId: number): Promise<void> {
    const received = performance.now();
    let handled: Handled;
    try {
      handled = app.handle(raw);
    } catch (error) {
      // app.handle answers every failure itself; this guards the process if that ever breaks.
      log.error({ shard: shardId, ...describeError(error).fields }, 'interaction could not be handled');
      return;
    }
    const token = interactionToken(raw);
    if (!handled.response || !handled.id || !token) {
      const latencyMs = performance.now() - received;
      logHandled(log, handled, latencyMs, { shard: shardId, sent: false });
      metrics?.interaction(handled, latencyMs);
      return;
    }
    try {
      await client.rest.post(Routes.interactionCallback(handled.id, token), {
        body: handled.response,
        auth: false,
      });
      const latencyMs = performance.now() - received;
      logHandled(log, handled, latencyMs, { shard: shardId });
      metrics?.interaction(handled, latencyMs);
    } catch (error) {
      const latencyMs = performance.now() - received;
      logHandled(log, handled, latencyMs, { shard: shardId, sent: false });
      metrics?.interaction(handled, latencyMs);
      metrics?.restError(error);
      const { fields, expected } = describeError(error, token);
      const line = { interaction: handled.id, command: handled.label, ...fields };
      if (expected) log.warn(line, `reply not delivered: ${expected}`);
      else log.error(line, 'reply not delivered');
    }
  }

  client.ws.on(GatewayDispatchEvents.InteractionCreate, (raw: unknown, shardId: number) => {
    if (stopping) {
      log.info({ shard: shardId }, 'interaction not taken: shutting down');
      return;
    }
    const reply = answer(raw, shardId)
      // answer() catches what it expects; this keeps a surprise from becoming a fatal unhandled rejection.
      .catch((error: unknown) =>
        log.error({ shard: shardId, ...describeError(error).fields }, 'interaction failed unexpectedly'),
      )
      .finally(() => sending.delete(reply));
    sending.add(reply);
  });

  client.once(Events.ClientReady, (ready) => {
    log.info(
      {
        guilds: ready.guilds.cache.size,
        shards: ready.ws.shards.size,
        user: ready.user.id,
        startupMs: Math.round(performance.now()),
      },
      'ready',
    );
  });
  client.on(Events.ShardDisconnect, (event, shardId) => {
    log.error({ shard: shardId, closeCode: event.code }, 'shard disconnected and will not reconnect');
    options.onFatal?.(
      (event.code as GatewayCloseCodes) === GatewayCloseCodes.AuthenticationFailed
        ? new TokenRejectedError('gateway close code 4004, authentication failed').message
        : `Discord closed the gateway connection of shard ${shardId} with code ${event.code}, which cannot be resumed.`,
    );
  });
  client.on(Events.ShardReconnecting, (shardId) => {
    // Closing the connection on purpose also reports a reconnect; only a real drop is news.
    // The log line comes from the backoff strategy, as the attempt begins, with its wait.
    if (stopping) return;
    metrics?.gatewayReconnect(shardId);
  });
  client.on(Events.ShardResume, (shardId, replayed) =>
    log.info({ shard: shardId, replayedEvents: replayed }, 'shard resumed'),
  );
  client.on(Events.ShardError, (error, shardId) =>
    log.warn(
      { shard: shardId, errorType: error.name, errorMessage: error.message },
      'shard connection error',
    ),
  );
  client.on(Events.Warn, (message) => log.warn({ discordjs: message }, 'discord.js warning'));
  client.on(Events.Error, (error) =>
    log.error({ errorType: error.name, errorMessage: error.message }, 'discord.js error'),
  );

  const gateway: Gateway = {
    client,
    health() {
      if (stopping) return 'stopping';
      const shards = client.ws.shards;
      return client.isReady() && shards.size > 0 && shards.every((s) => s.status === Status.Ready)
        ? 'ok'
        : 'starting';
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      log.info({ inFlight: sending.size }, 'stopping: finishing replies in flight');
      await Promise.allSettled([...sending]);
      await client.destroy();
    },
  };
  return { client, gateway };
}
