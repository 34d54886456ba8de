import {
  KINDS,
  NOT_A_DIAGNOSIS,
  POST_SOURCE,
  redFlagTiers,
  TIER_ORDER,
  type Source,
} from '../content/index.js';
import { sourceLine, type ReplyDraft } from '../src/core/reply.js';
import type { SlashCommand } from '../src/core/command.js';
import { baseDefinition, isPrivate, prebuiltWithPrivate, withPrivate } from './definition.js';
import { overviewButton, URGENT_BUTTON } from './topics.js';

/** The bot's own words in /help: what it is, privacy. Never a medical statement. */
export const HELP_TEXT = {
  title: 'Hip & back pain bot: help',
  about:
    'This bot answers with general information about hip and lower back pain: its causes, ways to relieve it and its treatments, from one article. It also lists sourced warning signs that need care now (/urgent).',
  commandsField: 'Commands',
  postSourceField: 'Where the information comes from',
  redFlagSourcesField: 'Sources of the warning signs',
  privacyField: 'Privacy and terms',
  privacy:
    'The bot stores nothing and never logs your questions: its log records which command ran, how it ended and how long it took.',
  privacyPolicy: 'Privacy policy',
  terms: 'Terms of use',
  noPolicyLinks:
    "The privacy policy and terms of use are PRIVACY.md and TERMS.md in the bot's source code; ask whoever runs this bot for them.",
} as const;

/** Where the operator publishes PRIVACY.md and TERMS.md (PRIVACY_URL, TERMS_URL): full http(s) URLs. */
export interface PolicyLinks {
  readonly privacy?: string | undefined;
  readonly terms?: string | undefined;
}

/**
 * The privacy field: what the bot keeps, then each published document as a full URL (Discord links
 * it; no reply ever holds a masked link).
 */
function privacyText(links: PolicyLinks): string {
  const published = [
    links.privacy && `${HELP_TEXT.privacyPolicy}: ${links.privacy}`,
    links.terms && `${HELP_TEXT.terms}: ${links.terms}`,
  ].filter(Boolean);
  return [HELP_TEXT.privacy, ...(published.length > 0 ? published : [HELP_TEXT.noPolicyLinks])].join('\n');
}

/** `/cause [name] [private]: description`, read from the definition Discord registers. */
function usageLine(command: SlashCommand): string {
  const options = (command.data.options ?? []).map((o) => (o.required ? o.name : `[${o.name}]`));
  return `/${[command.data.name, ...options].join(' ')}: ${command.data.description}`;
}

function uniqueSourceLines(sources: readonly Source[]): string[] {
  return [...new Set(sources.map(sourceLine))];
}

/**
 * /help lists the registry it is given, read when it runs (so the registry can include /help itself
 * without an import cycle, and a new command shows up without touching this file), and links to
 * the privacy policy and terms where the operator published them.
 */
export function helpCommand(registry: () => readonly SlashCommand[], links: PolicyLinks = {}): SlashCommand {
  function helpReply(privately: boolean): ReplyDraft {
    const redFlagSources = TIER_ORDER.flatMap((id): readonly Source[] => redFlagTiers[id].sources);
    return {
      private: privately,
      embeds: [
        {
          title: HELP_TEXT.title,
          description: `${HELP_TEXT.about}\n\n${NOT_A_DIAGNOSIS}`,
          fields: [
            { name: HELP_TEXT.commandsField, value: registry().map(usageLine).join('\n') },
            { name: HELP_TEXT.postSourceField, value: sourceLine(POST_SOURCE) },
            { name: HELP_TEXT.redFlagSourcesField, value: uniqueSourceLines(redFlagSources).join('\n') },
            { name: HELP_TEXT.privacyField, value: privacyText(links) },
          ],
        },
      ],
      buttons: [...KINDS.map(overviewButton), URGENT_BUTTON],
    };
  }

  return {
    data: withPrivate(
      baseDefinition('help', 'What this bot does and does not do, its commands, sources and privacy'),
    ).toJSON(),
    run: (input) => helpReply(isPrivate(input)),
    prebuilt: prebuiltWithPrivate([{}]),
  };
}
