import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { ReplyDraft } from './reply.js';

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

/** One slash command: its definition (shared by runtime and deploy) and pure functions. */
export interface SlashCommand {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  run(input: CommandInput): ReplyDraft;
  autocomplete?(input: AutocompleteInput): Choice[];
}

/** A handler for clicks on components whose custom_id starts with `prefix:`. */
export interface ComponentHandler {
  readonly prefix: string;
  /** `rest` is the custom_id after `prefix:`; `values` the chosen select options. */
  run(input: {
    readonly rest: string;
    readonly values: readonly string[];
    readonly locale: string | undefined;
  }): ReplyDraft;
}
