import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  MessageType,
  type APIApplicationCommandInteractionDataOption,
  type APIInteractionResponseCallbackData,
  type APIMessage,
} from 'discord-api-types/v10';
import type { OptionValue } from './command.js';

/**
 * Raw interactions as Discord sends them (gateway dispatch data or HTTP body), made up for the
 * console, the tests and the local fake Discord. Each carries the fields real Discord sends and
 * discord.js reads without a guard (entitlements, authorizing_integration_owners, member or user,
 * a full message on components), so the same payload serves the app and a discord.js client.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/**
 * A fresh snowflake: milliseconds since Discord's epoch, then a process-wide counter, so ids are
 * unique (the error reply quotes the interaction id as its code) and ordered.
 */
export function snowflake(): string {
  increment = (increment + 1n) & 0x3fffffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

export const APPLICATION_ID = '1300000000000000001';
export const GUILD_ID = '1300000000000000100';
const GUILD_CHANNEL_ID = '1300000000000000101';
export const BOT_USER_ID = APPLICATION_ID;
/** Every permission bit Discord gives an app in a plain text channel, as a decimal string. */
const APP_PERMISSIONS = '2248473465835073';
const MEMBER_PERMISSIONS = '2248473465835073';
const DEFAULT_USER = '1300000000000000500';

export function user(id: string, username = `user${id.slice(-4)}`) {
  return {
    id,
    username,
    discriminator: '0',
    global_name: username,
    avatar: null,
    public_flags: 0,
    flags: 0,
    avatar_decoration_data: null,
    primary_guild: null,
    collectibles: null,
  };
}

/** A DM channel as Discord sends it inside an interaction, with its one other recipient. */
function dmChannel(id: string, recipient: ReturnType<typeof user>) {
  return { id, type: ChannelType.DM, last_message_id: null, flags: 0, recipients: [recipient] };
}

export function botUser() {
  return { ...user(BOT_USER_ID, 'hip-back-bot'), bot: true, global_name: null };
}

export function member(userId: string) {
  return {
    user: user(userId),
    roles: [],
    premium_since: null,
    permissions: MEMBER_PERMISSIONS,
    pending: false,
    nick: null,
    mute: false,
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    flags: 0,
    deaf: false,
    communication_disabled_until: null,
    unusual_dm_activity_until: null,
    avatar: null,
    banner: null,
  };
}

/** Where an interaction happens: a server channel, a DM with the bot, or a user-installed app elsewhere. */
export type Place = 'guild' | 'dm' | 'user-install';

/** The id of a server's text channel. */
function channelOf(guildId: string): string {
  return guildId === GUILD_ID ? GUILD_CHANNEL_ID : (BigInt(guildId) + 1n).toString();
}

export function guildChannel(guildId: string) {
  return {
    id: channelOf(guildId),
    type: ChannelType.GuildText,
    guild_id: guildId,
    name: 'general',
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
    permissions: APP_PERMISSIONS,
  };
}

/** The place-specific fields of an interaction: guild and member, or channel and user only. */
function placeFields(place: Place, userId: string, guildId: string): Record<string, unknown> {
  if (place === 'guild') {
    return {
      guild_id: guildId,
      guild: { id: guildId, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      channel_id: channelOf(guildId),
      channel: guildChannel(guildId),
      member: member(userId),
      context: InteractionContextType.Guild,
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
    };
  }
  if (place === 'dm') {
    const channelId = `14${userId.slice(-17).padStart(17, '0')}`;
    return {
      channel_id: channelId,
      channel: dmChannel(channelId, user(userId)),
      user: user(userId),
      context: InteractionContextType.BotDM,
      authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: userId },
    };
  }
  // A user-installed app used in a DM between two other people: the bot is no member of it.
  const channelId = `15${userId.slice(-17).padStart(17, '0')}`;
  return {
    channel_id: channelId,
    channel: dmChannel(channelId, user('1300000000000000999', 'friend')),
    user: user(userId),
    context: InteractionContextType.PrivateChannel,
    authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: userId },
  };
}

export interface InteractionOptions {
  readonly userId?: string;
  readonly place?: Place;
  /** For `place: 'guild'`: which server (default GUILD_ID). */
  readonly guildId?: string;
  /** The user's Discord locale; `null` sends none (the field is absent). Default `en-US`. */
  readonly locale?: string | null;
  /** The interaction id; a fresh snowflake by default. */
  readonly id?: string;
}

export interface BuiltInteraction {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionType;
  readonly [field: string]: unknown;
}

function interaction<D>(
  type: InteractionType,
  data: D,
  options: InteractionOptions,
  extra: Record<string, unknown> = {},
): BuiltInteraction & { readonly data: D } {
  const userId = options.userId ?? DEFAULT_USER;
  return {
    id: options.id ?? snowflake(),
    application_id: APPLICATION_ID,
    type,
    data,
    token: `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`,
    version: 1,
    app_permissions: APP_PERMISSIONS,
    ...(options.locale === null ? {} : { locale: options.locale ?? 'en-US' }),
    entitlements: [],
    attachment_size_limit: 10_485_760,
    ...placeFields(options.place ?? 'guild', userId, options.guildId ?? GUILD_ID),
    ...extra,
  };
}

/** An option value with the type Discord gives it, where the value alone does not say (an integer). */
export interface TypedOptionValue {
  readonly type: ApplicationCommandOptionType;
  readonly value: OptionValue;
}

/** A command's option values by name, as typed: strings, numbers or booleans. */
export type OptionValues = Readonly<Record<string, OptionValue | TypedOptionValue>>;

function optionType(value: OptionValue): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') return ApplicationCommandOptionType.Number;
  return ApplicationCommandOptionType.String;
}

function commandOptions(
  values: OptionValues,
  focused?: string,
): APIApplicationCommandInteractionDataOption[] {
  return Object.entries(values).map(([name, given]) => {
    const { type, value } = typeof given === 'object' ? given : { type: optionType(given), value: given };
    return {
      name,
      type,
      value,
      ...(name === focused ? { focused: true } : {}),
    } as APIApplicationCommandInteractionDataOption;
  });
}

/** A command id per name, as registered. */
function commandId(name: string): string {
  let hash = 0n;
  for (const ch of name) hash = (hash * 31n + BigInt(ch.codePointAt(0) ?? 0)) & 0xffffffffn;
  return (1_310_000_000_000_000_000n + hash).toString();
}

/** A slash command invocation (type 2, chat input). */
export function chatInput(name: string, values: OptionValues = {}, options: InteractionOptions = {}) {
  const data = {
    id: commandId(name),
    name,
    type: ApplicationCommandType.ChatInput,
    ...(Object.keys(values).length > 0 ? { options: commandOptions(values) } : {}),
    ...((options.place ?? 'guild') === 'guild' ? { guild_id: options.guildId ?? GUILD_ID } : {}),
  };
  return interaction(InteractionType.ApplicationCommand, data, options);
}

/** An autocomplete request (type 4) while the user types into `focused`. */
export function autocomplete(
  name: string,
  focused: string,
  values: OptionValues,
  options: InteractionOptions = {},
) {
  const data = {
    id: commandId(name),
    name,
    type: ApplicationCommandType.ChatInput,
    options: commandOptions(values, focused),
  };
  return interaction(InteractionType.ApplicationCommandAutocomplete, data, options);
}

/**
 * The message a component sits on, as Discord delivers it with a click: the bot's earlier reply
 * (its embeds, components and flags) with the metadata of the interaction that created it.
 */
export function messageFromReply(
  reply: APIInteractionResponseCallbackData,
  options: InteractionOptions = {},
): APIMessage {
  const userId = options.userId ?? DEFAULT_USER;
  const place = options.place ?? 'guild';
  const fields = placeFields(place, userId, options.guildId ?? GUILD_ID);
  return {
    id: snowflake(),
    channel_id: fields.channel_id as string,
    author: botUser(),
    content: reply.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: reply.embeds ?? [],
    pinned: false,
    type: MessageType.ChatInputCommand,
    flags: reply.flags ?? 0,
    components: reply.components ?? [],
    application_id: APPLICATION_ID,
    webhook_id: APPLICATION_ID,
    interaction_metadata: {
      id: snowflake(),
      type: InteractionType.ApplicationCommand,
      user: user(userId),
      authorizing_integration_owners: fields.authorizing_integration_owners as Record<string, string>,
    },
  } as unknown as APIMessage;
}

/** A button click on `message`. */
export function buttonClick(customId: string, message: APIMessage, options: InteractionOptions = {}) {
  return interaction(
    InteractionType.MessageComponent,
    { custom_id: customId, component_type: ComponentType.Button },
    options,
    { message },
  );
}

/** A string select menu choice on `message`. */
export function selectChoice(
  customId: string,
  values: readonly string[],
  message: APIMessage,
  options: InteractionOptions = {},
) {
  return interaction(
    InteractionType.MessageComponent,
    { custom_id: customId, component_type: ComponentType.StringSelect, values },
    options,
    { message },
  );
}

/**
 * A message command (type 2, data.type 3) used on someone else's message with this content and
 * embeds: Discord resolves the target message into data.resolved.messages.
 */
export function messageCommand(
  name: string,
  message: { readonly content: string; readonly embeds?: readonly Record<string, unknown>[] },
  options: InteractionOptions = {},
) {
  const place = options.place ?? 'guild';
  const fields = placeFields(place, options.userId ?? DEFAULT_USER, options.guildId ?? GUILD_ID);
  const targetId = snowflake();
  const target = {
    id: targetId,
    channel_id: fields.channel_id as string,
    author: user('1300000000000000777', 'author777'),
    content: message.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: message.embeds ?? [],
    pinned: false,
    type: MessageType.Default,
    flags: 0,
    components: [],
  };
  const data = {
    id: commandId(name),
    name,
    type: ApplicationCommandType.Message,
    target_id: targetId,
    resolved: { messages: { [targetId]: target } },
    ...(place === 'guild' ? { guild_id: options.guildId ?? GUILD_ID } : {}),
  };
  return interaction(InteractionType.ApplicationCommand, data, options);
}

/**
 * A submitted form (type 5): each text input's value by custom_id, in label components as Discord
 * sends them now, or in action rows (its older layout).
 */
export function modalSubmit(
  customId: string,
  values: Readonly<Record<string, string>>,
  options: InteractionOptions = {},
  layout: 'label' | 'row' = 'label',
) {
  const components = Object.entries(values).map(([id, value], n) => {
    const input = { type: ComponentType.TextInput, id: 2 * n + 2, custom_id: id, value };
    return layout === 'label'
      ? { type: ComponentType.Label, id: 2 * n + 1, component: input }
      : { type: ComponentType.ActionRow, id: 2 * n + 1, components: [input] };
  });
  return interaction(InteractionType.ModalSubmit, { custom_id: customId, components }, options);
}
