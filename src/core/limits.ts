import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';

const BUTTON_STYLES = new Set<unknown>(Object.values(ButtonStyle).filter((v) => typeof v === 'number'));

/** Discord's message limits (see docs/discord-facts.md). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedsTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/**
 * What Discord lets a user send (see docs/discord-facts.md): a string option holds at most 6,000
 * characters, and this app's `name` options declare max_length 100. The app cuts anything longer
 * before any search, since a request need not come from Discord.
 */
export const INPUT_LIMITS = {
  optionValue: 6000,
  nameOption: 100,
  customId: 100,
  /** A message's content: 2,000 characters, 4,000 with Nitro. */
  messageContent: 4000,
  /** All of a message's embeds together. */
  embedsText: 6000,
  /** A modal's text input value. */
  textInput: 4000,
} as const;

/** Every way a message breaks Discord's limits, as readable lines; empty when it fits. */
export function limitViolations(data: APIInteractionResponseCallbackData): string[] {
  const out: string[] = [];
  const over = (what: string, len: number, max: number) => {
    if (len > max) out.push(`${what} is ${len} > ${max}`);
  };
  const under1 = (what: string, len: number) => {
    if (len < 1) out.push(`${what} is empty`);
  };
  over('content', data.content?.length ?? 0, LIMITS.content);
  const embeds = data.embeds ?? [];
  over('embeds', embeds.length, LIMITS.embeds);
  let total = 0;
  embeds.forEach((e, i) => {
    const t = e.title?.length ?? 0;
    const d = e.description?.length ?? 0;
    const f = e.footer?.text.length ?? 0;
    const a = e.author?.name.length ?? 0;
    over(`embed ${i} title`, t, LIMITS.embedTitle);
    if (e.title !== undefined) under1(`embed ${i} title`, t);
    if (e.color !== undefined && !(Number.isInteger(e.color) && e.color >= 0 && e.color <= 0xffffff))
      out.push(`embed ${i} color ${e.color} is not a colour from 0 to 0xFFFFFF`);
    if (e.footer !== undefined) under1(`embed ${i} footer`, f);
    over(`embed ${i} description`, d, LIMITS.embedDescription);
    over(`embed ${i} footer`, f, LIMITS.footer);
    over(`embed ${i} author`, a, LIMITS.author);
    const fields = e.fields ?? [];
    over(`embed ${i} fields`, fields.length, LIMITS.embedFields);
    total += t + d + f + a;
    fields.forEach((field, j) => {
      over(`embed ${i} field ${j} name`, field.name.length, LIMITS.fieldName);
      over(`embed ${i} field ${j} value`, field.value.length, LIMITS.fieldValue);
      under1(`embed ${i} field ${j} name`, field.name.length);
      under1(`embed ${i} field ${j} value`, field.value.length);
      total += field.name.length + field.value.length;
    });
  });
  over('all embeds together', total, LIMITS.embedsTotal);
  const rows = data.components ?? [];
  over('action rows', rows.length, LIMITS.actionRows);
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    if (row.type !== ComponentType.ActionRow) return;
    const parts = row.components;
    const selects = parts.filter((c) => c.type === ComponentType.StringSelect);
    if (selects.length > 0 && parts.length > 1)
      out.push(`row ${i} mixes a select menu with other components`);
    over(`row ${i} buttons`, parts.length, LIMITS.buttonsPerRow);
    for (const c of parts) {
      if ('custom_id' in c) {
        over(`row ${i} custom_id`, c.custom_id.length, LIMITS.customId);
        under1(`row ${i} custom_id`, c.custom_id.length);
        if (ids.has(c.custom_id)) out.push(`custom_id ${c.custom_id} is used twice`);
        ids.add(c.custom_id);
      }
      if (c.type === ComponentType.Button && 'label' in c)
        over(`row ${i} button label`, c.label?.length ?? 0, LIMITS.buttonLabel);
      if (c.type === ComponentType.Button && !BUTTON_STYLES.has(c.style))
        out.push(`row ${i} button style ${String(c.style)} is not one Discord has`);
      if (c.type === ComponentType.StringSelect) {
        over(`row ${i} select options`, c.options.length, LIMITS.selectOptions);
        under1(`row ${i} select options`, c.options.length);
        over(`row ${i} placeholder`, c.placeholder?.length ?? 0, LIMITS.selectPlaceholder);
        for (const o of c.options) {
          over(`row ${i} option label`, o.label.length, LIMITS.selectOptionText);
          over(`row ${i} option value`, o.value.length, LIMITS.selectOptionText);
          over(`row ${i} option description`, o.description?.length ?? 0, LIMITS.selectOptionText);
        }
      }
    }
  });
  return out;
}
