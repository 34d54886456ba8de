import MiniSearch from 'minisearch';
import { entriesByKind, layTerms, type Kind, type KindSlugs } from '../content/index.js';
import type { Choice } from './command.js';
import { LIMITS } from '../src/limits.js';

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How typed text is matched: any word may match (OR) and only the word being typed is a prefix.
 * Typos are tried only when nothing matches as typed: fuzzy search costs most of the time.
 */
const EXACT = {
  combineWith: 'OR',
  prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
} as const;
const TYPO_TOLERANT = { ...EXACT, fuzzy: 0.25, maxFuzzy: 2 } as const;

interface NameDoc {
  id: number;
  slug: string;
  term: string;
  /** The entry's own name rather than a lay synonym. */
  own: boolean;
}

/** The `name` option of /cause, /tips and /treatment: autocomplete, exact resolution, suggestions. */
export interface NameOption<S extends string> {
  /** Up to 25 choices for what the user has typed; everything when nothing is typed. */
  autocomplete(typed: string): Choice[];
  /** The slug a submitted value names: a slug, a title or a lay term, ignoring case and punctuation. */
  resolve(value: string): S | undefined;
  /** The closest slugs for a value that names nothing, best first (never empty). */
  suggest(value: string, max?: number): S[];
}

export function nameOption<K extends Kind>(kind: K): NameOption<KindSlugs[K]> {
  type S = KindSlugs[K];
  const entries = entriesByKind[kind] as Record<S, { title: string }>;
  const lay = (slug: S) => layTerms[`${kind}:${slug}` as keyof typeof layTerms] as readonly string[];
  return nameOptionOver(entries, lay);
}

/** A name option over any named entries and their lay terms (what nameOption builds for a kind). */
export function nameOptionOver<S extends string>(
  entries: Readonly<Record<S, { readonly title: string }>>,
  layTermsOf: (slug: S) => readonly string[],
): NameOption<S> {
  const slugs = Object.keys(entries) as S[];
  const docs: NameDoc[] = [];
  const exact = new Map<string, S>();
  for (const slug of slugs) {
    const own = [slug.replace(/-/g, ' '), entries[slug].title];
    const lay = layTermsOf(slug);
    for (const term of own) docs.push({ id: docs.length, slug, term, own: true });
    for (const term of lay) docs.push({ id: docs.length, slug, term, own: false });
    for (const term of [slug, ...own, ...lay]) exact.set(normalize(term), slug);
  }
  const index = new MiniSearch<NameDoc>({ fields: ['term'], storeFields: ['slug', 'term', 'own'] });
  index.addAll(docs);
  const all: Choice[] = slugs.map((slug) => ({ name: entries[slug].title, value: slug }));

  /** Best match per slug, best first, with the term that matched. */
  function ranked(typed: string): { slug: S; term: string; own: boolean }[] {
    const words = normalize(typed).split(' ');
    // Each distinct word once (its last occurrence), so the word being typed stays last.
    const query = words.filter((w, i) => w && words.lastIndexOf(w) === i).join(' ');
    if (!query) return [];
    const best = new Map<S, { slug: S; term: string; own: boolean; score: number }>();
    const exactHits = index.search(query, EXACT);
    const hits = exactHits.length > 0 ? exactHits : index.search(query, TYPO_TOLERANT);
    for (const hit of hits) {
      const slug = hit.slug as S;
      const seen = best.get(slug);
      if (!seen || hit.score > seen.score)
        best.set(slug, { slug, term: hit.term as string, own: hit.own as boolean, score: hit.score });
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  return {
    autocomplete(typed) {
      if (!normalize(typed)) return all.slice(0, LIMITS.autocompleteChoices);
      return ranked(typed)
        .slice(0, LIMITS.autocompleteChoices)
        .map(({ slug, term, own }) => {
          const title = entries[slug].title;
          const name = own ? title : `${title} (${term})`;
          return { name: name.slice(0, LIMITS.choiceName), value: slug };
        });
    },
    resolve(value) {
      return exact.get(normalize(value));
    },
    suggest(value, max = 3) {
      const found = ranked(value).map((r) => r.slug);
      return (found.length > 0 ? found : slugs).slice(0, max);
    },
  };
}
