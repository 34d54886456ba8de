import type {
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { ModalDraft, ReplyDraft } from './reply.js';

export type OptionValue = string | number | boolean;

/** What a command gets: its resolved options and the user's locale. Nothing from discord.js. */
export interface CommandInput {
  readonly options: Readonly<Record<string, OptionValue>>;
  /** Discord's locale setting of the user (a language, not a location), e.g. `en-GB`. */
  readonly locale: string | undefined;
}

export interface AutocompleteInput extends CommandInput {
  /** The option being typed and what has been typed so far. */
  readonly focused: { readonly name: string; readonly value: string };
}

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/**
 * An input whose reply the app builds once at start and then serves from its reply table
 * (src/core/reply-table.ts), for the inputs most interactions carry.
 */
export interface Prebuilt<I> {
  readonly input: I;
  /**
   * The locales whose reply to `input` differs from the reply with no locale: each gets its own
   * entry, every other locale shares the no-locale one. A test checks this for every Discord locale.
   */
  readonly locales: readonly string[];
}

/** One slash command: its definition (shared by runtime and deploy) and pure functions. */
export interface SlashCommand {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  run(input: CommandInput): ReplyDraft;
  /** Option sets answered from the reply table (a command that opens a form has none). */
  readonly prebuilt?: readonly Prebuilt<CommandInput['options']>[];
  /**
   * The options as the table holds them, for options that name the same thing another way (a
   * title or lay term typed for an entry's slug): the reply must be the same for both.
   */
  canonical?(options: CommandInput['options']): CommandInput['options'];
  autocomplete?(input: AutocompleteInput): Choice[];
  /** A form to open instead of answering (e.g. /ask with no question); undefined: answer with run. */
  modal?(input: CommandInput): ModalDraft | undefined;
}

/** What a message command gets: the text of the message it was used on, and the user's locale. */
export interface MessageCommandInput {
  /** The message's text and its embeds' text, one part a line; empty for an image-only message. */
  readonly text: string;
  readonly locale: string | undefined;
}

/** A message context-menu command (Apps -> name on a message): its definition and a pure function. */
export interface MessageCommand {
  readonly data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  run(input: MessageCommandInput): ReplyDraft;
}

/** Every definition `npm run deploy` registers. */
export type CommandDefinition = SlashCommand['data'] | MessageCommand['data'];

/** What a component handler gets: the custom_id after `prefix:` and the chosen select options. */
export interface ComponentInput {
  readonly rest: string;
  readonly values: readonly string[];
}

/** A handler for clicks on components whose custom_id starts with `prefix:`. */
export interface ComponentHandler {
  readonly prefix: string;
  run(input: ComponentInput & { readonly locale: string | undefined }): ReplyDraft;
  /** Clicks answered from the reply table. */
  readonly prebuilt?: readonly Prebuilt<ComponentInput>[];
  /** Answer with a new message even when clicked in a private reply (e.g. sharing in the channel). */
  readonly newMessage?: boolean;
}

/** A handler for submitted forms (modals) whose custom_id starts with `prefix:`. */
export interface ModalHandler {
  readonly prefix: string;
  /** `rest` is the custom_id after `prefix:`; `fields` the text typed, by text input custom_id. */
  run(input: {
    readonly rest: string;
    readonly fields: Readonly<Record<string, string>>;
    readonly locale: string | undefined;
  }): ReplyDraft;
}
