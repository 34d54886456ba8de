import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents } from 'discord-api-types/v10';
import { FakeGateway } from './gateway.js';
import {
  APPLICATION_ID,
  GUILD_ID,
  fakeBotToken,
  shardOf,
  type BuiltInteraction,
  type GuildContents,
} from './payloads.js';
import { FakeRest, type Callback } from './rest.js';

export interface FakeDiscordOptions {
  /** What GET /gateway/bot recommends; each IDENTIFY's own shard pair is honoured. */
  readonly shards?: number;
  /** Servers the bot is in; each shard gets those that map to it. */
  readonly guildIds?: readonly string[];
  /** What each server's GUILD_CREATE holds beyond a text channel, @everyone and the bot. */
  readonly guildContents?: GuildContents;
  /** HELLO's heartbeat interval. Discord uses about 41 s; tests of zombie connections use less. */
  readonly heartbeatIntervalMs?: number;
  /** Keep every REST request and callback (default true; benchmarks turn it off). */
  readonly record?: boolean;
  /** Listen on this port (default: a free one), e.g. to come up where a bot is already trying. */
  readonly port?: number;
  /** The token to accept (default: a new one), e.g. the one a bot was already started with. */
  readonly token?: string;
}

export interface FakeDiscord {
  readonly port: number;
  /** For DISCORD_API_BASE: the bot appends /v10. */
  readonly apiBase: string;
  /** The one token the fake accepts, on REST and on the gateway. */
  readonly token: string;
  readonly applicationId: string;
  readonly rest: FakeRest;
  readonly gateway: FakeGateway;
  /**
   * Sends an interaction as Discord does (INTERACTION_CREATE on the shard of its server, shard 0
   * for DMs) and resolves with the bot's accepted callback; rejects if the first response came
   * after Discord's 3 s window.
   */
  interact(interaction: BuiltInteraction, shardId?: number): Promise<Callback>;
  close(): Promise<void>;
}

/** Starts a fake Discord (REST API v10 and gateway) on 127.0.0.1 at a free port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? fakeBotToken(APPLICATION_ID);
  const shards = options.shards ?? 1;
  // The gateway URL is known once the server listens; GET /gateway/bot is only asked after that.
  const urls = { gateway: '' };
  const rest = new FakeRest({
    token,
    record: options.record ?? true,
    gatewayUrl: () => urls.gateway,
    shardCount: () => shards,
  });
  const server = createServer((req, res) => {
    rest.handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const gw = new FakeGateway({
    token,
    shardCount: shards,
    guildIds: options.guildIds ?? [GUILD_ID],
    guildContents: options.guildContents,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    baseUrl: `ws://127.0.0.1:${port}`,
  });
  urls.gateway = gw.url;
  server.on('upgrade', (req, socket, head) => gw.handleUpgrade(req, socket, head));

  const waiting = new Map<string, { resolve: (c: Callback) => void; reject: (e: Error) => void }>();
  rest.on('callback', (callback: Callback) => {
    waiting.get(callback.interactionId)?.resolve(callback);
    waiting.delete(callback.interactionId);
  });
  rest.on('late', (interactionId: string) => {
    waiting
      .get(interactionId)
      ?.reject(
        new Error(`interaction ${interactionId}: first response after Discord's 3 s window (answered 10062)`),
      );
    waiting.delete(interactionId);
  });

  return {
    port,
    apiBase: `http://127.0.0.1:${port}/api`,
    token,
    applicationId: APPLICATION_ID,
    rest,
    gateway: gw,
    interact(interaction, shardId) {
      const guildId = typeof interaction.guild_id === 'string' ? interaction.guild_id : undefined;
      const shard = shardId ?? (guildId ? shardOf(guildId, shards) : 0);
      const answered = new Promise<Callback>((resolve, reject) =>
        waiting.set(interaction.id, { resolve, reject }),
      );
      rest.expectInteraction(interaction.id, interaction.token);
      gw.dispatch(shard, GatewayDispatchEvents.InteractionCreate, interaction);
      return answered;
    },
    async close() {
      rest.releaseHanging();
      await gw.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
