import { causes, connection, provider, tips, treatments } from './post.js';
import type { CauseSlug, Entry, Kind, KindSlugs, TipSlug, TopicId, TreatmentSlug } from './types.js';

export * from './types.js';
export * from './post.js';
export * from './red-flags.js';
export { layTerms } from './lay-terms.js';

/** The entries of each named kind, in the post's order. */
export const entriesByKind = {
  cause: causes,
  tip: tips,
  treatment: treatments,
} as const satisfies { [K in Kind]: Record<KindSlugs[K], Entry> };

export const KINDS = ['cause', 'tip', 'treatment'] as const satisfies readonly Kind[];

export const causeSlugs = Object.keys(causes) as CauseSlug[];
export const tipSlugs = Object.keys(tips) as TipSlug[];
export const treatmentSlugs = Object.keys(treatments) as TreatmentSlug[];

export function slugsOf<K extends Kind>(kind: K): KindSlugs[K][] {
  return Object.keys(entriesByKind[kind]) as KindSlugs[K][];
}

/** The kind of a topic id (`cause:sciatica` is a cause); none for connection, urgent and provider. */
export function kindOf(topic: TopicId): Kind | undefined {
  return KINDS.find((k) => topic.startsWith(`${k}:`));
}

export function entryOf<K extends Kind>(kind: K, slug: KindSlugs[K]): Entry {
  return (entriesByKind[kind] as Record<KindSlugs[K], Entry>)[slug];
}

/**
 * Relations the post states between entries. Elsewhere a reply points to the general lists.
 * - The posture cause names "improper body mechanics"; the posture tip says proper posture and body
 *   mechanics "help prevent strain".
 * - The post lists working with a physical therapist both as a relief tip and as a treatment.
 */
export const relatedTopics: Partial<Record<TopicId, readonly TopicId[]>> = {
  'cause:posture': ['tip:posture'],
  'tip:posture': ['cause:posture'],
  'tip:physical-therapy': ['treatment:physical-therapy'],
  'treatment:physical-therapy': ['tip:physical-therapy'],
};

export const ALL_TOPIC_IDS: readonly TopicId[] = [
  'connection',
  ...causeSlugs.map((s) => `cause:${s}` as const),
  ...tipSlugs.map((s) => `tip:${s}` as const),
  ...treatmentSlugs.map((s) => `treatment:${s}` as const),
  'urgent',
  'provider',
];

export function isTopicId(value: string): value is TopicId {
  return (ALL_TOPIC_IDS as readonly string[]).includes(value);
}

/** The entry behind a topic id, for topics that are a single entry (not `urgent`). */
export function topicEntry(topic: Exclude<TopicId, 'urgent'>): Entry {
  if (topic === 'connection') return connection;
  if (topic === 'provider') return provider;
  const [kind, slug] = topic.split(':') as [Kind, string];
  return (entriesByKind[kind] as Record<string, Entry>)[slug] as Entry;
}
