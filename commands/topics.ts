import {
  causesIntro,
  connection,
  EMERGENCY_DEPARTMENT,
  EMERGENCY_LEAD,
  emergencyNumbers,
  entriesByKind,
  entryOf,
  KINDS,
  kindOf,
  POST_SOURCE,
  provider,
  redFlagTiers,
  relatedTopics,
  sectionHeadings,
  TIER_ORDER,
  tipsIntro,
  topicEntry,
  treatmentsIntro,
  type Entry,
  type Kind,
  type KindSlugs,
  type RedFlagTier,
  type RedFlagTierId,
  type TopicId,
} from '../content/index.js';
import {
  COLORS,
  sourceLine,
  sourcesFieldName,
  type ButtonDraft,
  type EmbedDraft,
  type ReplyDraft,
} from '../src/core/reply.js';

/** How each topic looks as a reply. Commands, buttons, menus and /ask all answer through here. */

export interface ReplyContext {
  readonly locale: string | undefined;
  readonly private: boolean;
}

/**
 * The bot's own words around the content: navigation only, never a medical statement. Tests accept
 * a topic reply's text only when it is made of content strings and these.
 */
export const NAVIGATION = {
  kindLabel: { cause: 'Cause', tip: 'Relief tip', treatment: 'Treatment' },
  overviewButton: { cause: 'All causes', tip: 'Ways to relieve pain', treatment: 'Treatments' },
  seeAlsoOverview: {
    cause: '/cause for all causes',
    tip: '/tips for ways to relieve pain',
    treatment: '/treatment for treatments',
  },
  seeAlsoUrgent: '/urgent for warning signs that need care now',
  seeAlsoField: 'See also',
  overviewHint: {
    cause: 'Pick one below, or use /cause with a name.',
    tip: 'Pick one below, or use /tips with a name.',
    treatment: 'Pick one below, or use /treatment with a name.',
  },
  menuPlaceholder: { cause: 'Open one cause', tip: 'Open one relief tip', treatment: 'Open one treatment' },
  urgentTitle: 'Urgent warning signs',
  emergencyExamples: 'For example',
  staleTitle: 'Unknown topic',
  staleText: 'This button is from an older version of the bot. Use /help to see what it covers.',
} as const satisfies {
  readonly [key: string]: string | Readonly<Record<Kind, string>>;
};

const INTROS = { cause: causesIntro, tip: tipsIntro, treatment: treatmentsIntro } as const;
const HEADINGS = {
  cause: sectionHeadings.causes,
  tip: sectionHeadings.tips,
  treatment: sectionHeadings.treatments,
} as const;

export function topicTitle(topic: TopicId): string {
  if (topic === 'urgent') return NAVIGATION.urgentTitle;
  const kind = kindOf(topic);
  const title = topicEntry(topic).title;
  return kind ? `${NAVIGATION.kindLabel[kind]}: ${title}` : title;
}

export function topicButton(topic: TopicId, style: ButtonDraft['style'] = 'secondary'): ButtonDraft {
  return { label: topicTitle(topic), customId: `topic:${topic}`, style };
}

export function overviewButton(kind: Kind): ButtonDraft {
  return { label: NAVIGATION.overviewButton[kind], customId: `overview:${kind}`, style: 'secondary' };
}

export const URGENT_BUTTON: ButtonDraft = {
  label: NAVIGATION.urgentTitle,
  customId: 'topic:urgent',
  style: 'danger',
};

/**
 * The "see also" line and its buttons: the topics the post relates to this one (content's
 * relatedTopics), then the general lists of the other kinds, then the urgent signs.
 */
function seeAlso(
  related: readonly TopicId[],
  own: Kind | undefined,
): { field: { name: string; value: string }; buttons: ButtonDraft[] } {
  const kinds = KINDS.filter((k) => k !== own);
  const parts = [
    ...related.map(topicTitle),
    ...kinds.map((k) => NAVIGATION.seeAlsoOverview[k]),
    NAVIGATION.seeAlsoUrgent,
  ];
  return {
    field: { name: NAVIGATION.seeAlsoField, value: parts.join(' · ') },
    buttons: [...related.map((t) => topicButton(t, 'primary')), ...kinds.map(overviewButton), URGENT_BUTTON],
  };
}

/** One entry: title, its text, see also, then (from the reply builder) its source and the provider line. */
function entryReply(topic: TopicId, entry: Entry, ctx: ReplyContext): ReplyDraft {
  const also = seeAlso(relatedTopics[topic] ?? [], kindOf(topic));
  return {
    private: ctx.private,
    embeds: [{ title: topicTitle(topic), description: entry.text, fields: [also.field] }],
    sources: [entry.source],
    buttons: also.buttons,
  };
}

export function kindEntryReply<K extends Kind>(kind: K, slug: KindSlugs[K], ctx: ReplyContext): ReplyDraft {
  return entryReply(`${kind}:${slug}` as TopicId, entryOf(kind, slug), ctx);
}

/** Every entry of a kind with its one-line summary, and a menu that opens one. */
export function overviewReply(kind: Kind, ctx: ReplyContext): ReplyDraft {
  const entries = Object.entries(entriesByKind[kind]) as [string, Entry][];
  const list = entries.map(([, e]) => `**${e.title}**: ${e.summary}`).join('\n');
  const also = seeAlso([], kind);
  return {
    private: ctx.private,
    embeds: [
      {
        title: HEADINGS[kind],
        description: `${INTROS[kind]}\n\n${list}\n\n${NAVIGATION.overviewHint[kind]}`,
        fields: [also.field],
      },
    ],
    sources: [POST_SOURCE],
    select: {
      customId: `menu:${kind}`,
      placeholder: NAVIGATION.menuPlaceholder[kind],
      options: entries.map(([slug, e]) => ({
        label: e.title,
        value: `${kind}:${slug}`,
        description: e.summary,
      })),
    },
    buttons: also.buttons,
  };
}

export function connectionReply(ctx: ReplyContext): ReplyDraft {
  return entryReply('connection', connection, ctx);
}

function bulletList(signs: readonly string[]): string {
  return signs.map((s) => `• ${s}`).join('\n');
}

const TIER_COLORS = {
  emergency: COLORS.emergency,
  urgent: COLORS.urgent,
  gp: COLORS.gp,
} as const satisfies Record<RedFlagTierId, number>;

/** One red-flag tier: its title and advice (or a given heading), its signs, its sources. */
function tierEmbed(tier: RedFlagTier, heading?: { title: string; description: string }): EmbedDraft {
  return {
    title: heading?.title ?? tier.title,
    description: heading?.description ?? tier.advice,
    color: TIER_COLORS[tier.id],
    fields: [
      ...tier.groups.map((g) => ({ name: `${g.heading}:`, value: bulletList(g.signs) })),
      {
        name: sourcesFieldName(tier.sources.length),
        value: tier.sources.map(sourceLine).join('\n'),
      },
    ],
  };
}

/**
 * Example emergency numbers. A locale is a language setting, not a location, so it only moves the
 * example its speakers most likely need to the front; the list itself never changes.
 */
export function emergencyExamples(locale: string | undefined): string {
  const first = emergencyNumbers.find((n) => (n.locales as readonly string[]).includes(locale ?? ''));
  const ordered = first ? [first, ...emergencyNumbers.filter((n) => n !== first)] : emergencyNumbers;
  return `${NAVIGATION.emergencyExamples} ${ordered.map((n) => `${n.numbers} ${n.where}`).join(', ')}.`;
}

/**
 * Red flags, most severe first: the generic emergency wording is the very first text, then the
 * emergency signs, the see-a-doctor-urgently tier and the see-a-GP tier, each with its sources.
 */
export function urgentReply(ctx: ReplyContext): ReplyDraft {
  return {
    private: ctx.private,
    embeds: TIER_ORDER.map((id) =>
      tierEmbed(
        redFlagTiers[id],
        id === 'emergency'
          ? {
              title: EMERGENCY_LEAD,
              description: `${emergencyExamples(ctx.locale)}\n${EMERGENCY_DEPARTMENT}`,
            }
          : undefined,
      ),
    ),
    buttons: KINDS.map(overviewButton),
  };
}

/** When to see a provider: the post's recommendation and the sourced see-a-GP signs. */
export function providerReply(ctx: ReplyContext): ReplyDraft {
  return {
    private: ctx.private,
    embeds: [
      { title: provider.title, description: provider.text, color: COLORS.info },
      tierEmbed(redFlagTiers.gp),
    ],
    sources: [provider.source],
    buttons: [URGENT_BUTTON, overviewButton('tip'), overviewButton('treatment')],
  };
}

/** Any topic id as a reply: what buttons, menus and /ask open. */
export function topicReply(topic: TopicId, ctx: ReplyContext): ReplyDraft {
  if (topic === 'urgent') return urgentReply(ctx);
  if (topic === 'provider') return providerReply(ctx);
  if (topic === 'connection') return connectionReply(ctx);
  return entryReply(topic, topicEntry(topic), ctx);
}
