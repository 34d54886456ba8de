import { config as loadDotenv } from 'dotenv';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { isHex, isSnowflake } from './formats.js';

/** What each run needs; everything else is optional there but still checked when set. */
export type Need = 'token' | 'applicationId' | 'publicKey' | 'port';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  readonly token?: string;
  readonly applicationId?: string;
  readonly guildId?: string;
  readonly publicKey?: string;
  /** REST base URL without a trailing slash; discord.js appends `/v10/...`. */
  readonly apiBase: string;
  readonly port?: number;
  /** Gateway mode: serve /metrics and /healthz on this port; unset, no such server. */
  readonly metricsPort?: number;
  /** Gateway mode: the first retry's wait (ms) when Discord cannot be reached; unset, 1,000. */
  readonly backoffBaseMs?: number;
  /** Where the operator published PRIVACY.md and TERMS.md; /help links to them. */
  readonly privacyUrl?: string;
  readonly termsUrl?: string;
  readonly logLevel: LogLevel;
  /** Log bytes held for a slow reader of stdout before lines are dropped (and counted). */
  readonly logBufferBytes?: number;
  /** HTTP mode: the path Discord posts interactions to. */
  readonly interactionsPath?: string;
  /** The interface the HTTP endpoint, or the gateway's METRICS_PORT server, listens on; unset means every interface. */
  readonly host?: string;
}

/** A config where every needed value is present, so callers need no checks of their own. */
export type ConfigWith<N extends Need> = Config & { readonly [K in N]-?: NonNullable<Config[K]> };

export type ConfigResult<N extends Need> =
  | { readonly ok: true; readonly config: ConfigWith<N> }
  | { readonly ok: false; readonly errors: readonly string[] };

export const DEFAULT_API_BASE = 'https://discord.com/api';
export const DEFAULT_INTERACTIONS_PATH = '/interactions';
/** Paths the HTTP endpoint serves itself, so INTERACTIONS_PATH may not take them. */
export const HOME_PATH = '/';
export const HEALTH_PATH = '/healthz';
export const METRICS_PATH = '/metrics';
export const PRIVACY_PATH = '/privacy';
export const TERMS_PATH = '/terms';
const SERVED_PATHS: readonly string[] = [HOME_PATH, HEALTH_PATH, METRICS_PATH, PRIVACY_PATH, TERMS_PATH];

const PORTAL = 'https://discord.com/developers/applications';

/**
 * /ask's learnt topic model, relative to the repository root: written by `npm run train:ask`, read
 * on the first /ask question (src/ask/topic-model.ts). A file rather than a module, so the HTTP
 * bundle does not parse the model at every start.
 */
export const TOPIC_MODEL_FILE = 'src/ask/topic-model.json';

/** The repository's root: the first folder with a package.json above `file` (this module by default). */
export function repositoryRoot(file = fileURLToPath(import.meta.url)): string {
  // Run from src/ by tsx, compiled by tsc to dist/src/core/config.js, or bundled into dist/http.mjs.
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${file}`);
  }
}

interface Variable {
  readonly name: string;
  readonly need?: Need;
  /** Read only by the HTTP endpoint (httpConfigOrExit); other runs ignore it. */
  readonly http?: true;
  /** Says what to do when the variable is absent (only used when a run needs it). */
  readonly missing: string;
  /** Says what is wrong and how to fix it, without repeating the value (it may be a secret). */
  readonly malformed: string;
  readonly schema: v.GenericSchema<string, unknown>;
}

/** Two links this long still fit /help's privacy field (1,024 characters). */
const MAX_LINK_LENGTH = 400;

/** A link /help shows for Discord to make clickable: a space, a parenthesis or <> would end it early. */
const linkSchema = v.pipe(
  v.string(),
  v.maxLength(MAX_LINK_LENGTH),
  v.regex(/^https?:\/\/[^\s()<>]+$/),
  v.check((value) => URL.canParse(value)),
);

/** A whole number from 1 to `max`, written as digits only. */
function wholeNumber(max: number) {
  return v.pipe(
    v.string(),
    v.regex(/^\d{1,5}$/),
    v.transform(Number),
    v.integer(),
    v.minValue(1),
    v.maxValue(max),
  );
}

const VARIABLES = {
  token: {
    name: 'DISCORD_TOKEN',
    need: 'token',
    missing: `is not set: copy the bot token from ${PORTAL} -> your app -> Bot -> Reset Token into .env`,
    malformed:
      'contains spaces or quotes: paste only the token itself, e.g. DISCORD_TOKEN=MTA... (no "Bot " prefix, no quotes)',
    schema: v.pipe(v.string(), v.regex(/^[^\s"'`]+$/)),
  },
  applicationId: {
    name: 'DISCORD_APPLICATION_ID',
    need: 'applicationId',
    missing: `is not set: copy the Application ID from ${PORTAL} -> your app -> General Information into .env`,
    malformed: `is not an application id (digits only): copy the Application ID from ${PORTAL} -> General Information`,
    schema: v.pipe(v.string(), v.check(isSnowflake)),
  },
  guildId: {
    name: 'DISCORD_GUILD_ID',
    missing: 'is optional',
    malformed:
      'is not a server id (digits only): in Discord turn on Developer Mode, right-click the server -> Copy Server ID, or leave it empty to deploy globally',
    schema: v.pipe(v.string(), v.check(isSnowflake)),
  },
  publicKey: {
    name: 'DISCORD_PUBLIC_KEY',
    need: 'publicKey',
    missing: `is not set: copy the Public Key from ${PORTAL} -> your app -> General Information into .env`,
    malformed: `must be 64 hexadecimal characters: copy the Public Key from ${PORTAL} -> General Information`,
    schema: v.pipe(
      v.string(),
      v.check((value) => isHex(value, 64)),
    ),
  },
  apiBase: {
    name: 'DISCORD_API_BASE',
    missing: 'is optional',
    malformed: `must be an http(s) URL without query or fragment, e.g. ${DEFAULT_API_BASE}, or leave it empty for Discord itself`,
    schema: v.pipe(
      v.string(),
      v.check((value) => {
        if (!URL.canParse(value)) return false;
        const url = new URL(value);
        return (
          (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === ''
        );
      }),
    ),
  },
  port: {
    name: 'PORT',
    need: 'port',
    missing: 'is not set: set the port the HTTP interactions endpoint listens on, e.g. PORT=3000',
    malformed: 'must be a whole number from 1 to 65535, e.g. PORT=3000',
    schema: wholeNumber(65_535),
  },
  metricsPort: {
    name: 'METRICS_PORT',
    missing: 'is optional',
    malformed:
      'must be a whole number from 1 to 65535, e.g. METRICS_PORT=9464, or leave it empty to serve no metrics',
    schema: wholeNumber(65_535),
  },
  backoffBaseMs: {
    name: 'GATEWAY_BACKOFF_BASE_MS',
    missing: 'is optional',
    malformed:
      'must be a whole number of milliseconds from 1 to 60000, e.g. GATEWAY_BACKOFF_BASE_MS=1000, or leave it empty for 1000',
    schema: wholeNumber(60_000),
  },
  privacyUrl: {
    name: 'PRIVACY_URL',
    missing: 'is optional',
    malformed: `must be a full http(s) URL of at most ${MAX_LINK_LENGTH} characters without spaces or parentheses, e.g. https://bot.example.com/privacy, or leave it empty`,
    schema: linkSchema,
  },
  termsUrl: {
    name: 'TERMS_URL',
    missing: 'is optional',
    malformed: `must be a full http(s) URL of at most ${MAX_LINK_LENGTH} characters without spaces or parentheses, e.g. https://bot.example.com/terms, or leave it empty`,
    schema: linkSchema,
  },
  logLevel: {
    name: 'LOG_LEVEL',
    missing: 'is optional',
    malformed: `must be one of ${LOG_LEVELS.join(', ')} (default info)`,
    schema: v.picklist(LOG_LEVELS),
  },
  logBufferBytes: {
    name: 'LOG_BUFFER_BYTES',
    missing: 'is optional',
    malformed:
      'must be a whole number of bytes from 4096 up, e.g. LOG_BUFFER_BYTES=1048576 (the default), or leave it empty',
    schema: v.pipe(v.string(), v.regex(/^\d{4,15}$/), v.transform(Number), v.minValue(4096)),
  },
  interactionsPath: {
    name: 'INTERACTIONS_PATH',
    http: true,
    missing: 'is optional',
    malformed: `must be a URL path such as ${DEFAULT_INTERACTIONS_PATH} (starting with /, no query, not ${SERVED_PATHS.join(', ')}), or leave it empty`,
    schema: v.pipe(
      v.string(),
      v.regex(/^\/[A-Za-z0-9\-._~/]*$/),
      v.check((value) => !SERVED_PATHS.includes(value)),
    ),
  },
  host: {
    name: 'HOST',
    missing: 'is optional',
    malformed:
      'must be a host name or IP address without spaces, e.g. 127.0.0.1, or leave it empty for every interface',
    schema: v.pipe(v.string(), v.regex(/^\S+$/)),
  },
} as const satisfies Record<keyof Config, Variable>;

/** Every variable the config reads, by name (README and .env.example document each). */
export const VARIABLE_NAMES: readonly string[] = Object.values(VARIABLES).map((variable) => variable.name);

/** Which optional groups of variables a run reads besides the shared ones. */
export interface Reads {
  /** The HTTP endpoint's own variable (INTERACTIONS_PATH). */
  readonly http?: boolean;
}

/**
 * Checks an environment (process.env after dotenv, or a test's own object). Returns every
 * problem at once, one line per variable, each naming the variable and how to fix it. Values are
 * never echoed, so a token pasted into the wrong variable cannot leak into a log.
 */
export function parseConfig<N extends Need = never>(
  env: Readonly<Record<string, string | undefined>>,
  needs: readonly N[] = [],
  reads: Reads = {},
): ConfigResult<N> {
  const errors: string[] = [];
  const values: Partial<Record<keyof Config, unknown>> = {};
  for (const [key, variable] of Object.entries(VARIABLES) as [keyof Config, Variable][]) {
    if (variable.http && !reads.http) continue;
    // dotenv turns `NAME=` into an empty string: that means "not set", as in the shell.
    const raw = env[variable.name]?.trim() ?? '';
    if (raw === '') {
      if (variable.need && (needs as readonly Need[]).includes(variable.need))
        errors.push(`${variable.name} ${variable.missing}`);
      continue;
    }
    const parsed = v.safeParse(variable.schema, raw);
    if (parsed.success) values[key] = parsed.output;
    else errors.push(`${variable.name} ${variable.malformed}`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const config = {
    ...values,
    apiBase: typeof values.apiBase === 'string' ? values.apiBase.replace(/\/+$/, '') : DEFAULT_API_BASE,
    logLevel: values.logLevel ?? 'info',
    ...(reads.http ? { interactionsPath: values.interactionsPath ?? DEFAULT_INTERACTIONS_PATH } : {}),
  } as ConfigWith<N>;
  return { ok: true, config };
}

/** Reads `.env` from the working directory (never over variables already set), then checks. */
export function loadConfig<N extends Need = never>(
  needs: readonly N[] = [],
  reads: Reads = {},
): ConfigResult<N> {
  // quiet: dotenv 17+ otherwise prints a banner to stdout, which would corrupt `ask --json`.
  loadDotenv({ quiet: true });
  return parseConfig(process.env, needs, reads);
}

/** For entry points: the checked config, or each problem on stderr and exit code 1. */
export function configOrExit<N extends Need = never>(
  needs: readonly N[] = [],
  reads: Reads = {},
): ConfigWith<N> {
  const result = loadConfig(needs, reads);
  if (result.ok) return result.config;
  for (const line of result.errors) process.stderr.write(`Configuration error: ${line}\n`);
  process.exit(1);
}

/** What the HTTP endpoint runs with: its key and port, and where it listens. */
export type HttpConfig = ConfigWith<'publicKey' | 'port'> & { readonly interactionsPath: string };

/** For the HTTP endpoint: the shared config plus INTERACTIONS_PATH, or exit 1 as above. */
export function httpConfigOrExit(): HttpConfig {
  return configOrExit(['publicKey', 'port'], { http: true }) as HttpConfig;
}
