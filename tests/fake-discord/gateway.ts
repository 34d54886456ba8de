import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayDispatchEvents, GatewayOpcodes } from 'discord-api-types/v10';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { guildCreate, ready, shardOf, type GuildContents } from './payloads.js';

/** Events kept per session for replay on RESUME; Discord keeps a bounded buffer too. */
const REPLAY_BUFFER = 1_000;

interface SentEvent {
  readonly s: number;
  readonly t: string;
  readonly d: unknown;
}

/** One gateway session: identified once, resumable until invalidated. */
interface Session {
  readonly id: string;
  readonly shard: readonly [number, number];
  seq: number;
  readonly events: SentEvent[];
  connection: Connection | undefined;
  invalid: boolean;
}

interface Connection {
  readonly socket: WebSocket;
  /** `/gateway` for a fresh connect, `/resume` for READY's resume_gateway_url. */
  readonly path: string;
  session: Session | undefined;
  acking: boolean;
}

export interface IdentifyRecord {
  readonly shard: readonly [number, number];
  readonly intents: number;
  readonly path: string;
  readonly at: number;
}

export interface ResumeRecord {
  readonly shard: readonly [number, number];
  readonly seq: number;
  readonly path: string;
  readonly replayed: number;
  readonly at: number;
}

export interface DisconnectRecord {
  readonly shard: readonly [number, number];
  /** The close code as the fake saw it (1006 for a dropped connection). */
  readonly code: number;
}

export interface GatewayOptions {
  readonly token: string;
  readonly shardCount: number;
  readonly guildIds: readonly string[];
  /** What each server holds beyond a text channel, @everyone and the bot (default: nothing). */
  readonly guildContents?: GuildContents | undefined;
  readonly heartbeatIntervalMs: number;
  /** ws://host:port, without a path. */
  readonly baseUrl: string;
}

export interface GatewayEvents {
  identify: IdentifyRecord;
  resume: ResumeRecord;
  disconnect: DisconnectRecord;
}

/**
 * Discord's gateway over `ws`: HELLO, IDENTIFY -> READY + GUILD_CREATE per shard, heartbeat ACKs,
 * RESUME with replay of what was missed, and the faults a real gateway produces.
 */
export class FakeGateway extends EventEmitter {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  /** The latest session of each shard id: where dispatches go. */
  private readonly shardSessions = new Map<number, Session>();

  constructor(private readonly options: GatewayOptions) {
    super();
  }

  get url(): string {
    return `${this.options.baseUrl}/gateway`;
  }

  get shardCount(): number {
    return this.options.shardCount;
  }

  /** While true, every new gateway connection is cut before the WebSocket handshake, as by a network that is down. */
  refusing = false;
  /** Gateway connections refused while `refusing` was set. */
  refused = 0;
  /** When set, every IDENTIFY is answered by closing with this code (e.g. 4014, disallowed intents). */
  identifyCloseCode: number | undefined;

  /** Takes over an HTTP upgrade on /gateway or /resume. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.refusing) {
      this.refused += 1;
      socket.destroy();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/gateway' && url.pathname !== '/resume') {
      socket.destroy();
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => {
      // The client must ask for API v10 with JSON, as discord.js does.
      if (url.searchParams.get('v') !== '10' || url.searchParams.get('encoding') !== 'json') {
        ws.close(4012, 'Invalid API version');
        return;
      }
      this.accept(ws, url.pathname);
    });
  }

  private accept(socket: WebSocket, path: string): void {
    const connection: Connection = { socket, path, session: undefined, acking: true };
    socket.on('message', (raw) => this.onMessage(connection, raw));
    socket.on('close', (code) => {
      const session = connection.session;
      if (!session || session.connection !== connection) return;
      session.connection = undefined;
      // A client closing with 1000/1001 ends its session, as on Discord.
      if (code === 1000 || code === 1001) session.invalid = true;
      this.emit('disconnect', { shard: session.shard, code } satisfies DisconnectRecord);
    });
    socket.on('error', () => undefined);
    send(connection, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
    });
  }

  private onMessage(connection: Connection, raw: RawData): void {
    let payload: { op?: number; d?: Record<string, unknown> | number | null };
    try {
      payload = JSON.parse(text(raw)) as typeof payload;
    } catch {
      connection.socket.close(4002, 'Decode error');
      return;
    }
    const d = typeof payload.d === 'object' && payload.d !== null ? payload.d : {};
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        if (connection.acking) send(connection, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        this.identify(connection, d);
        return;
      case GatewayOpcodes.Resume:
        this.resume(connection, d);
        return;
      default:
        return;
    }
  }

  private identify(connection: Connection, d: Record<string, unknown>): void {
    if (d.token !== this.options.token) {
      connection.socket.close(4004, 'Authentication failed.');
      return;
    }
    if (this.identifyCloseCode !== undefined) {
      connection.socket.close(this.identifyCloseCode);
      return;
    }
    const shard = Array.isArray(d.shard) ? (d.shard as [number, number]) : ([0, 1] as const);
    const [shardId, shardCount] = shard;
    if (shardId < 0 || shardId >= shardCount || shardCount < 1) {
      connection.socket.close(4010, 'Invalid shard.');
      return;
    }
    const session: Session = {
      id: randomUUID().replaceAll('-', ''),
      shard: [shardId, shardCount],
      seq: 0,
      events: [],
      connection,
      invalid: false,
    };
    connection.session = session;
    this.sessions.set(session.id, session);
    this.shardSessions.set(shardId, session);
    const record = {
      shard: session.shard,
      intents: Number(d.intents),
      path: connection.path,
      at: Date.now(),
    };
    this.identifies.push(record);
    const guildIds = this.options.guildIds.filter((id) => shardOf(id, shardCount) === shardId);
    this.sendDispatch(
      session,
      GatewayDispatchEvents.Ready,
      ready({
        sessionId: session.id,
        resumeGatewayUrl: `${this.options.baseUrl}/resume`,
        shard: session.shard,
        guildIds,
      }),
    );
    for (const id of guildIds)
      this.sendDispatch(
        session,
        GatewayDispatchEvents.GuildCreate,
        guildCreate(id, this.options.guildContents),
      );
    this.emit('identify', record);
  }

  private resume(connection: Connection, d: Record<string, unknown>): void {
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    if (d.token !== this.options.token) {
      connection.socket.close(4004, 'Authentication failed.');
      return;
    }
    if (!session || session.invalid) {
      send(connection, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    const previous = session.connection;
    if (previous && previous !== connection) previous.socket.terminate();
    session.connection = connection;
    connection.session = session;
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    const missed = session.events.filter((e) => e.s > seq);
    for (const e of missed) send(connection, { op: GatewayOpcodes.Dispatch, s: e.s, t: e.t, d: e.d });
    this.sendDispatch(session, GatewayDispatchEvents.Resumed, {});
    const record = {
      shard: session.shard,
      seq,
      path: connection.path,
      replayed: missed.length,
      at: Date.now(),
    };
    this.resumes.push(record);
    this.emit('resume', record);
  }

  private sendDispatch(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.events.push(event);
    if (session.events.length > REPLAY_BUFFER)
      session.events.splice(0, session.events.length - REPLAY_BUFFER);
    if (session.connection) send(session.connection, { op: GatewayOpcodes.Dispatch, ...event });
  }

  private session(shardId: number): Session {
    const session = this.shardSessions.get(shardId);
    if (!session) throw new Error(`fake Discord: shard ${shardId} never identified`);
    return session;
  }

  /**
   * Sends a dispatch on a shard. When the shard's socket is down the event is kept and replayed on
   * RESUME, as Discord does; after an invalidated session it is lost, as on Discord.
   */
  dispatch(shardId: number, t: string, d: unknown): void {
    this.sendDispatch(this.session(shardId), t, d);
  }

  /** Whether a shard currently has a live, identified or resumed socket. */
  isConnected(shardId: number): boolean {
    return this.shardSessions.get(shardId)?.connection?.socket.readyState === WebSocket.OPEN;
  }

  /** Closes a shard's socket from Discord's side with a close code (4000 = unknown error, resumable). */
  close(shardId: number, code: number, reason = ''): void {
    this.session(shardId).connection?.socket.close(code, reason);
  }

  /** Drops the TCP connection without a close frame: the client sees an abnormal close (1006). */
  drop(shardId: number): void {
    this.session(shardId).connection?.socket.terminate();
  }

  /** Op 7: asks the client to reconnect and resume. */
  requestReconnect(shardId: number): void {
    const connection = this.session(shardId).connection;
    if (connection) send(connection, { op: GatewayOpcodes.Reconnect, d: null });
  }

  /** Op 9 with d=false: the session is gone; the client must identify again. */
  invalidateSession(shardId: number): void {
    const session = this.session(shardId);
    session.invalid = true;
    if (session.connection) send(session.connection, { op: GatewayOpcodes.InvalidSession, d: false });
  }

  /** The current socket of a shard stops acknowledging heartbeats (a zombie connection). */
  stopAcking(shardId: number): void {
    const connection = this.session(shardId).connection;
    if (connection) connection.acking = false;
  }

  /** Resolves with the next IDENTIFY, RESUME or disconnect of a session. */
  async next<E extends keyof GatewayEvents>(event: E): Promise<GatewayEvents[E]> {
    const [record] = (await once(this, event)) as [GatewayEvents[E]];
    return record;
  }

  async closeAll(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function send(connection: Connection, payload: Record<string, unknown>): void {
  if (connection.socket.readyState === WebSocket.OPEN) connection.socket.send(JSON.stringify(payload));
}

function text(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(new Uint8Array(raw)).toString('utf8');
}
