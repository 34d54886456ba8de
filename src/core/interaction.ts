import type { OptionValue } from './command.js';
import { isSnowflake } from './formats.js';
import { INPUT_LIMITS } from './limits.js';

/** An interaction from any transport, reduced to what dispatch needs. No discord.js objects. */
interface Base {
  readonly id: string;
  readonly token: string;
  readonly userId: string;
  readonly locale: string | undefined;
}
export type Invocation =
  | { readonly kind: 'ping'; readonly id: string }
  | (Base & {
      readonly kind: 'command';
      readonly name: string;
      readonly options: Record<string, OptionValue>;
    })
  | (Base & {
      readonly kind: 'autocomplete';
      readonly name: string;
      readonly options: Record<string, OptionValue>;
      readonly focused: { readonly name: string; readonly value: string };
    })
  | (Base & {
      /** A message context-menu command (type 2 with data.type 3): the target message's text. */
      readonly kind: 'message-command';
      readonly name: string;
      readonly text: string;
    })
  | (Base & {
      /** A submitted form (type 5): what was typed, by text input custom_id. */
      readonly kind: 'modal-submit';
      readonly customId: string;
      readonly fields: Readonly<Record<string, string>>;
    })
  | (Base & {
      readonly kind: 'component';
      readonly customId: string;
      readonly values: readonly string[];
      /** The clicked message is one of our private replies: answer by updating it in place. */
      readonly onEphemeral: boolean;
    });

type Json = Record<string, unknown>;

/** What was wrong with a payload: a field path and a rule, never the field's value. */
class Malformed extends Error {}

function fail(path: string, rule: string): never {
  throw new Malformed(`${path}: ${rule}`);
}
function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function object(value: unknown, path: string): Json {
  return isObject(value) ? value : fail(path, 'expected an object');
}
function optionalObject(value: unknown, path: string): Json | undefined {
  return value === undefined ? undefined : object(value, path);
}
function text(value: unknown, path: string, min: number, max: number): string {
  if (typeof value !== 'string') fail(path, 'expected a string');
  if (value.length < min || value.length > max) fail(path, `expected ${min} to ${max} characters`);
  return value;
}
function optionalText(value: unknown, path: string, max: number): string | undefined {
  return value === undefined ? undefined : text(value, path, 0, max);
}
/** Discord's own limits, applied before any search: a longer value cannot come from Discord. */
function cut(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}
function snowflake(value: unknown, path: string): string {
  const id = text(value, path, 1, 20);
  return isSnowflake(id) ? id : fail(path, 'expected a snowflake');
}
function list(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  if (value.length > max) fail(path, `expected at most ${max} items`);
  return value;
}

/**
 * Discord nests options at most three deep (group, subcommand, value). A bound, not recursion:
 * a body of thousands of nested options would otherwise overflow the stack while parsing.
 */
function checkOptions(value: unknown, path: string, depth: number): Json[] {
  if (depth === 0) fail(path, 'options nested deeper than Discord allows');
  return list(value, path, 25).map((raw, i) => {
    const at = `${path}.${i}`;
    const o = object(raw, at);
    text(o.name, `${at}.name`, 1, 32);
    if (typeof o.type !== 'number') fail(`${at}.type`, 'expected a number');
    const v = o.value;
    if (v !== undefined && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
      fail(`${at}.value`, 'expected a string, number or boolean');
    if (o.focused !== undefined && typeof o.focused !== 'boolean')
      fail(`${at}.focused`, 'expected a boolean');
    if (o.options !== undefined) checkOptions(o.options, `${at}.options`, depth - 1);
    return o;
  });
}

function userIdOf(i: Json): string {
  const member = optionalObject(i.member, 'member');
  if (member) return snowflake(object(member.user, 'member.user').id, 'member.user.id');
  const user = optionalObject(i.user, 'user');
  if (user) return snowflake(user.id, 'user.id');
  return fail('body', 'neither member.user nor user');
}

const EPHEMERAL = 64;
const MESSAGE_COMMAND = 3;
const TEXT_INPUT = 4;
const ACTION_ROW = 1;
const LABEL = 18;

/** Up to `max` characters of `parts`, one part a line: a bound on what any search reads. */
function joinCut(parts: readonly string[], max: number): string {
  return cut(parts.filter((p) => p !== '').join('\n'), max);
}

function optionalString(value: unknown, path: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') fail(path, 'expected a string');
  return value;
}

/** The text of one embed: title, author, description, each field, footer. */
function embedText(raw: unknown, path: string): string[] {
  const e = object(raw, path);
  const author = optionalObject(e.author, `${path}.author`);
  const footer = optionalObject(e.footer, `${path}.footer`);
  const fields = e.fields === undefined ? [] : list(e.fields, `${path}.fields`, 25);
  return [
    optionalString(e.title, `${path}.title`),
    optionalString(author?.name, `${path}.author.name`),
    optionalString(e.description, `${path}.description`),
    ...fields.flatMap((f, n) => {
      const field = object(f, `${path}.fields.${n}`);
      return [
        optionalString(field.name, `${path}.fields.${n}.name`),
        optionalString(field.value, `${path}.fields.${n}.value`),
      ];
    }),
    optionalString(footer?.text, `${path}.footer.text`),
  ];
}

/**
 * The text of the message a message command was used on: data.resolved.messages[data.target_id],
 * its content and its embeds' text (Discord sends the content for message commands without the
 * privileged message content intent).
 */
function targetText(data: Json): string {
  const targetId = snowflake(data.target_id, 'data.target_id');
  const resolved = object(data.resolved, 'data.resolved');
  const messages = object(resolved.messages, 'data.resolved.messages');
  const message = object(messages[targetId], 'data.resolved.messages[target_id]');
  const at = 'data.resolved.messages[target_id]';
  const content = cut(optionalString(message.content, `${at}.content`), INPUT_LIMITS.messageContent);
  const embeds = message.embeds === undefined ? [] : list(message.embeds, `${at}.embeds`, 10);
  const embedParts = embeds.flatMap((e, n) => embedText(e, `${at}.embeds.${n}`));
  return joinCut([content, joinCut(embedParts, INPUT_LIMITS.embedsText)], Number.POSITIVE_INFINITY);
}

/** One text input of a submitted form, as Discord sends it: `{type: 4, custom_id, value}`. */
function textInput(raw: unknown, path: string, fields: Record<string, string>): void {
  const c = object(raw, path);
  if (c.type !== TEXT_INPUT) return; // other input kinds: this app's forms have none
  const id = text(c.custom_id, `${path}.custom_id`, 1, INPUT_LIMITS.customId);
  fields[id] = text(c.value, `${path}.value`, 0, INPUT_LIMITS.textInput);
}

/** What was typed in a submitted form: inputs in label components, or in action rows (older forms). */
function modalFields(data: Json): Record<string, string> {
  const fields: Record<string, string> = {};
  const rows = data.components === undefined ? [] : list(data.components, 'data.components', 5);
  rows.forEach((raw, i) => {
    const at = `data.components.${i}`;
    const row = object(raw, at);
    if (row.type === LABEL) textInput(row.component, `${at}.component`, fields);
    else if (row.type === ACTION_ROW)
      list(row.components, `${at}.components`, 5).forEach((c, j) =>
        textInput(c, `${at}.components.${j}`, fields),
      );
  });
  return fields;
}

/*
 * Hand-written rather than a valibot schema (as config.ts uses): this runs for every interaction,
 * and plain checks cost a fraction of a schema of the same shape.
 */
function reduce(raw: unknown): Invocation {
  const i = object(raw, 'body');
  if (i.type === 1) return { kind: 'ping', id: snowflake(i.id, 'id') };
  if (i.type !== 2 && i.type !== 3 && i.type !== 4 && i.type !== 5)
    fail('type', 'expected an interaction type 1, 2, 3, 4 or 5');
  // Built field by field, not by spreading a shared base: this runs for every interaction.
  const id = snowflake(i.id, 'id');
  const token = text(i.token, 'token', 1, 500);
  const userId = userIdOf(i);
  const locale = optionalText(i.locale, 'locale', 10);
  const data = object(i.data, 'data');
  if (i.type === 3) {
    // Longer than Discord allows: refused before any lookup, with the "could not read" reply.
    const customId = text(data.custom_id, 'data.custom_id', 1, INPUT_LIMITS.customId);
    const values =
      data.values === undefined
        ? []
        : list(data.values, 'data.values', 25).map((v, n) => text(v, `data.values.${n}`, 0, 100));
    const message = optionalObject(i.message, 'message');
    const flags = message?.flags;
    if (flags !== undefined && typeof flags !== 'number') fail('message.flags', 'expected a number');
    const onEphemeral = ((flags ?? 0) & EPHEMERAL) !== 0;
    return { kind: 'component', id, token, userId, locale, customId, values, onEphemeral };
  }
  if (i.type === 5) {
    const customId = text(data.custom_id, 'data.custom_id', 1, INPUT_LIMITS.customId);
    return { kind: 'modal-submit', id, token, userId, locale, customId, fields: modalFields(data) };
  }
  const name = text(data.name, 'data.name', 1, 32);
  if (i.type === 2 && data.type === MESSAGE_COMMAND)
    return { kind: 'message-command', id, token, userId, locale, name, text: targetText(data) };
  const options: Record<string, OptionValue> = {};
  let focused: { name: string; value: string } | undefined;
  for (const o of data.options === undefined ? [] : checkOptions(data.options, 'data.options', 3)) {
    const raw = o.value as OptionValue | undefined;
    if (raw === undefined) continue;
    const value =
      typeof raw === 'string'
        ? cut(raw, o.name === 'name' ? INPUT_LIMITS.nameOption : INPUT_LIMITS.optionValue)
        : raw;
    options[o.name as string] = value;
    if (o.focused) focused = { name: o.name as string, value: String(value) };
  }
  if (i.type === 2) return { kind: 'command', id, token, userId, locale, name, options };
  if (!focused) fail('data.options', 'autocomplete without a focused option');
  return { kind: 'autocomplete', id, token, userId, locale, name, options, focused };
}

export type Normalized = { ok: true; invocation: Invocation } | { ok: false; reason: string };

/** Validates a raw API interaction (gateway dispatch or HTTP body) and reduces it. */
export function normalizeInteraction(raw: unknown): Normalized {
  try {
    return { ok: true, invocation: reduce(raw) };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, reason: error.message };
    throw error;
  }
}
