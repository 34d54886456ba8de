import MiniSearch from 'minisearch';
import { entriesByKind, layTerms, type Kind, type KindSlugs } from '../content/index.js';
import type { Choice } from '../src/core/command.js';
import { LIMITS } from '../src/core/limits.js';

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
const TYPO_TOLERANT = { fuzzy: 0.25, maxFuzzy: 2 } as const;

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
  const index = new MiniSearch<NameDoc>({
    fields: ['term'],
    storeFields: ['slug', 'term', 'own'],
    // Queries are normalize()d first: lower case, words split by single spaces, no punctuation. So
    // splitting on spaces and keeping each word as it is gives the terms the defaults would, and
    // the search is faster. The options every search shares are set here, not merged per call.
    searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term, ...EXACT },
  });
  index.addAll(docs);
  // Every word of every indexed term, as the index holds it.
  const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
  const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined;
  const vocabulary = new Set<string>();
  for (const doc of docs) for (const word of tokenize(doc.term)) vocabulary.add(processTerm(word) ?? '');
  const all: Choice[] = slugs.map((slug) => ({ name: entries[slug].title, value: slug }));

  /** Best match per slug, best first, with the term that matched; `text` is normalize()d. */
  function ranked(text: string): { slug: S; term: string; own: boolean }[] {
    const words = text.split(' ');
    // Each distinct word once (its last occurrence), so the word being typed stays last.
    const distinct: string[] = [];
    const seen = new Set<string>();
    for (let i = words.length - 1; i >= 0; i--) {
      const word = words[i] as string;
      if (word && !seen.has(word)) {
        seen.add(word);
        distinct.push(word);
      }
    }
    if (distinct.length === 0) return [];
    distinct.reverse();
    // A word in no indexed term matches nothing as typed, and each word searched costs time (a
    // 100-character query has about 20): search only the others, and the word being typed (a prefix).
    const known = distinct.filter((w, i) => i === distinct.length - 1 || vocabulary.has(w));
    const best = new Map<S, { slug: S; term: string; own: boolean; score: number }>();
    const exactHits = index.search(known.join(' '));
    const hits = exactHits.length > 0 ? exactHits : index.search(distinct.join(' '), TYPO_TOLERANT);
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
      const text = normalize(typed);
      if (!text) return all.slice(0, LIMITS.autocompleteChoices);
      return ranked(text)
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
      const found = ranked(normalize(value)).map((r) => r.slug);
      return (found.length > 0 ? found : slugs).slice(0, max);
    },
  };
}
