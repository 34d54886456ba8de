import {
  causesIntro,
  connection,
  EMERGENCY_LEAD,
  emergencyNumbers,
  entriesByKind,
  entryOf,
  isTopicId,
  POST_SOURCE,
  provider,
  redFlagTiers,
  relatedTopics,
  TIER_ORDER,
  tipsIntro,
  topicEntry,
  treatmentsIntro,
  type Entry,
  type Kind,
  type KindSlugs,
  type RedFlagTier,
  type TopicId,
} from '../content/index.js';
import { COLORS, sourceLine, type ButtonDraft, type EmbedDraft, type ReplyDraft } from '../src/reply.js';
import type { ComponentHandler } from './command.js';

/** How each topic looks as a reply. Commands, buttons, menus and /ask all answer through here. */

export interface ReplyContext {
  readonly locale: string | undefined;
  readonly ephemeral: boolean;
}

const KIND_INFO = {
  cause: {
    label: 'Cause',
    command: '/cause',
    overview: 'Causes of Hip and Lower Back Pain',
    intro: causesIntro,
  },
  tip: {
    label: 'Relief tip',
    command: '/tips',
    overview: 'Alleviating Lower Back Hip Pain',
    intro: tipsIntro,
  },
  treatment: {
    label: 'Treatment',
    command: '/treatment',
    overview: 'Hip Pain Treatments',
    intro: treatmentsIntro,
  },
} as const satisfies Record<Kind, { label: string; command: string; overview: string; intro: string }>;

export function topicTitle(topic: TopicId): string {
  if (topic === 'urgent') return 'Urgent warning signs';
  const entry = topicEntry(topic);
  const [kind] = topic.split(':');
  return kind && kind in KIND_INFO ? `${KIND_INFO[kind as Kind].label}: ${entry.title}` : entry.title;
}

export function topicButton(topic: TopicId, style: ButtonDraft['style'] = 'secondary'): ButtonDraft {
  return { label: topicTitle(topic), customId: `topic:${topic}`, style };
}

export function overviewButton(kind: Kind): ButtonDraft {
  const labels = { cause: 'All causes', tip: 'Ways to relieve pain', treatment: 'Treatments' } as const;
  return { label: labels[kind], customId: `overview:${kind}`, style: 'secondary' };
}

const URGENT_BUTTON: ButtonDraft = {
  label: 'Urgent warning signs',
  customId: 'topic:urgent',
  style: 'danger',
};

/** The general lists a reply points to when the post states no closer relation. */
function seeAlso(topic: TopicId): { line: string; buttons: ButtonDraft[] } {
  const related = relatedTopics[topic] ?? [];
  const kinds = (['cause', 'tip', 'treatment'] as const).filter((k) => !topic.startsWith(`${k}:`));
  const general = kinds.map((k) => `${KIND_INFO[k].command} for ${overviewButton(k).label.toLowerCase()}`);
  const parts = [
    ...related.map((t) => topicTitle(t)),
    ...general,
    '/urgent for warning signs that need care now',
  ];
  return {
    line: parts.join(' · '),
    buttons: [...related.map((t) => topicButton(t, 'primary')), ...kinds.map(overviewButton), URGENT_BUTTON],
  };
}

function entryReply(topic: TopicId, entry: Entry, ctx: ReplyContext): ReplyDraft {
  const also = seeAlso(topic);
  return {
    ephemeral: ctx.ephemeral,
    embeds: [
      { title: topicTitle(topic), description: entry.text, fields: [{ name: 'See also', value: also.line }] },
    ],
    sources: [entry.source],
    buttons: also.buttons,
  };
}

export function kindEntryReply<K extends Kind>(kind: K, slug: KindSlugs[K], ctx: ReplyContext): ReplyDraft {
  return entryReply(`${kind}:${slug}` as TopicId, entryOf(kind, slug), ctx);
}

/** Every entry of a kind with its one-line summary, and a menu that opens one. */
export function overviewReply(kind: Kind, ctx: ReplyContext): ReplyDraft {
  const info = KIND_INFO[kind];
  const entries = Object.entries(entriesByKind[kind]) as [string, Entry][];
  const list = entries.map(([, e]) => `**${e.title}**: ${e.summary}`).join('\n');
  const others = (['cause', 'tip', 'treatment'] as const).filter((k) => k !== kind);
  return {
    ephemeral: ctx.ephemeral,
    embeds: [
      {
        title: info.overview,
        description: `${info.intro}\n\n${list}\n\nPick one below, or use ${info.command} with a name.`,
      },
    ],
    sources: [POST_SOURCE],
    select: {
      customId: `menu:${kind}`,
      placeholder: `Open one ${info.label.toLowerCase()}`,
      options: entries.map(([slug, e]) => ({
        label: e.title,
        value: `${kind}:${slug}`,
        description: e.summary,
      })),
    },
    buttons: [...others.map(overviewButton), URGENT_BUTTON],
  };
}

export function connectionReply(ctx: ReplyContext): ReplyDraft {
  return {
    ephemeral: ctx.ephemeral,
    embeds: [{ title: connection.title, description: connection.text }],
    sources: [connection.source],
    buttons: [overviewButton('cause'), overviewButton('tip'), overviewButton('treatment'), URGENT_BUTTON],
  };
}

function bulletList(signs: readonly string[]): string {
  return signs.map((s) => `• ${s}`).join('\n');
}

function tierEmbed(tier: RedFlagTier, color: number, lead?: string): EmbedDraft {
  return {
    title: tier.title,
    description: lead ?? tier.advice,
    color,
    fields: [
      ...tier.groups.map((g) => ({ name: `${g.heading}:`, value: bulletList(g.signs) })),
      {
        name: tier.sources.length > 1 ? 'Sources' : 'Source',
        value: tier.sources.map(sourceLine).join('\n'),
      },
    ],
  };
}

/** "your local emergency number", with examples; the user's locale may put one example first. */
export function emergencyNumberLine(locale: string | undefined): string {
  const ordered = [...emergencyNumbers].sort(
    (a, b) =>
      Number((b.locales as readonly string[]).includes(locale ?? '')) -
      Number((a.locales as readonly string[]).includes(locale ?? '')),
  );
  const examples = ordered.map((n) => `${n.numbers} in ${n.region}`).join(', ');
  return `Call your local emergency number (for example ${examples}).`;
}

/** The emergency tier's lead: the generic wording first, always. */
export function emergencyLead(locale: string | undefined): string {
  return `**${EMERGENCY_LEAD}**, or go to an emergency department. ${emergencyNumberLine(locale)}`;
}

const TIER_COLORS = { emergency: COLORS.emergency, urgent: COLORS.urgent, gp: COLORS.gp } as const;

/** Red flags, most severe first, each tier with its sources. */
export function urgentReply(ctx: ReplyContext): ReplyDraft {
  return {
    ephemeral: ctx.ephemeral,
    embeds: TIER_ORDER.map((id) =>
      tierEmbed(
        redFlagTiers[id],
        TIER_COLORS[id],
        id === 'emergency' ? emergencyLead(ctx.locale) : undefined,
      ),
    ),
    buttons: [overviewButton('cause'), overviewButton('tip'), overviewButton('treatment')],
  };
}

/** When to see a provider: the post's recommendation and the sourced see-a-GP signs. */
export function providerReply(ctx: ReplyContext): ReplyDraft {
  const gp = redFlagTiers.gp;
  return {
    ephemeral: ctx.ephemeral,
    embeds: [
      { title: provider.title, description: provider.text, color: COLORS.info },
      tierEmbed(gp, TIER_COLORS.gp),
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

const STALE: ReplyDraft = {
  ephemeral: true,
  outcome: 'unknown-value',
  embeds: [
    {
      title: 'Unknown topic',
      description: 'This button is from an older version of the bot. Use /help to see what it covers.',
      color: COLORS.notice,
    },
  ],
};

/** `topic:<topic id>` buttons: the topic, privately. */
export const topicComponent: ComponentHandler = {
  prefix: 'topic',
  run: ({ rest, locale }) => (isTopicId(rest) ? topicReply(rest, { locale, ephemeral: true }) : STALE),
};

/** `menu:<kind>` select menus: the chosen topic, privately. */
export const menuComponent: ComponentHandler = {
  prefix: 'menu',
  run: ({ values, locale }) => {
    const chosen = values[0];
    return chosen && isTopicId(chosen) ? topicReply(chosen, { locale, ephemeral: true }) : STALE;
  },
};

/** `overview:<kind>` buttons: the overview of that kind, privately. */
export const overviewComponent: ComponentHandler = {
  prefix: 'overview',
  run: ({ rest, locale }) =>
    rest === 'cause' || rest === 'tip' || rest === 'treatment'
      ? overviewReply(rest, { locale, ephemeral: true })
      : STALE,
};
