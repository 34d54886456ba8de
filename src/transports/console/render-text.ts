import { styleText } from 'node:util';
import {
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  type APIEmbed,
  type APIInteractionResponse,
  type APIMessageTopLevelComponent,
  type APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { Action } from './parse-line.js';

/** A reply as terminal text, with the buttons and menu options its numbers open. */
export interface RenderedReply {
  readonly text: string;
  readonly actions: readonly Action[];
  /** The reply's message flags, which a click on it reports back (a private reply updates in place). */
  readonly flags: number;
}

type Style = Parameters<typeof styleText>[0];

/**
 * Shows Discord markdown the way the Discord client would: bold as bold, escaped characters as
 * themselves, `<url>` (a link without preview) as the plain URL.
 */
function inline(text: string, paint: (style: Style, s: string) => string): string {
  return text
    .replace(/\*\*(.+?)\*\*/gs, (_, bold: string) => paint('bold', bold))
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\\([^\w\s])/g, '$1')
    .replace(/\u200b/g, '');
}

/** An embed without its footer: the reply's last footer (the provider recommendation) closes the whole text. */
function renderEmbed(embed: APIEmbed, paint: (style: Style, s: string) => string): string[] {
  const lines: string[] = [];
  if (embed.title) lines.push(paint('bold', paint('cyan', inline(embed.title, paint))));
  if (embed.description) lines.push(inline(embed.description, paint));
  for (const field of embed.fields ?? []) {
    lines.push('', paint('bold', inline(field.name, paint)), inline(field.value, paint));
  }
  return lines;
}

function renderComponents(
  rows: readonly APIMessageTopLevelComponent[],
  paint: (style: Style, s: string) => string,
): { lines: string[]; actions: Action[] } {
  const lines: string[] = [];
  const actions: Action[] = [];
  const number = () => paint('yellow', `[${actions.length}]`);
  for (const row of rows) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const component of row.components) {
      if (component.type === ComponentType.Button && 'custom_id' in component) {
        actions.push({ kind: 'button', customId: component.custom_id });
        lines.push(`  ${number()} ${component.label ?? component.custom_id}`);
      } else if (component.type === ComponentType.StringSelect) {
        lines.push(`  ${component.placeholder ?? 'Choose one'}:`);
        for (const option of component.options) {
          actions.push({ kind: 'select', customId: component.custom_id, value: option.value });
          const note = option.description ? paint('dim', ` - ${option.description}`) : '';
          lines.push(`    ${number()} ${option.label}${note}`);
        }
      }
    }
  }
  return { lines, actions };
}

export interface ModalInput {
  readonly customId: string;
  readonly label: string;
  readonly placeholder: string | undefined;
  readonly maxLength: number | undefined;
}

/** The text inputs of a form (modal), in label components or in action rows (older forms). */
export function modalInputs(data: APIModalInteractionResponseCallbackData): ModalInput[] {
  const out: ModalInput[] = [];
  for (const c of data.components) {
    if (c.type === ComponentType.Label && c.component.type === ComponentType.TextInput) {
      const t = c.component;
      out.push({
        customId: t.custom_id,
        label: c.label,
        placeholder: t.placeholder,
        maxLength: t.max_length,
      });
    } else if (c.type === ComponentType.ActionRow) {
      for (const t of c.components)
        out.push({
          customId: t.custom_id,
          label: t.label ?? t.custom_id,
          placeholder: t.placeholder,
          maxLength: t.max_length,
        });
    }
  }
  return out;
}

export interface RenderOptions {
  /** Colour, only for a terminal. */
  readonly color: boolean;
  /** The line above the numbered buttons and menu options, saying what the numbers are for. */
  readonly actionsHeading: string;
  /** Flags of the message an update (type 7) replaces: it stays as private as it was. */
  readonly replacedFlags?: number;
}

/** Renders an interaction response as readable text. */
export function renderReply(response: APIInteractionResponse, options: RenderOptions): RenderedReply {
  const { color } = options;
  // validateStream off: the caller decides (colour on a terminal), whichever stream the text goes to.
  const paint = (style: Style, s: string) => (color ? styleText(style, s, { validateStream: false }) : s);
  if (response.type === InteractionResponseType.Modal) {
    const inputs = modalInputs(response.data);
    const lines = inputs.map(
      (i) => `  ${i.label}${i.placeholder ? paint('dim', ` (${i.placeholder})`) : ''}`,
    );
    return {
      text: [paint('bold', `Form: ${response.data.title}`), ...lines].join('\n'),
      actions: [],
      flags: 0,
    };
  }
  if (
    response.type !== InteractionResponseType.ChannelMessageWithSource &&
    response.type !== InteractionResponseType.UpdateMessage
  ) {
    return { text: `(interaction response type ${response.type})`, actions: [], flags: 0 };
  }
  const data = response.data ?? {};
  const flags =
    response.type === InteractionResponseType.UpdateMessage
      ? (options.replacedFlags ?? 0)
      : Number(data.flags ?? 0);
  const blocks: string[][] = [];
  if ((flags & MessageFlags.Ephemeral) !== 0) blocks.push([paint('dim', '(only you can see this)')]);
  if (data.content) blocks.push([inline(data.content, paint)]);
  const embeds = data.embeds ?? [];
  for (const [i, embed] of embeds.entries()) {
    blocks.push(renderEmbed(embed, paint));
    if (embed.footer?.text && i < embeds.length - 1)
      blocks.push([paint('dim', inline(embed.footer.text, paint))]);
  }
  const { lines, actions } = renderComponents(data.components ?? [], paint);
  if (lines.length > 0) blocks.push([paint('dim', options.actionsHeading), ...lines]);
  // Discord shows the footer under the embed; here it comes last, so the reply ends with it as in Discord.
  const footer = embeds.at(-1)?.footer?.text;
  if (footer) blocks.push([paint('italic', inline(footer, paint))]);
  return { text: blocks.map((b) => b.join('\n')).join('\n\n'), actions, flags };
}
