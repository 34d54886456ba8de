import { isDeepStrictEqual } from 'node:util';
import { Routes, type RESTGetAPIApplicationCommandsResult } from 'discord-api-types/v10';
import { DiscordAPIError, type REST } from 'discord.js';
import type { CommandDefinition } from '../core/command.js';
import { installLinks } from './install-links.js';

export type Definition = CommandDefinition;

export interface DeployTarget {
  readonly applicationId: string;
  /** Set: register in this server only (instant). Unset: globally. */
  readonly guildId?: string | undefined;
}

export interface CommandDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Per command name, the fields that differ, e.g. `options.name.description`. */
  readonly changed: readonly { readonly name: string; readonly fields: readonly string[] }[];
}

export type DeployResult =
  { readonly status: 'up-to-date' } | { readonly status: 'dry-run' | 'deployed'; readonly diff: CommandDiff };

function commandsRoute(target: DeployTarget): `/${string}` {
  return target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
}

export function describeTarget(target: DeployTarget): string {
  return target.guildId ? `server ${target.guildId}` : 'global commands';
}

/**
 * The fields a command definition can set, each with the value Discord assumes when it is absent.
 * Discord's copy adds fields of its own (id, version, application_id...) and leaves out defaults,
 * so both sides are reduced to these fields, without the defaults, before comparing.
 */
const COMMAND_DEFAULTS: Readonly<Record<string, unknown>> = {
  type: 1,
  name: undefined,
  name_localizations: null,
  description: undefined,
  description_localizations: null,
  options: [],
  default_member_permissions: null,
  default_permission: true,
  dm_permission: true,
  nsfw: false,
  integration_types: undefined,
  contexts: undefined,
};
const OPTION_DEFAULTS: Readonly<Record<string, unknown>> = {
  type: undefined,
  name: undefined,
  name_localizations: null,
  description: undefined,
  description_localizations: null,
  required: false,
  autocomplete: false,
  choices: [],
  options: [],
  channel_types: [],
  min_value: undefined,
  max_value: undefined,
  min_length: undefined,
  max_length: undefined,
};
const CHOICE_DEFAULTS: Readonly<Record<string, unknown>> = {
  name: undefined,
  name_localizations: null,
  value: undefined,
};
/** Lists whose order means nothing to Discord. */
const SETS = new Set(['integration_types', 'contexts', 'channel_types']);

function isEmpty(value: unknown): boolean {
  // '': Discord returns an empty description for message commands, which have none.
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

function canonical(value: unknown, defaults: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const source = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    let v = source[key];
    if (isEmpty(v) || isDeepStrictEqual(v, fallback)) continue;
    if (key === 'options' && Array.isArray(v)) v = v.map((o) => canonical(o, OPTION_DEFAULTS));
    else if (key === 'choices' && Array.isArray(v)) v = v.map((c) => canonical(c, CHOICE_DEFAULTS));
    else if (SETS.has(key) && Array.isArray(v)) v = [...(v as number[])].sort((a, b) => a - b);
    out[key] = v;
  }
  return out;
}

/** Where two canonical definitions differ, by field path; options are named rather than numbered. */
function differingFields(ours: unknown, theirs: unknown, path: string): string[] {
  if (isDeepStrictEqual(ours, theirs)) return [];
  const named = (list: unknown) =>
    Array.isArray(list) && list.every((o) => typeof o === 'object' && o !== null && 'name' in o)
      ? new Map(list.map((o: { name: unknown }) => [String(o.name), o as unknown]))
      : undefined;
  const oursByName = named(ours);
  const theirsByName = named(theirs);
  if (path.endsWith('options') && oursByName && theirsByName) {
    const fields: string[] = [];
    for (const [name, option] of oursByName) {
      if (!theirsByName.has(name)) fields.push(`${path}.${name} (added)`);
      else fields.push(...differingFields(option, theirsByName.get(name), `${path}.${name}`));
    }
    for (const name of theirsByName.keys())
      if (!oursByName.has(name)) fields.push(`${path}.${name} (removed)`);
    if (fields.length === 0) fields.push(`${path} (order)`);
    return fields;
  }
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isRecord(ours) && isRecord(theirs)) {
    const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
    return [...keys].flatMap((key) => differingFields(ours[key], theirs[key], path ? `${path}.${key}` : key));
  }
  return [path];
}

/** What a PUT of `ours` would change in what Discord has. */
export function diffCommands(ours: readonly Definition[], theirs: readonly unknown[]): CommandDiff {
  const byName = (list: readonly unknown[]) =>
    new Map(
      list.map((c) => {
        const command = canonical(c, COMMAND_DEFAULTS);
        return [String(command.name), command];
      }),
    );
  const mine = byName(ours);
  const registered = byName(theirs);
  const added = [...mine.keys()].filter((name) => !registered.has(name));
  const removed = [...registered.keys()].filter((name) => !mine.has(name));
  const changed = [...mine]
    .filter(([name]) => registered.has(name))
    .map(([name, command]) => ({ name, fields: differingFields(command, registered.get(name), '') }))
    .filter((c) => c.fields.length > 0);
  return { added, removed, changed };
}

function isUpToDate(diff: CommandDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/** The difference, one line per command. */
export function formatDiff(diff: CommandDiff): string[] {
  return [
    ...diff.added.map((name) => `+ /${name} (new)`),
    ...diff.removed.map((name) => `- /${name} (no longer in the bot)`),
    ...diff.changed.map((c) => `~ /${c.name}: ${c.fields.join(', ')}`),
  ];
}

/**
 * Registers the commands only when they differ from what Discord has: every PUT counts against
 * Discord's 200 command creates per day per server, so re-registering at every start is a trap.
 */
export async function deployCommands(options: {
  readonly rest: REST;
  readonly target: DeployTarget;
  readonly definitions: readonly Definition[];
  readonly dryRun: boolean;
}): Promise<DeployResult> {
  const route = commandsRoute(options.target);
  const registered = (await options.rest.get(route, {
    query: new URLSearchParams({ with_localizations: 'true' }),
  })) as RESTGetAPIApplicationCommandsResult;
  const diff = diffCommands(options.definitions, registered);
  if (isUpToDate(diff)) return { status: 'up-to-date' };
  if (options.dryRun) return { status: 'dry-run', diff };
  await options.rest.put(route, { body: options.definitions });
  return { status: 'deployed', diff };
}

interface FormErrors {
  readonly _errors?: readonly { readonly code?: string; readonly message?: string }[];
  readonly [key: string]: unknown;
}

/** Discord's nested `errors` object as `path: message` lines; a leading index names the command. */
export function invalidFormFields(errors: unknown, definitions: readonly Definition[]): string[] {
  const lines: string[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (typeof node !== 'object' || node === null) return;
    const { _errors, ...children } = node as FormErrors;
    for (const e of _errors ?? []) {
      const [first, ...rest] = path;
      const command = first !== undefined && /^\d+$/.test(first) ? definitions[Number(first)] : undefined;
      const where = command ? [`/${command.name}`, ...rest].join('.') : path.join('.') || 'body';
      lines.push(`${where}: ${e.message ?? 'invalid'}${e.code ? ` (${e.code})` : ''}`);
    }
    for (const [key, child] of Object.entries(children)) walk(child, [...path, key]);
  };
  walk(errors, []);
  return lines;
}

/** One or more lines naming the likely cause of a failed deploy. Never includes the token. */
export function explainDeployError(
  error: unknown,
  target: DeployTarget,
  definitions: readonly Definition[],
  apiBase: string,
): string[] {
  if (!(error instanceof DiscordAPIError)) {
    const message = error instanceof Error ? error.message : String(error);
    return [`Could not reach Discord at ${apiBase}: ${message}`];
  }
  const invite = installLinks(target.applicationId).guild;
  if (error.status === 401)
    return [
      'Discord rejected the token (401 Unauthorized): check DISCORD_TOKEN in .env (Developer Portal -> your app -> Bot -> Reset Token).',
    ];
  if (error.status === 403)
    return [
      `Discord refused access (403, code ${error.code}): the bot is missing the applications.commands scope${
        target.guildId ? ` in server ${target.guildId}` : ''
      }, or DISCORD_APPLICATION_ID is not this bot's application. Re-invite it with that scope: ${invite}`,
    ];
  if (error.code === 50035) {
    const fields = invalidFormFields((error.rawError as { errors?: unknown }).errors, definitions);
    return [
      'Discord rejected the command definitions (50035 Invalid Form Body):',
      ...(fields.length > 0 ? fields : [error.message]).map((line) => `  ${line}`),
    ];
  }
  if (error.code === 10002)
    return [
      'Discord does not know this application (10002 Unknown Application): check DISCORD_APPLICATION_ID.',
    ];
  if (error.code === 10004)
    return [
      `Discord does not know server ${target.guildId ?? ''} (10004 Unknown Guild): check DISCORD_GUILD_ID, or invite the bot there first: ${invite}`,
    ];
  return [`Discord answered ${error.status} (code ${error.code}): ${error.message}`];
}
