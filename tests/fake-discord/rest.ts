import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InteractionResponseType, type APIInteractionResponse } from 'discord-api-types/v10';
import { takeFault, type Fault, type FaultRule } from './faults.js';
import { APPLICATION_ID, botUser, snowflake } from './payloads.js';

/** Discord's window for the first response to an interaction. */
const INTERACTION_DEADLINE_MS = 3_000;
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

export interface RecordedRequest {
  readonly method: string;
  /** Decoded path after /api/v10, e.g. `/webhooks/1/tok/messages/@original`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** Whether it carried `Authorization: Bot <the right token>`. */
  readonly authorized: boolean;
  readonly at: number;
  /** What the fake answered: a status code, or 'hang'. */
  status: number | 'hang';
}

/** An accepted interaction callback: what the bot told Discord to show. */
export interface Callback {
  readonly interactionId: string;
  readonly response: APIInteractionResponse;
  /** The body exactly as sent, to compare byte for byte. */
  readonly raw: string;
  readonly at: number;
}

interface Pending {
  readonly token: string;
  readonly dispatchedAt: number;
  answered: boolean;
  original: Record<string, unknown> | undefined;
  readonly followUps: Map<string, Record<string, unknown>>;
}

export interface RestOptions {
  readonly token: string;
  readonly gatewayUrl: () => string;
  readonly shardCount: () => number;
  /** Keep every request with its body (off for benchmarks, to keep the fake's memory flat). */
  readonly record: boolean;
}

type Route = (match: RegExpExecArray, body: unknown, query: URLSearchParams, raw: string) => Answer;
interface Answer {
  readonly status: number;
  readonly body?: unknown;
}

/** Discord's REST API v10, the routes a bot and its deploy script use. */
export class FakeRest extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  readonly callbacks: Callback[] = [];
  /** Registered commands: `global` or a guild id -> definitions as Discord returns them. */
  readonly commands = new Map<string, Record<string, unknown>[]>();
  readonly faults: FaultRule[] = [];
  private readonly interactions = new Map<string, Pending>();
  private readonly byToken = new Map<string, Pending>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly routes: [string, RegExp, Route, boolean][];

  constructor(private readonly options: RestOptions) {
    super();
    const auth = true;
    const noAuth = false;
    this.routes = [
      ['GET', /^\/gateway\/bot$/, () => this.gatewayBot(), auth],
      ['GET', /^\/gateway$/, () => ({ status: 200, body: { url: this.options.gatewayUrl() } }), noAuth],
      ['GET', /^\/users\/@me$/, () => ({ status: 200, body: botUser() }), auth],
      [
        'POST',
        /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
        (m, b, q, raw) => this.callback(m, b, q, raw),
        noAuth,
      ],
      [
        'PATCH',
        /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
        (m, b) => this.editOriginal(m, b),
        noAuth,
      ],
      ['GET', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (m) => this.getOriginal(m), noAuth],
      ['DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (m) => this.deleteOriginal(m), noAuth],
      ['POST', /^\/webhooks\/(\d+)\/([^/]+)$/, (m, b) => this.followUp(m, b), noAuth],
      ['PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(\d+)$/, (m, b) => this.editFollowUp(m, b), noAuth],
      ['GET', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(\d+)$/, (m) => this.getFollowUp(m), noAuth],
      ['DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(\d+)$/, (m) => this.deleteFollowUp(m), noAuth],
      ['GET', /^\/applications\/(\d+)\/commands$/, (m) => this.getCommands(m, 'global'), auth],
      ['PUT', /^\/applications\/(\d+)\/commands$/, (m, b) => this.putCommands(m, 'global', b), auth],
      [
        'GET',
        /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
        (m) => this.getCommands(m, m[2] ?? ''),
        auth,
      ],
      [
        'PUT',
        /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
        (m, b) => this.putCommands(m, m[2] ?? '', b),
        auth,
      ],
    ];
  }

  /** Makes an interaction known, as Discord does when it sends INTERACTION_CREATE. */
  expectInteraction(id: string, token: string): void {
    const pending: Pending = {
      token,
      dispatchedAt: Date.now(),
      answered: false,
      original: undefined,
      followUps: new Map(),
    };
    this.interactions.set(id, pending);
    this.byToken.set(token, pending);
  }

  /** Forgets answered interactions (benchmarks send tens of thousands). */
  forget(id: string): void {
    const pending = this.interactions.get(id);
    if (!pending) return;
    this.interactions.delete(id);
    this.byToken.delete(pending.token);
  }

  inject(method: string, path: RegExp, fault: Fault, times = 1): void {
    this.faults.push({ method, path, fault, remaining: times });
  }

  /** Answers every hanging request with a connection reset. */
  releaseHanging(): void {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const prefix = '/api/v10';
    // discord.js percent-encodes `@original` as `%40original`.
    const path = decodeURIComponent(
      url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname,
    );
    const method = req.method ?? 'GET';
    const body = parseBody(raw, req.headers['content-type']);
    const authorized = req.headers.authorization === `Bot ${this.options.token}`;
    const record: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      authorized,
      at: Date.now(),
      status: 0,
    };
    if (this.options.record) this.requests.push(record);
    this.emit('request', record);

    const fault = url.pathname.startsWith(prefix) ? takeFault(this.faults, method, path) : undefined;
    if (fault?.kind === 'hang') {
      record.status = 'hang';
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (fault?.kind === 'status') {
      record.status = fault.status;
      reply(res, fault.status, fault.body, fault.headers);
      return;
    }
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));

    const answer = url.pathname.startsWith(prefix)
      ? this.route(method, path, url, raw, body, authorized)
      : { status: 404, body: { message: '404: Not Found', code: 0 } };
    record.status = answer.status;
    reply(res, answer.status, answer.body);
  }

  private route(
    method: string,
    path: string,
    url: URL,
    raw: string,
    body: unknown,
    authorized: boolean,
  ): Answer {
    for (const [m, pattern, route, needsAuth] of this.routes) {
      if (m !== method) continue;
      const match = pattern.exec(path);
      if (!match) continue;
      if (needsAuth && !authorized) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      return route(match, body, url.searchParams, raw);
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  private gatewayBot(): Answer {
    return {
      status: 200,
      body: {
        url: this.options.gatewayUrl(),
        shards: this.options.shardCount(),
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 86_400_000,
          max_concurrency: this.options.shardCount(),
        },
      },
    };
  }

  private callback(match: RegExpExecArray, body: unknown, query: URLSearchParams, raw: string): Answer {
    const [, id = '', token = ''] = match;
    const pending = this.interactions.get(id);
    if (!pending || pending.token !== token) return unknownInteraction();
    if (pending.answered) {
      return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    }
    if (Date.now() - pending.dispatchedAt > INTERACTION_DEADLINE_MS) {
      this.emit('late', id);
      return unknownInteraction();
    }
    pending.answered = true;
    const response = body as APIInteractionResponse;
    if (
      response.type === InteractionResponseType.ChannelMessageWithSource ||
      response.type === InteractionResponseType.DeferredChannelMessageWithSource
    )
      pending.original = message(response.data ?? {});
    const callback = { interactionId: id, response, raw, at: Date.now() };
    if (this.options.record) this.callbacks.push(callback);
    this.emit('callback', callback);
    if (query.get('with_response') !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id,
          type: 2,
          response_message_id: pending.original?.id,
          response_message_loading: false,
        },
        resource: { type: response.type, message: pending.original },
      },
    };
  }

  private pendingByToken(match: RegExpExecArray): Pending | undefined {
    return match[1] === APPLICATION_ID ? this.byToken.get(match[2] ?? '') : undefined;
  }

  private editOriginal(match: RegExpExecArray, body: unknown): Answer {
    const pending = this.pendingByToken(match);
    if (!pending?.original) return unknownMessage();
    pending.original = {
      ...pending.original,
      ...(body as object),
      edited_timestamp: new Date().toISOString(),
    };
    return { status: 200, body: pending.original };
  }

  private getOriginal(match: RegExpExecArray): Answer {
    const original = this.pendingByToken(match)?.original;
    return original ? { status: 200, body: original } : unknownMessage();
  }

  private deleteOriginal(match: RegExpExecArray): Answer {
    const pending = this.pendingByToken(match);
    if (!pending?.original) return unknownMessage();
    pending.original = undefined;
    return { status: 204 };
  }

  private followUp(match: RegExpExecArray, body: unknown): Answer {
    const pending = this.pendingByToken(match);
    if (!pending?.answered) return unknownWebhook();
    const sent = message(body as Record<string, unknown>);
    pending.followUps.set(sent.id as string, sent);
    return { status: 200, body: sent };
  }

  private editFollowUp(match: RegExpExecArray, body: unknown): Answer {
    const pending = this.pendingByToken(match);
    const sent = pending?.followUps.get(match[3] ?? '');
    if (!pending || !sent) return unknownMessage();
    const edited = { ...sent, ...(body as object), edited_timestamp: new Date().toISOString() };
    pending.followUps.set(match[3] ?? '', edited);
    return { status: 200, body: edited };
  }

  private getFollowUp(match: RegExpExecArray): Answer {
    const sent = this.pendingByToken(match)?.followUps.get(match[3] ?? '');
    return sent ? { status: 200, body: sent } : unknownMessage();
  }

  private deleteFollowUp(match: RegExpExecArray): Answer {
    const pending = this.pendingByToken(match);
    if (!pending?.followUps.delete(match[3] ?? '')) return unknownMessage();
    return { status: 204 };
  }

  private getCommands(match: RegExpExecArray, scope: string): Answer {
    if (match[1] !== APPLICATION_ID) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
    return { status: 200, body: this.commands.get(scope) ?? [] };
  }

  /** Bulk overwrite: validates names as Discord does and stores what Discord would return. */
  private putCommands(match: RegExpExecArray, scope: string, body: unknown): Answer {
    if (match[1] !== APPLICATION_ID) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
    if (!Array.isArray(body)) return invalidFormBody('', 'Must be an array');
    const stored: Record<string, unknown>[] = [];
    for (const [i, definition] of (body as Record<string, unknown>[]).entries()) {
      const name = definition.name;
      // Chat input names are lower case without spaces; user and message commands (types 2, 3)
      // take any 1 to 32 characters, spaces and capitals included.
      const contextMenu = definition.type === 2 || definition.type === 3;
      const valid =
        typeof name === 'string' &&
        (contextMenu
          ? name.length >= 1 && name.length <= 32
          : COMMAND_NAME.test(name) && name === name.toLowerCase());
      if (!valid) {
        return invalidFormBody(`${i}.name`, 'Command name is invalid');
      }
      const existing = (this.commands.get(scope) ?? []).find((c) => c.name === name);
      stored.push(asRegistered(definition, scope, existing?.id));
    }
    this.commands.set(scope, stored);
    return { status: 200, body: stored };
  }
}

/**
 * A command as Discord stores and returns it: its own fields (id, version, application_id), the
 * defaults spelled out, and options without `required: false`.
 */
function asRegistered(
  definition: Record<string, unknown>,
  scope: string,
  id: unknown,
): Record<string, unknown> {
  const options = Array.isArray(definition.options)
    ? (definition.options as Record<string, unknown>[]).map(({ required, ...option }) =>
        required === true ? { ...option, required } : option,
      )
    : undefined;
  return {
    id: typeof id === 'string' ? id : snowflake(),
    application_id: APPLICATION_ID,
    version: snowflake(),
    type: 1,
    name_localizations: null,
    description_localizations: null,
    default_member_permissions: null,
    nsfw: false,
    ...(scope === 'global' ? { dm_permission: true } : { guild_id: scope }),
    // Discord returns an empty description for user and message commands, which have none.
    ...(definition.type === 2 || definition.type === 3 ? { description: '' } : {}),
    ...definition,
    ...(options ? { options } : {}),
  };
}

function message(data: Record<string, unknown>): Record<string, unknown> {
  return {
    id: snowflake(),
    type: 20,
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 0,
    author: botUser(),
    application_id: APPLICATION_ID,
    webhook_id: APPLICATION_ID,
    ...data,
  };
}

function unknownInteraction(): Answer {
  return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
}
function unknownMessage(): Answer {
  return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
}
function unknownWebhook(): Answer {
  return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
}
function invalidFormBody(field: string, message: string): Answer {
  const errors = (field ? field.split('.') : [])
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), { _errors: [{ code: 'INVALID', message }] });
  return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors } };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}

function reply(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...headers,
    })
    .end(text);
}
