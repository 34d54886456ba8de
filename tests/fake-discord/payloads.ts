import { randomBytes } from 'node:crypto';
import { ChannelType } from 'discord-api-types/v10';
import { APPLICATION_ID, botUser, BOT_USER_ID, guildChannel, member, user } from '../../src/core/payloads.js';

/**
 * What only the fake Discord's gateway sends: READY and GUILD_CREATE, shards and a bot token. The
 * interactions themselves come from the app's one payload builder (src/core/payloads.ts).
 */
export {
  APPLICATION_ID,
  autocomplete,
  botUser,
  buttonClick,
  chatInput,
  GUILD_ID,
  messageCommand,
  messageFromReply,
  modalSubmit,
  selectChoice,
  snowflake,
  type BuiltInteraction,
  type InteractionOptions,
  type OptionValues,
  type Place,
} from '../../src/core/payloads.js';

/** A second server that lands on shard 1 of 2 (Discord's rule: (guild_id >> 22) % shard count). */
export const SECOND_GUILD_ID = '1300000000004194404';

/** A random string shaped like a bot token: "<base64 id>.<timestamp>.<hmac>". */
export function fakeBotToken(applicationId: string): string {
  const id = Buffer.from(applicationId).toString('base64url');
  return `${id}.${randomBytes(4).toString('base64url')}.${randomBytes(27).toString('base64url')}`;
}

/** The shard that receives a server's events. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * What a server holds beyond its one text channel, @everyone and the bot's own member: what a real
 * GUILD_CREATE carries under the Guilds intent (members only for those in voice; no presences).
 */
export interface GuildContents {
  readonly channels: number;
  readonly roles: number;
  readonly emojis: number;
  readonly stickers: number;
  readonly threads: number;
  /** Each with its member, as GUILD_CREATE lists the members in voice. */
  readonly voiceStates: number;
  readonly scheduledEvents: number;
  readonly stageInstances: number;
}

export const EMPTY_GUILD: GuildContents = {
  channels: 0,
  roles: 0,
  emojis: 0,
  stickers: 0,
  threads: 0,
  voiceStates: 0,
  scheduledEvents: 0,
  stageInstances: 0,
};

/** A busy community server. */
export const BUSY_GUILD: GuildContents = {
  channels: 30,
  roles: 20,
  emojis: 50,
  stickers: 5,
  threads: 5,
  voiceStates: 3,
  scheduledEvents: 2,
  stageInstances: 1,
};

/** The nth id inside a server: guild ids handed to the fake are spaced so these never collide. */
function idIn(guildId: string, n: number): string {
  return (BigInt(guildId) + 16n + BigInt(n)).toString();
}

const CREATED_AT = '2024-01-01T00:00:00.000000+00:00';

function role(guildId: string, n: number) {
  return {
    id: idIn(guildId, 1_000 + n),
    name: `role ${n}`,
    color: 3447003,
    colors: { primary_color: 3447003, secondary_color: null, tertiary_color: null },
    hoist: n < 3,
    icon: null,
    unicode_emoji: null,
    position: n + 1,
    permissions: '1071698660929',
    managed: false,
    mentionable: true,
    flags: 0,
  };
}

/** Categories, text and voice channels in turn, each with two permission overwrites. */
function channel(guildId: string, n: number) {
  const type = [ChannelType.GuildCategory, ChannelType.GuildText, ChannelType.GuildVoice][n % 3];
  const common = {
    id: idIn(guildId, n),
    type,
    guild_id: guildId,
    name: `channel-${n}`,
    position: n,
    flags: 0,
    permission_overwrites: [
      { id: guildId, type: 0, allow: '0', deny: '1024' },
      { id: idIn(guildId, 1_000), type: 0, allow: '3072', deny: '0' },
    ],
  };
  if (type === ChannelType.GuildCategory) return common;
  const parent = { parent_id: idIn(guildId, n - (n % 3)), nsfw: false, rate_limit_per_user: 0 };
  if (type === ChannelType.GuildVoice)
    return { ...common, ...parent, bitrate: 64000, user_limit: 0, rtc_region: null, last_message_id: null };
  return {
    ...common,
    ...parent,
    topic: 'Talk about anything here, and please read the rules first.',
    last_message_id: idIn(guildId, 9_000 + n),
    default_thread_rate_limit_per_user: 0,
  };
}

function thread(guildId: string, n: number) {
  return {
    id: idIn(guildId, 2_000 + n),
    type: ChannelType.PublicThread,
    guild_id: guildId,
    parent_id: idIn(guildId, 1),
    owner_id: idIn(guildId, 5_000 + n),
    name: `thread ${n}`,
    last_message_id: idIn(guildId, 9_500 + n),
    rate_limit_per_user: 0,
    flags: 0,
    message_count: 12,
    member_count: 3,
    total_message_sent: 12,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: CREATED_AT,
      locked: false,
      create_timestamp: CREATED_AT,
    },
  };
}

/** The Guilds intent's extra contents of a server, for `guildCreate`. */
function contentsOf(guildId: string, c: GuildContents) {
  const range = (count: number) => Array.from({ length: count }, (_, n) => n);
  const voiceUser = (n: number) => idIn(guildId, 5_000 + n);
  return {
    roles: range(c.roles).map((n) => role(guildId, n)),
    emojis: range(c.emojis).map((n) => ({
      id: idIn(guildId, 3_000 + n),
      name: `emoji_${n}`,
      roles: [],
      require_colons: true,
      managed: false,
      animated: n % 5 === 0,
      available: true,
    })),
    stickers: range(c.stickers).map((n) => ({
      id: idIn(guildId, 4_000 + n),
      name: `sticker ${n}`,
      tags: 'smile',
      type: 2,
      format_type: 1,
      description: null,
      available: true,
      guild_id: guildId,
    })),
    channels: range(c.channels).map((n) => channel(guildId, n)),
    threads: range(c.threads).map((n) => thread(guildId, n)),
    members: range(c.voiceStates).map((n) => ({ ...member(voiceUser(n)), user: user(voiceUser(n)) })),
    voice_states: range(c.voiceStates).map((n) => ({
      user_id: voiceUser(n),
      channel_id: idIn(guildId, 2),
      session_id: `${guildId}${n}`,
      deaf: false,
      mute: false,
      self_deaf: false,
      self_mute: n % 2 === 0,
      self_video: false,
      self_stream: false,
      suppress: false,
      request_to_speak_timestamp: null,
    })),
    stage_instances: range(c.stageInstances).map((n) => ({
      id: idIn(guildId, 6_000 + n),
      guild_id: guildId,
      channel_id: idIn(guildId, 2),
      topic: 'Weekly chat',
      privacy_level: 2,
      discoverable_disabled: false,
      guild_scheduled_event_id: null,
    })),
    guild_scheduled_events: range(c.scheduledEvents).map((n) => ({
      id: idIn(guildId, 7_000 + n),
      guild_id: guildId,
      channel_id: idIn(guildId, 2),
      creator_id: idIn(guildId, 5_000),
      name: `Event ${n}`,
      description: 'A get-together in the voice channel.',
      scheduled_start_time: '2030-01-01T18:00:00.000000+00:00',
      scheduled_end_time: null,
      privacy_level: 2,
      status: 1,
      entity_type: 2,
      entity_id: null,
      entity_metadata: null,
      user_count: 4,
      image: null,
      recurrence_rule: null,
    })),
  };
}

/**
 * GUILD_CREATE for a server the bot is in: the full object discord.js caches, by default with one
 * text channel, @everyone and the bot's own member; `contents` adds what a populated server holds.
 */
export function guildCreate(guildId: string, contents: GuildContents = EMPTY_GUILD) {
  const extra = contentsOf(guildId, contents);
  return {
    id: guildId,
    name: `Test server ${guildId.slice(-3)}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: '1300000000000000900',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    preferred_locale: 'en-US',
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    application_id: null,
    widget_enabled: false,
    widget_channel_id: null,
    features: [],
    incidents_data: null,
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    large: false,
    unavailable: false,
    lazy: true,
    member_count: 2 + contents.voiceStates,
    roles: [
      {
        id: guildId,
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: '2248473465835073',
        managed: false,
        mentionable: false,
        flags: 0,
      },
      ...extra.roles,
    ],
    emojis: extra.emojis,
    stickers: extra.stickers,
    soundboard_sounds: [],
    channels: [guildChannel(guildId), ...extra.channels],
    threads: extra.threads,
    members: [{ ...member(BOT_USER_ID), user: botUser() }, ...extra.members],
    presences: [],
    voice_states: extra.voice_states,
    stage_instances: extra.stage_instances,
    guild_scheduled_events: extra.guild_scheduled_events,
    embedded_activities: [],
    activity_instances: [],
    version: 1,
  };
}

/** READY for one shard: the bot user, its servers as unavailable stubs, the session to resume. */
export function ready(input: {
  sessionId: string;
  resumeGatewayUrl: string;
  shard: readonly [number, number];
  guildIds: readonly string[];
}) {
  return {
    v: 10,
    user_settings: {},
    user: { ...botUser(), verified: true, mfa_enabled: false, email: null },
    guilds: input.guildIds.map((id) => ({ id, unavailable: true })),
    guild_join_requests: [],
    relationships: [],
    private_channels: [],
    presences: [],
    sessions: [],
    session_id: input.sessionId,
    session_type: 'normal',
    resume_gateway_url: input.resumeGatewayUrl,
    shard: input.shard,
    application: { id: APPLICATION_ID, flags: 0 },
    auth: {},
    geo_ordered_rtc_regions: ['us-east'],
  };
}
