/**
 * Exponential backoff for the gateway: for reconnects (through @discordjs/ws's `buildStrategy`
 * hook, which discord.js passes on as `ws.buildStrategy`) and for a start while Discord is
 * unreachable. Retries wait longer and longer, up to a cap, with jitter, so a restart of the network
 * does not bring every bot back in the same instant.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  managerToFetchingStrategyOptions,
  SimpleContextFetchingStrategy,
  WebSocketShard,
  WebSocketShardEvents,
  WebSocketShardStatus,
  type FetchingStrategyOptions,
  type IShardingStrategy,
  type SessionInfo,
  type WebSocketManager,
  type WebSocketShardDestroyOptions,
} from '@discordjs/ws';
import type { GatewaySendPayload } from 'discord-api-types/v10';
import { Collection } from 'discord.js';

/** The first wait is between half of this and this; Discord's gateway is back within seconds most times. */
export const DEFAULT_BACKOFF_BASE_MS = 1_000;
/** The longest wait is this many times the base: 30 s by default. */
export const BACKOFF_CAP_FACTOR = 30;

/**
 * The wait before retry number `attempt` (1, 2, ...): a step that doubles from `baseMs` up to
 * BACKOFF_CAP_FACTOR x `baseMs`, then "equal jitter": a random point in the step's upper half. Below
 * the cap each wait is at least the step before it, so the logged waits grow.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number = DEFAULT_BACKOFF_BASE_MS,
  random: () => number = Math.random,
): number {
  const step = Math.min(baseMs * BACKOFF_CAP_FACTOR, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Errors of a network that is down or of a host that does not answer; the next try may work. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * Whether a failed login (GET /gateway/bot, then the first gateway connection) is worth retrying:
 * no answer (a network error code, or @discordjs/rest's timeout, an AbortError), or Discord's own
 * trouble (5xx). A 4xx, such as 401 for a rejected token, will not change by waiting.
 */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError') return true;
  const { code, status } = error as { code?: unknown; status?: unknown };
  if (typeof status === 'number') return status >= 500 && status < 600;
  if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== error && cause instanceof Error && isUnreachable(cause);
}

export interface ReconnectBackoffOptions {
  readonly baseMs?: number;
  /**
   * Told as each reconnect of a shard begins: `attempt` counts from 1 since the shard last stayed
   * READY or RESUMED for the longest wait (30 x base), and `delayMs` is the wait before it (0 for the first one).
   */
  readonly onReconnect?: (shardId: number, attempt: number, delayMs: number) => void;
}

/**
 * @discordjs/ws (1.2) reconnects a dropped shard after a fixed 500 ms, forever: with Discord
 * unreachable that is two attempts a second. This is its SimpleShardingStrategy (all shards in
 * this process) with one change, made through the public context interface: the first reconnect
 * after a connection that held goes at once, each next one first waits backoffDelay() (on top of
 * the library's own 500 ms). discord.js reads shard state from its own events, which this relays
 * exactly as SimpleShardingStrategy does.
 */
export class BackoffShardingStrategy implements IShardingStrategy {
  readonly #manager: WebSocketManager;
  readonly #options: ReconnectBackoffOptions;
  readonly #shards = new Map<number, WebSocketShard>();
  /** Aborted by destroy(): a shard waiting to reconnect then never does. */
  #stopped = new AbortController();

  constructor(manager: WebSocketManager, options: ReconnectBackoffOptions = {}) {
    this.#manager = manager;
    this.#options = options;
  }

  async spawn(shardIds: number[]): Promise<void> {
    const fetching = await managerToFetchingStrategyOptions(this.#manager);
    this.#stopped = new AbortController();
    // The manager's emit is typed for its own event map; the payloads relayed are the shard's own.
    const relay = this.#manager as unknown as { emit(event: string, payload: unknown): void };
    for (const shardId of shardIds) {
      const context = new BackoffContext(this.#manager, fetching, this.#options, this.#stopped.signal);
      const shard = new WebSocketShard(context, shardId);
      context.shard = shard;
      for (const event of Object.values(WebSocketShardEvents)) {
        const on = shard.on.bind(shard) as (name: string, listener: (payload?: object) => void) => void;
        on(event, (payload) => relay.emit(event, { ...payload, shardId }));
      }
      shard.on(WebSocketShardEvents.Ready, () => context.connected());
      shard.on(WebSocketShardEvents.Resumed, () => context.connected());
      this.#shards.set(shardId, shard);
    }
  }

  async connect(): Promise<void> {
    await Promise.all([...this.#shards.values()].map((shard) => shard.connect()));
  }

  async destroy(options?: Omit<WebSocketShardDestroyOptions, 'recover'>): Promise<void> {
    this.#stopped.abort();
    await Promise.all([...this.#shards.values()].map((shard) => shard.destroy(options)));
    this.#shards.clear();
  }

  async send(shardId: number, payload: GatewaySendPayload): Promise<void> {
    const shard = this.#shards.get(shardId);
    if (!shard) throw new RangeError(`Shard ${shardId} not found`);
    return shard.send(payload);
  }

  /**
   * discord.js never calls this. @discordjs/ws types it with its own copy of @discordjs/collection
   * (2.x); discord.js's Collection (1.5) is the same Map subclass for every caller of this.
   */
  fetchStatus(): ReturnType<IShardingStrategy['fetchStatus']> {
    const statuses = new Collection([...this.#shards].map(([id, shard]) => [id, shard.status] as const));
    return statuses as unknown as ReturnType<IShardingStrategy['fetchStatus']>;
  }
}

/**
 * A shard asks its context for the session as the first step of every connection attempt, while
 * it is still Idle (its other asks come while connected): that is where a reconnect waits.
 */
class BackoffContext extends SimpleContextFetchingStrategy {
  shard: WebSocketShard | undefined;
  /** Whether the shard has made its first connection attempt: every later one is a reconnect. */
  #started = false;
  /** Reconnects since the shard last stayed connected for a whole capped wait. */
  #reconnects = 0;
  /** When the shard was last READY or RESUMED; undefined once it dropped again. */
  #connectedAt: number | undefined;
  readonly #backoff: ReconnectBackoffOptions;
  readonly #stopped: AbortSignal;

  constructor(
    manager: WebSocketManager,
    fetching: FetchingStrategyOptions,
    backoff: ReconnectBackoffOptions,
    stopped: AbortSignal,
  ) {
    super(manager, fetching);
    this.#backoff = backoff;
    this.#stopped = stopped;
  }

  connected(): void {
    this.#connectedAt = performance.now();
  }

  override async retrieveSessionInfo(shardId: number): Promise<SessionInfo | null> {
    if (this.shard?.status === WebSocketShardStatus.Idle) {
      if (this.#started) {
        // The count starts over only after a connection that held for the longest wait: one that
        // drops right after READY (a flapping network, a gateway that closes at once) keeps backing off.
        const baseMs = this.#backoff.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
        const upFor = this.#connectedAt === undefined ? 0 : performance.now() - this.#connectedAt;
        if (upFor >= baseMs * BACKOFF_CAP_FACTOR) this.#reconnects = 0;
        this.#connectedAt = undefined;
        this.#reconnects += 1;
        // The first reconnect goes at once (Discord asks for reconnects in normal operation too).
        const delayMs = this.#reconnects > 1 ? backoffDelay(this.#reconnects - 1, this.#backoff.baseMs) : 0;
        this.#backoff.onReconnect?.(shardId, this.#reconnects, delayMs);
        if (delayMs > 0) await waitUnlessStopped(delayMs, this.#stopped);
      }
      this.#started = true;
    }
    return super.retrieveSessionInfo(shardId);
  }
}

/** Resolves after `ms`; once `stopped` is aborted, never (the shard was destroyed: it must not connect). */
async function waitUnlessStopped(ms: number, stopped: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal: stopped });
  } catch {
    await new Promise<never>(() => undefined);
  }
}
