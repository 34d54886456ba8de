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
  // Each check names its place as (where, what); the line is only written for a violation, since a
  // reply is checked on every answer and almost always fits.
  const over = (where: string, what: string, len: number, max: number) => {
    if (len > max) out.push(`${where}${what} is ${len} > ${max}`);
  };
  const under1 = (where: string, what: string, len: number) => {
    if (len < 1) out.push(`${where}${what} is empty`);
  };
  over('', 'content', data.content?.length ?? 0, LIMITS.content);
  const embeds = data.embeds ?? [];
  over('', 'embeds', embeds.length, LIMITS.embeds);
  let total = 0;
  embeds.forEach((e, i) => {
    const where = `embed ${i} `;
    const t = e.title?.length ?? 0;
    const d = e.description?.length ?? 0;
    const f = e.footer?.text.length ?? 0;
    const a = e.author?.name.length ?? 0;
    over(where, 'title', t, LIMITS.embedTitle);
    if (e.title !== undefined) under1(where, 'title', t);
    if (e.color !== undefined && !(Number.isInteger(e.color) && e.color >= 0 && e.color <= 0xffffff))
      out.push(`${where}color ${e.color} is not a colour from 0 to 0xFFFFFF`);
    if (e.footer !== undefined) under1(where, 'footer', f);
    over(where, 'description', d, LIMITS.embedDescription);
    over(where, 'footer', f, LIMITS.footer);
    over(where, 'author', a, LIMITS.author);
    const fields = e.fields ?? [];
    over(where, 'fields', fields.length, LIMITS.embedFields);
    total += t + d + f + a;
    fields.forEach((field, j) => {
      const name = field.name.length;
      const value = field.value.length;
      if (name > LIMITS.fieldName || value > LIMITS.fieldValue || name < 1 || value < 1) {
        const place = `${where}field ${j} `;
        over(place, 'name', name, LIMITS.fieldName);
        over(place, 'value', value, LIMITS.fieldValue);
        under1(place, 'name', name);
        under1(place, 'value', value);
      }
      total += name + value;
    });
  });
  over('', 'all embeds together', total, LIMITS.embedsTotal);
  const rows = data.components ?? [];
  over('', 'action rows', rows.length, LIMITS.actionRows);
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    if (row.type !== ComponentType.ActionRow) return;
    const where = `row ${i} `;
    const parts = row.components;
    if (parts.length > 1 && parts.some((c) => c.type === ComponentType.StringSelect))
      out.push(`${where}mixes a select menu with other components`);
    over(where, 'buttons', parts.length, LIMITS.buttonsPerRow);
    for (const c of parts) {
      if ('custom_id' in c) {
        over(where, 'custom_id', c.custom_id.length, LIMITS.customId);
        under1(where, 'custom_id', c.custom_id.length);
        if (ids.has(c.custom_id)) out.push(`custom_id ${c.custom_id} is used twice`);
        ids.add(c.custom_id);
      }
      if (c.type === ComponentType.Button && 'label' in c)
        over(where, 'button label', c.label?.length ?? 0, LIMITS.buttonLabel);
      if (c.type === ComponentType.Button && !BUTTON_STYLES.has(c.style))
        out.push(`${where}button style ${String(c.style)} is not one Discord has`);
      if (c.type === ComponentType.StringSelect) {
        over(where, 'select options', c.options.length, LIMITS.selectOptions);
        under1(where, 'select options', c.options.length);
        over(where, 'placeholder', c.placeholder?.length ?? 0, LIMITS.selectPlaceholder);
        for (const o of c.options) {
          over(where, 'option label', o.label.length, LIMITS.selectOptionText);
          over(where, 'option value', o.value.length, LIMITS.selectOptionText);
          over(where, 'option description', o.description?.length ?? 0, LIMITS.selectOptionText);
        }
      }
    }
  });
  return out;
}
