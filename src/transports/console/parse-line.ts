import {
  ApplicationCommandOptionType,
  Locale,
  type APIApplicationCommandBasicOption,
} from 'discord-api-types/v10';
import type { MessageCommand, OptionValue, SlashCommand } from '../../core/command.js';
import {
  buttonClick,
  chatInput,
  messageCommand,
  messageFromReply,
  modalSubmit,
  selectChoice,
  type BuiltInteraction,
  type InteractionOptions,
  type OptionValues,
} from '../../core/payloads.js';

/**
 * Turns a typed line such as `/cause slipped disc private:true` into the raw interaction JSON
 * Discord would send for it (a DM with the bot), so the console and `ask` exercise exactly the path
 * the gateway and the HTTP endpoint take.
 */

/** The console is one user in a DM with the bot. */
function fromConsole(locale: string): InteractionOptions {
  return { place: 'dm', userId: '100000000000000001', locale };
}

const DISCORD_LOCALES = new Set<string>(Object.values(Locale));

/**
 * Discord's locale for the user's terminal language: LC_ALL, LC_MESSAGES or LANG (`en_GB.UTF-8`
 * -> `en-GB`, `de_DE` -> `de`), en-US when unset or not one Discord has.
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const setting = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const [tag = ''] = setting.split(/[.@]/);
  const [language = '', region] = tag.split(/[_-]/);
  const full = region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
  if (DISCORD_LOCALES.has(full)) return full;
  if (DISCORD_LOCALES.has(language.toLowerCase())) return language.toLowerCase();
  const sameLanguage = [...DISCORD_LOCALES].find((l) => l.startsWith(`${language.toLowerCase()}-`));
  return language && sameLanguage ? sameLanguage : Locale.EnglishUS;
}

const QUOTES = new Set(['"', "'"]);

/** A value wrapped whole in matching quotes, without them; any other text unchanged (apostrophes stay). */
function unquote(text: string): string {
  const first = text[0];
  return text.length >= 2 && first !== undefined && QUOTES.has(first) && text.at(-1) === first
    ? text.slice(1, -1)
    : text;
}

/**
 * Where a quoted value that starts at `start` ends: just past its closing quote, when that quote is
 * followed by a space or the end of the line; undefined when `start` opens no quoted value.
 */
function quotedEnd(text: string, start: number): number | undefined {
  const quote = text[start];
  if (quote === undefined || !QUOTES.has(quote)) return undefined;
  for (let i = text.indexOf(quote, start + 1); i !== -1; i = text.indexOf(quote, i + 1))
    if (i + 1 === text.length || /\s/.test(text[i + 1] as string)) return i + 1;
  return undefined;
}

export interface SplitOptions {
  /** Text before the first `option:`, for a command's only text option. */
  readonly loose: string;
  /** Each `option:value` in order, the value being all text up to the next known `option:`. */
  readonly named: readonly (readonly [name: string, value: string])[];
}

/**
 * Reads options as Discord's message box does: after `name:` everything up to the next known option
 * (`private:`) is the value, spaces, colons and apostrophes included. A value wrapped whole in
 * quotes has them removed, and nothing inside it is taken for an option. `names` are the command's
 * option names (lower case); any other `word:` is text.
 */
export function splitOptions(text: string, names: ReadonlySet<string>): SplitOptions {
  const named: [string, string][] = [];
  let current: string | undefined;
  let valueStart = 0;
  let loose = '';
  const close = (end: number) => {
    const value = unquote(text.slice(valueStart, end).trim());
    if (current === undefined) loose = value;
    else named.push([current, value]);
  };
  let i = 0;
  let atValueStart = true;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (atValueStart) {
      atValueStart = false;
      const end = quotedEnd(text, i);
      if (end !== undefined) {
        i = end;
        continue;
      }
    }
    const wordStart = i === 0 || /\s/.test(text[i - 1] as string);
    const option = wordStart ? /^([\w-]+):/.exec(text.slice(i, i + 40)) : null;
    const name = option?.[1]?.toLowerCase();
    if (option && name !== undefined && names.has(name)) {
      close(i);
      current = name;
      i += option[0].length;
      valueStart = i;
      atValueStart = true;
      continue;
    }
    i++;
  }
  close(text.length);
  return { loose, named };
}

function basicOptions(command: SlashCommand): APIApplicationCommandBasicOption[] {
  return (command.data.options ?? []).filter(
    (o): o is APIApplicationCommandBasicOption =>
      o.type !== ApplicationCommandOptionType.Subcommand &&
      o.type !== ApplicationCommandOptionType.SubcommandGroup,
  );
}

function optionValue(option: APIApplicationCommandBasicOption, text: string): OptionValue | string {
  switch (option.type) {
    case ApplicationCommandOptionType.Boolean:
      if (/^(true|yes|on)$/i.test(text)) return true;
      if (/^(false|no|off)$/i.test(text)) return false;
      return `${option.name} must be true or false`;
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const n = Number(text);
      const whole = option.type === ApplicationCommandOptionType.Integer;
      return text !== '' && Number.isFinite(n) && (!whole || Number.isInteger(n))
        ? n
        : `${option.name} must be a ${whole ? 'whole ' : ''}number`;
    }
    default:
      return text;
  }
}

export type ParsedLine =
  | { readonly ok: true; readonly interaction: BuiltInteraction }
  | { readonly ok: false; readonly error: string };

/**
 * Parses `/name [value] [option:value ...]` against the command's definition (see splitOptions).
 * `name:` may be left out for a command's only string option; other options must be named. An unknown command is
 * still sent, so the reply is the one Discord users get for a stale command.
 */
export function commandInteraction(
  line: string,
  commands: ReadonlyMap<string, SlashCommand>,
  locale: string,
): ParsedLine {
  const trimmed = line.trim();
  const space = trimmed.search(/\s/);
  const head = space === -1 ? trimmed : trimmed.slice(0, space);
  const name = head.replace(/^\//, '').toLowerCase();
  if (name === '') return { ok: false, error: 'Type a command such as /cause herniated-disc' };
  const command = commands.get(name);
  const definitions = command ? basicOptions(command) : [];
  const strings = definitions.filter((o) => o.type === ApplicationCommandOptionType.String);

  const split = splitOptions(
    space === -1 ? '' : trimmed.slice(space),
    new Set(definitions.map((o) => o.name)),
  );
  const loose = split.loose;
  // In the order typed: text before any option: fills the command's only text option.
  const named = new Map<string, string>();
  if (loose !== '' && command) {
    const only = strings.length === 1 ? strings[0] : undefined;
    if (!only) {
      const known = definitions.map((o) => `${o.name}:`).join(' ');
      return {
        ok: false,
        error: `/${name} has no value to fill with "${loose}"; its options are: ${known || 'none'}`,
      };
    }
    if (split.named.some(([option]) => option === only.name))
      return { ok: false, error: `/${name}: ${only.name} is given twice ("${loose}")` };
    named.set(only.name, loose);
  }
  for (const [option, value] of split.named) {
    if (named.has(option)) return { ok: false, error: `/${name}: ${option} is given twice` };
    if (value === '') return { ok: false, error: `/${name}: ${option}: has no value` };
    named.set(option, value);
  }

  const options: Record<string, { type: ApplicationCommandOptionType; value: OptionValue }> = {};
  for (const [optionName, text] of named) {
    const definition = definitions.find((o) => o.name === optionName);
    if (!definition) continue;
    const value = optionValue(definition, text);
    if (typeof value === 'string' && definition.type !== ApplicationCommandOptionType.String)
      return { ok: false, error: `/${name}: ${value}` };
    options[optionName] = { type: definition.type, value };
  }
  const missing = definitions.filter((o) => o.required && !named.has(o.name)).map((o) => o.name);
  if (missing.length > 0) return { ok: false, error: `/${name} needs ${missing.join(', ')}` };

  return { ok: true, interaction: chatInput(name, options satisfies OptionValues, fromConsole(locale)) };
}

/**
 * What the console calls the message command: `/ask-message <text>` stands for right-clicking a
 * message with that text and choosing Apps -> the app's message command.
 */
export const CONSOLE_MESSAGE_COMMAND = 'ask-message';

/** The message command `name` used on a message whose content is `text` (type 2, data.type 3). */
export function messageCommandInteraction(name: string, text: string, locale: string) {
  return messageCommand(name, { content: text }, fromConsole(locale));
}

/** A submitted form (type 5): each text input's value by its custom_id, in label components. */
export function modalSubmitInteraction(
  customId: string,
  fields: Readonly<Record<string, string>>,
  locale: string,
) {
  return modalSubmit(customId, fields, fromConsole(locale));
}

/**
 * A typed line as the interaction Discord would send: `/ask-message <text>` for the message command
 * (the text is the message's content; quotes around all of it are optional), else a slash command.
 */
export function lineInteraction(
  line: string,
  app: {
    readonly commands: ReadonlyMap<string, SlashCommand>;
    readonly messageCommands: ReadonlyMap<string, MessageCommand>;
  },
  locale: string,
): ParsedLine {
  const trimmed = line.trim();
  const match = /^\/(\S+)(?:\s+([\s\S]*))?$/.exec(trimmed);
  const messageCommand = [...app.messageCommands.values()][0];
  if (match?.[1]?.toLowerCase() === CONSOLE_MESSAGE_COMMAND && messageCommand) {
    const text = unquote((match[2] ?? '').trim());
    return { ok: true, interaction: messageCommandInteraction(messageCommand.data.name, text, locale) };
  }
  return commandInteraction(line, app.commands, locale);
}

/** What a numbered label in a rendered reply opens: a button, or one option of a select menu. */
export type Action =
  | { readonly kind: 'button'; readonly customId: string }
  | { readonly kind: 'select'; readonly customId: string; readonly value: string };

/** The click on a button or select option of a reply we showed (type 3, message component). */
export function componentInteraction(action: Action, messageFlags: number, locale: string): BuiltInteraction {
  const message = messageFromReply({ flags: messageFlags }, fromConsole(locale));
  return action.kind === 'button'
    ? buttonClick(action.customId, message, fromConsole(locale))
    : selectChoice(action.customId, [action.value], message, fromConsole(locale));
}
