import {
  ApplicationCommandOptionType,
  ComponentType,
  InteractionType,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';

/**
 * Raw interaction JSON as Discord sends it (gateway dispatch data or HTTP body), trimmed to the
 * fields the bot reads plus the ones every real interaction has. Feed these to createApp(bot).handle.
 */

export interface Who {
  readonly userId?: string;
  /** The user's Discord locale; `null` sends none (the field is absent). Default `en-US`. */
  readonly locale?: string | null;
  /** Interaction id; a fresh one by default. */
  readonly id?: string;
}

let nextId = 1_300_000_000_000_000_000n;
/** A fresh snowflake-shaped interaction id. */
export function freshId(): string {
  nextId += 1n;
  return String(nextId);
}

const APPLICATION_ID = '1100000000000000001';

function base(type: InteractionType, who: Who) {
  const id = who.id ?? freshId();
  return {
    id,
    application_id: APPLICATION_ID,
    type,
    token: `token-${id}`,
    version: 1,
    ...(who.locale === null ? {} : { locale: who.locale ?? 'en-US' }),
    guild_locale: 'en-US',
    channel_id: '1200000000000000001',
    user: {
      id: who.userId ?? '1400000000000000001',
      username: 'tester',
      discriminator: '0',
      global_name: null,
    },
    entitlements: [],
    authorizing_integration_owners: { '1': who.userId ?? '1400000000000000001' },
    context: 1,
  };
}

export type OptionInput = Readonly<Record<string, string | boolean>>;

function options(values: OptionInput, focused?: string) {
  return Object.entries(values).map(([name, value]) => ({
    name,
    type:
      typeof value === 'boolean' ? ApplicationCommandOptionType.Boolean : ApplicationCommandOptionType.String,
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}

/** A slash command as the user submitted it. */
export function commandInteraction(name: string, values: OptionInput = {}, who: Who = {}) {
  return {
    ...base(InteractionType.ApplicationCommand, who),
    data: { id: '1500000000000000001', name, type: 1, options: options(values) },
  };
}

/** Autocomplete while the user types `typed` into option `focus`. */
export function autocompleteInteraction(name: string, focus: string, typed: string, who: Who = {}) {
  return {
    ...base(InteractionType.ApplicationCommandAutocomplete, who),
    data: { id: '1500000000000000001', name, type: 1, options: options({ [focus]: typed }, focus) },
  };
}

export interface Click {
  readonly customId: string;
  /** Set for a select menu: the chosen option values. */
  readonly values?: readonly string[];
}

/** A click on a button or a choice in a select menu, on a message with the given flags. */
export function componentInteraction(click: Click, messageFlags = 0, who: Who = {}) {
  return {
    ...base(InteractionType.MessageComponent, who),
    data: click.values
      ? { custom_id: click.customId, component_type: ComponentType.StringSelect, values: [...click.values] }
      : { custom_id: click.customId, component_type: ComponentType.Button },
    message: { id: '1600000000000000001', channel_id: '1200000000000000001', flags: messageFlags },
  };
}

/** Every click a message offers: each button, and each option of each select menu. */
export function clicksOf(data: APIInteractionResponseCallbackData): Click[] {
  const out: Click[] = [];
  for (const row of data.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const c of row.components) {
      if (c.type === ComponentType.Button && 'custom_id' in c) out.push({ customId: c.custom_id });
      if (c.type === ComponentType.StringSelect)
        for (const o of c.options) out.push({ customId: c.custom_id, values: [o.value] });
    }
  }
  return out;
}
