import { SlashCommandBuilder } from '@discordjs/builders';
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import { emergencyNumbers } from '../content/index.js';
import type { CommandInput, Prebuilt } from '../src/core/command.js';

/**
 * A command definition usable in servers, in DMs with the bot, and as a user-installed app in any
 * private channel, so people can ask privately wherever they are.
 */
export function baseDefinition(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
    .setContexts(
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    );
}

export const PRIVATE_OPTION = 'private';

/** Adds the `private` boolean every command takes. */
export function withPrivate<B extends { addBooleanOption: SlashCommandBuilder['addBooleanOption'] }>(
  builder: B,
  defaultNote = 'false',
): B {
  builder.addBooleanOption((o) =>
    o.setName(PRIVATE_OPTION).setDescription(`Only you see the answer (default: ${defaultNote})`),
  );
  return builder;
}

export function isPrivate(input: CommandInput, byDefault = false): boolean {
  const value = input.options[PRIVATE_OPTION];
  return typeof value === 'boolean' ? value : byDefault;
}

/**
 * The reply table's entries for a command: each option set, with `private` left out, true and
 * false. `locales`: those whose reply differs from the reply with no locale (see Prebuilt).
 */
export function prebuiltWithPrivate(
  optionSets: readonly CommandInput['options'][],
  locales: readonly string[] = [],
): Prebuilt<CommandInput['options']>[] {
  return optionSets.flatMap((options) =>
    [undefined, true, false].map((value) => ({
      input: value === undefined ? options : { ...options, [PRIVATE_OPTION]: value },
      locales,
    })),
  );
}

/** The locales that put their own emergency number first: the only replies a locale changes. */
export const EMERGENCY_LOCALES: readonly string[] = emergencyNumbers.flatMap((n) => n.locales);
