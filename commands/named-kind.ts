import { entryOf, slugsOf, type Kind, type TopicId } from '../content/index.js';
import { COLORS, userText, type ReplyDraft } from '../src/core/reply.js';
import type { SlashCommand } from '../src/core/command.js';
import { baseDefinition, isPrivate, prebuiltWithPrivate, withPrivate } from './definition.js';
import { nameOption } from './name-option.js';
import { kindEntryReply, overviewButton, overviewReply, topicButton } from './topics.js';

export const NAME_OPTION = 'name';

/** /cause, /tips and /treatment: one entry by name, or the overview of all of them. */
export function namedKindCommand(
  kind: Kind,
  name: string,
  description: string,
  optionDescription: string,
): SlashCommand {
  const names = nameOption(kind);
  const data = withPrivate(
    baseDefinition(name, description).addStringOption((o) =>
      o.setName(NAME_OPTION).setDescription(optionDescription).setAutocomplete(true).setMaxLength(100),
    ),
  ).toJSON();

  /** A value typed past autocomplete that names nothing: always private, with the closest entries. */
  function didYouMean(value: string): ReplyDraft {
    const slugs = names.suggest(value);
    const titles = slugs.map((slug) => entryOf(kind, slug).title);
    const options =
      titles.length > 1 ? `${titles.slice(0, -1).join(', ')} or ${titles.at(-1)}` : titles.join('');
    return {
      private: true,
      outcome: 'unknown-value',
      embeds: [
        {
          title: 'Not found',
          description: ["I don't know '", userText(value), `'. Did you mean ${options}?`],
          color: COLORS.notice,
        },
      ],
      buttons: [
        ...slugs.map((slug) => topicButton(`${kind}:${slug}` as TopicId, 'primary')),
        overviewButton(kind),
      ],
    };
  }

  return {
    data,
    run(input) {
      const ctx = { locale: input.locale, private: isPrivate(input) };
      const value = input.options[NAME_OPTION];
      if (typeof value !== 'string' || value.trim() === '') return overviewReply(kind, ctx);
      const slug = names.resolve(value);
      return slug ? kindEntryReply(kind, slug, ctx) : didYouMean(value);
    },
    // The overview and every entry; a title or lay term typed for an entry is looked up as its slug.
    prebuilt: prebuiltWithPrivate([{}, ...slugsOf(kind).map((slug) => ({ [NAME_OPTION]: slug }))]),
    canonical(options) {
      const value = options[NAME_OPTION];
      const slug = typeof value === 'string' ? names.resolve(value) : undefined;
      return slug ? { ...options, [NAME_OPTION]: slug } : options;
    },
    autocomplete(input) {
      return input.focused.name === NAME_OPTION ? names.autocomplete(input.focused.value) : [];
    },
  };
}
