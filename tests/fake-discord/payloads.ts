import { randomBytes } from 'node:crypto';
import { APPLICATION_ID, botUser, BOT_USER_ID, guildChannel, member } from '../../src/core/payloads.js';

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

/** GUILD_CREATE for a server the bot is in: the full object discord.js caches. */
export function guildCreate(guildId: string) {
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
    member_count: 2,
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
    ],
    emojis: [],
    stickers: [],
    soundboard_sounds: [],
    channels: [guildChannel(guildId)],
    threads: [],
    members: [{ ...member(BOT_USER_ID), user: botUser() }],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
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
