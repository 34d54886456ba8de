/** Where a fact comes from. Every entry carries one, and replies credit it. */
export interface Source {
  readonly title: string;
  readonly publisher: string;
  readonly url?: string;
}

/** One item of content: a cause, a relief tip, a treatment, or a section of the post. */
export interface Entry {
  readonly title: string;
  /** One line, taken from the entry's own text, for overviews and menus. */
  readonly summary: string;
  /** The fact itself, as the source states it. */
  readonly text: string;
  readonly source: Source;
}

export type CauseSlug = 'muscle-strain' | 'sciatica' | 'arthritis' | 'herniated-disc' | 'posture';
export type TipSlug = 'exercise' | 'posture' | 'heat-ice' | 'physical-therapy' | 'alternative-therapies';
export type TreatmentSlug = 'medications' | 'injections' | 'surgery' | 'physical-therapy';

/** Stable topic ids, shared by buttons, /ask, tests and evaluation files. */
export type TopicId =
  | 'connection'
  | `cause:${CauseSlug}`
  | `tip:${TipSlug}`
  | `treatment:${TreatmentSlug}`
  | 'urgent'
  | 'provider';

/** The three kinds that have named entries, and the slug type of each. */
export interface KindSlugs {
  cause: CauseSlug;
  tip: TipSlug;
  treatment: TreatmentSlug;
}
export type Kind = keyof KindSlugs;
