import { ComponentType, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';

import {
  autocomplete,
  buttonClick,
  chatInput,
  messageCommand,
  messageFromReply,
  modalSubmit,
  selectChoice,
  type InteractionOptions,
} from '../../src/core/payloads.js';

/**
 * Raw interactions for createApp(bot).handle, from the app's one payload builder: by default a DM
 * with the bot from one user, so calls without `who` share that user's cooldown.
 */

export { snowflake } from '../../src/core/payloads.js';

export interface Who {
  readonly userId?: string;
  /** The user's Discord locale; `null` sends none (the field is absent). Default `en-US`. */
  readonly locale?: string | null;
  /** Interaction id; a fresh one by default. */
  readonly id?: string;
}

function where(who: Who): InteractionOptions {
  return {
    place: 'dm',
    userId: who.userId ?? '1400000000000000001',
    ...(who.locale === undefined ? {} : { locale: who.locale }),
    ...(who.id === undefined ? {} : { id: who.id }),
  };
}

export type OptionInput = Readonly<Record<string, string | boolean>>;

/** A slash command as the user submitted it. */
export function commandInteraction(name: string, values: OptionInput = {}, who: Who = {}) {
  return chatInput(name, values, where(who));
}

/** Autocomplete while the user types `typed` into option `focus`. */
export function autocompleteInteraction(name: string, focus: string, typed: string, who: Who = {}) {
  return autocomplete(name, focus, { [focus]: typed }, where(who));
}

export interface Click {
  readonly customId: string;
  /** Set for a select menu: the chosen option values. */
  readonly values?: readonly string[];
}

/** A click on a button or a choice in a select menu, on a message with the given flags. */
export function componentInteraction(click: Click, messageFlags = 0, who: Who = {}) {
  const message = messageFromReply({ flags: messageFlags }, where(who));
  return click.values
    ? selectChoice(click.customId, click.values, message, where(who))
    : buttonClick(click.customId, message, where(who));
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

/** A message command (type 2, data.type 3) used on a message with this content and these embeds. */
export function messageCommandInteraction(
  name: string,
  message: { readonly content: string; readonly embeds?: readonly Record<string, unknown>[] },
  who: Who = {},
) {
  return messageCommand(name, message, where(who));
}

/** A submitted form: text inputs by custom_id, in label components (or action rows, Discord's older layout). */
export function modalSubmitInteraction(
  customId: string,
  fields: Readonly<Record<string, string>>,
  who: Who = {},
  layout: 'label' | 'row' = 'label',
) {
  return modalSubmit(customId, fields, where(who), layout);
}
