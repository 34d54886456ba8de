import { ALL_TOPIC_IDS, isTopicId, KINDS, slugsOf, type Kind } from '../content/index.js';
import type { ComponentHandler } from '../src/core/command.js';
import { EMERGENCY_LOCALES } from './definition.js';
import { COLORS, type ReplyDraft } from '../src/core/reply.js';
import { NAVIGATION, overviewReply, topicReply } from './topics.js';

/**
 * Buttons and select menus. Each custom_id carries the topic it opens, so any process can answer
 * any click; a custom_id from an older version gets a private "unknown topic" reply.
 */

const STALE: ReplyDraft = {
  private: true,
  outcome: 'unknown-value',
  embeds: [{ title: NAVIGATION.staleTitle, description: NAVIGATION.staleText, color: COLORS.notice }],
};

/** `topic:<topic id>` buttons: the topic, privately. */
export const topicComponent: ComponentHandler = {
  prefix: 'topic',
  run: ({ rest, locale }) => (isTopicId(rest) ? topicReply(rest, { locale, private: true }) : STALE),
  prebuilt: ALL_TOPIC_IDS.map((topic) => ({
    input: { rest: topic, values: [] },
    locales: topic === 'urgent' ? EMERGENCY_LOCALES : [],
  })),
};

/** `menu:<kind>` select menus: the chosen topic, privately. */
export const menuComponent: ComponentHandler = {
  prefix: 'menu',
  run: ({ values, locale }) => {
    const chosen = values[0];
    return chosen && isTopicId(chosen) ? topicReply(chosen, { locale, private: true }) : STALE;
  },
  // Each kind's menu lists that kind's entries (overviewReply).
  prebuilt: KINDS.flatMap((kind) =>
    slugsOf(kind).map((slug) => ({ input: { rest: kind, values: [`${kind}:${slug}`] }, locales: [] })),
  ),
};

/** `overview:<kind>` buttons: the overview of that kind, privately. */
export const overviewComponent: ComponentHandler = {
  prefix: 'overview',
  run: ({ rest, locale }) =>
    (KINDS as readonly string[]).includes(rest)
      ? overviewReply(rest as Kind, { locale, private: true })
      : STALE,
  prebuilt: KINDS.map((kind) => ({ input: { rest: kind, values: [] }, locales: [] })),
};
