import {
  ActionRowBuilder,
  ButtonBuilder,
  EmbedBuilder,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  type MessageActionRowComponentBuilder,
} from '@discordjs/builders';
import {
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  TextInputStyle,
  type APIInteractionResponse,
  type APIEmbed,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { PROVIDER_RECOMMENDATION, type Source } from '../../content/index.js';
import { escapeUserText } from './escape.js';
import { LIMITS, limitViolations } from './limits.js';

/** Text the user typed, echoed back. The reply builder escapes it; nothing else may. */
export interface UserText {
  readonly user: string;
}
/** Reply text: plain strings from the content module, with any echoed user text marked. */
export type Rich = string | readonly (string | UserText)[];

export interface FieldDraft {
  readonly name: string;
  readonly value: Rich;
}

export interface EmbedDraft {
  readonly title: string;
  readonly description: Rich;
  readonly fields?: readonly FieldDraft[];
  readonly color?: number;
}

export interface ButtonDraft {
  readonly label: string;
  readonly customId: string;
  readonly style?: 'primary' | 'secondary' | 'danger';
}

export interface SelectDraft {
  readonly customId: string;
  readonly placeholder: string;
  readonly options: readonly {
    readonly label: string;
    readonly value: string;
    readonly description?: string;
  }[];
}

/** What a command returns. It says what to show; the reply builder makes it a Discord message. */
export interface ReplyDraft {
  readonly embeds: readonly EmbedDraft[];
  /** Credited in the last embed, before the provider recommendation. */
  readonly sources?: readonly Source[];
  readonly buttons?: readonly ButtonDraft[];
  readonly select?: SelectDraft;
  /** Private reply (flags 64). */
  readonly private?: boolean;
  /** For the log: the value asked for matched nothing. */
  readonly outcome?: 'unknown-value';
}

/** A form (modal) with paragraph text inputs; what is typed comes back in a modal submit. */
export interface ModalDraft {
  readonly customId: string;
  /** At most 45 characters (Discord's limit, checked by builders). */
  readonly title: string;
  readonly inputs: readonly {
    readonly customId: string;
    /** At most 45 characters. */
    readonly label: string;
    /** At most 100 characters. */
    readonly placeholder?: string;
    readonly maxLength: number;
  }[];
}

export const COLORS = {
  info: 0x2f7dd1,
  emergency: 0xd32f2f,
  urgent: 0xf57c00,
  gp: 0xfbc02d,
  notice: 0x607d8b,
};

/** A limit broken by a reply we built: a bug of ours, caught by the tests, never sent to Discord. */
export class ReplyLimitError extends Error {
  constructor(readonly violations: string[]) {
    super(`reply breaks Discord limits: ${violations.join('; ')}`);
    this.name = 'ReplyLimitError';
  }
}

export function userText(user: string): UserText {
  return { user };
}

function render(rich: Rich): string {
  if (typeof rich === 'string') return rich;
  return rich.map((part) => (typeof part === 'string' ? part : escapeUserText(part.user))).join('');
}

/** The name of the field that credits sources. */
export function sourcesFieldName(count: number): string {
  return count > 1 ? 'Sources' : 'Source';
}

export function sourceLine(source: Source): string {
  const name = `${source.publisher}, "${source.title}"`;
  return source.url ? `${name} (<${source.url}>)` : name;
}

const BUTTON_STYLES = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  danger: ButtonStyle.Danger,
} as const;

/**
 * The one function every message reply passes through. It escapes echoed user text, credits the
 * sources, ends the message with the post's provider recommendation, turns off every mention, and
 * refuses to produce a message that Discord would reject.
 */
export function buildMessage(draft: ReplyDraft): APIInteractionResponseCallbackData {
  const drafts = draft.embeds.length > 0 ? draft.embeds : [{ title: 'Hip & back pain bot', description: '' }];
  const embeds = drafts.map((e, i) => {
    // From data, not setters: the setters check each value by building and discarding an Error;
    // limitViolations below checks the whole message against Discord's limits instead.
    const data: APIEmbed = { title: e.title, color: e.color ?? COLORS.info };
    const description = render(e.description);
    if (description) data.description = description;
    const fields = (e.fields ?? []).map((f) => ({ name: f.name, value: render(f.value) }));
    const last = i === drafts.length - 1;
    if (last && draft.sources && draft.sources.length > 0) {
      const unique = [...new Map(draft.sources.map((s) => [sourceLine(s), s])).keys()];
      fields.push({ name: sourcesFieldName(unique.length), value: unique.join('\n') });
    }
    if (fields.length > 0) data.fields = fields;
    if (last) data.footer = { text: PROVIDER_RECOMMENDATION };
    return new EmbedBuilder(data).toJSON();
  });

  // Components too are made from data: their toJSON() still checks what each kind requires.
  const rows: ActionRowBuilder<MessageActionRowComponentBuilder>[] = [];
  if (draft.select) {
    const s = draft.select;
    const select = new StringSelectMenuBuilder({
      custom_id: s.customId,
      placeholder: s.placeholder,
      options: s.options.map((o) =>
        o.description
          ? { label: o.label, value: o.value, description: o.description }
          : { label: o.label, value: o.value },
      ),
    });
    rows.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(select));
  }
  const buttons = draft.buttons ?? [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push(
      new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
        buttons.slice(i, i + LIMITS.buttonsPerRow).map(
          (b) =>
            new ButtonBuilder({
              type: ComponentType.Button,
              custom_id: b.customId,
              label: b.label,
              style: BUTTON_STYLES[b.style ?? 'secondary'],
            }),
        ),
      ),
    );
  }

  const data: APIInteractionResponseCallbackData = {
    embeds,
    components: rows.map((r) => r.toJSON()),
    allowed_mentions: { parse: [] },
  };
  if (draft.private) data.flags = MessageFlags.Ephemeral;
  const violations = limitViolations(data);
  if (violations.length > 0) throw new ReplyLimitError(violations);
  return data;
}

/** A new message answering a command or a click. */
export function messageResponse(draft: ReplyDraft): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: buildMessage(draft) };
}

/** Replaces the message a component sits on (a click inside one of our private replies). */
export function updateResponse(draft: ReplyDraft): APIInteractionResponse {
  const { flags: _flags, ...data } = buildMessage(draft);
  return { type: InteractionResponseType.UpdateMessage, data };
}

/**
 * Opens a form (type 9). Each input is a paragraph text input inside a label component, the layout
 * Discord's docs give now (a label on the text input itself is deprecated); builders' toJSON checks
 * Discord's limits (title and label 45, placeholder 100, max_length 4,000, 1 to 5 labels).
 */
export function modalResponse(draft: ModalDraft): APIInteractionResponse {
  const modal = new ModalBuilder()
    .setCustomId(draft.customId)
    .setTitle(draft.title)
    .addLabelComponents(
      draft.inputs.map((input) => {
        const text = new TextInputBuilder()
          .setCustomId(input.customId)
          .setStyle(TextInputStyle.Paragraph)
          .setRequired(true)
          .setMaxLength(input.maxLength);
        if (input.placeholder) text.setPlaceholder(input.placeholder);
        return new LabelBuilder().setLabel(input.label).setTextInputComponent(text);
      }),
    );
  return { type: InteractionResponseType.Modal, data: modal.toJSON() };
}
