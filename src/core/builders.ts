import { createRequire } from 'node:module';
import type * as Builders from '@discordjs/builders';

/*
 * discord.js loads the CommonJS build of @discordjs/builders. Requiring that same build shares one
 * copy; an `import` would load the ES module build as a second copy with its own dependencies
 * (30-40 ms more at start beside discord.js). Alone, the CommonJS build also loads in half the
 * time (about 118 ms against 250 ms here), which the HTTP endpoint's cold start feels.
 */
/** Defined (true) only by esbuild in the HTTP endpoint's CommonJS bundle: see build:http in package.json. */
declare const CJS_BUNDLE: true | undefined;
// In the bundle a plain require(), which esbuild inlines; node:module then drops out of the bundle, as
// its startup snapshot needs (Node 20's snapshot builder does not support node:module).
const builders = (
  typeof CJS_BUNDLE !== 'undefined'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@discordjs/builders')
    : createRequire(import.meta.url)('@discordjs/builders')
) as typeof Builders;

export const {
  ActionRowBuilder,
  ButtonBuilder,
  EmbedBuilder,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  escapeMarkdown,
} = builders;
export type ActionRowBuilder<T extends Builders.AnyComponentBuilder> = Builders.ActionRowBuilder<T>;
export type SlashCommandBuilder = Builders.SlashCommandBuilder;
export type { MessageActionRowComponentBuilder } from '@discordjs/builders';
