import type { APIApplicationCommandAutocompleteResponse } from 'discord-api-types/v10';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { nameOption, nameOptionOver } from '../../commands/name-option.js';
import { entryOf, KINDS, layTerms, slugsOf, type Kind, type TopicId } from '../../content/index.js';
import { createApp } from '../../src/core/app.js';
import { bot } from '../../commands/index.js';
import { LIMITS } from '../../src/core/limits.js';
import { autocompleteInteraction } from '../helpers/interactions.js';

const app = createApp(bot);

/** What Discord shows the user while they type into a command's `name` option. */
function choices(command: string, typed: string) {
  const response = app.handle(autocompleteInteraction(command, 'name', typed)).response;
  const list = (response as APIApplicationCommandAutocompleteResponse).data.choices ?? [];
  for (const c of list) {
    expect(c.name.length).toBeGreaterThan(0);
    expect(c.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
    expect(String(c.value).length).toBeLessThanOrEqual(LIMITS.choiceValue);
  }
  expect(list.length).toBeLessThanOrEqual(LIMITS.autocompleteChoices);
  return list;
}

const COMMAND_OF_KIND = { cause: 'cause', tip: 'tips', treatment: 'treatment' } as const satisfies Record<
  Kind,
  string
>;

/** The lay synonyms issue 2 names, each with the entry it must rank first. */
const ISSUE_SYNONYMS: readonly (readonly [string, string, string])[] = [
  ['cause', 'slipped disc', 'herniated-disc'],
  ['cause', 'disc bulge', 'herniated-disc'],
  ['cause', 'pinched nerve', 'sciatica'],
  ['cause', 'shooting pain down my leg', 'sciatica'],
  ['cause', 'wear and tear', 'arthritis'],
  ['cause', 'pulled muscle', 'muscle-strain'],
  ['cause', 'slouching', 'posture'],
  ['tips', 'physio', 'physical-therapy'],
  ['treatment', 'physio', 'physical-therapy'],
  ['treatment', 'cortisone', 'injections'],
  ['treatment', 'steroid shot', 'injections'],
  ['treatment', 'ibuprofen', 'medications'],
  ['treatment', 'hip replacement', 'surgery'],
];

describe('autocomplete of `name`', () => {
  it.each(ISSUE_SYNONYMS)('/%s "%s" ranks %s first', (command, typed, slug) => {
    expect(choices(command, typed)[0]?.value).toBe(slug);
  });

  it.each(ISSUE_SYNONYMS)('/%s "%s" typed halfway still ranks %s first', (command, typed, slug) => {
    expect(choices(command, typed.slice(0, Math.max(4, Math.ceil(typed.length / 2))))[0]?.value).toBe(slug);
  });

  /** Every lay term in the content module, so a new synonym is covered without touching this file. */
  const allLayTerms = KINDS.flatMap((kind) =>
    slugsOf(kind).flatMap((slug) =>
      (layTerms[`${kind}:${slug}` as TopicId & keyof typeof layTerms] as readonly string[]).map(
        (term) => [COMMAND_OF_KIND[kind], term, slug] as const,
      ),
    ),
  );
  it.each(allLayTerms)('/%s "%s" ranks %s first', (command, typed, slug) => {
    expect(choices(command, typed)[0]?.value).toBe(slug);
  });

  it.each(KINDS.map((kind) => [COMMAND_OF_KIND[kind], kind] as const))(
    '/%s with nothing typed lists every %s by title, in the post order',
    (command, kind) => {
      expect(choices(command, '')).toEqual(
        slugsOf(kind).map((slug) => ({ name: entryOf(kind, slug as never).title, value: slug })),
      );
      expect(choices(command, '   ')).toHaveLength(slugsOf(kind).length);
    },
  );

  it.each(Object.values(COMMAND_OF_KIND))('/%s answers 100-character input', (command) => {
    const words = 'shooting pain down my leg and hip when sitting '.repeat(3).slice(0, 100);
    expect(words).toHaveLength(100);
    choices(command, words);
    expect(choices(command, 'x'.repeat(100))).toEqual([]);
    expect(
      choices(command, '@everyone <@123> [x](http://e.com) '.repeat(3).slice(0, 100)).length,
    ).toBeLessThanOrEqual(25);
  });

  it('answers 100-character lay input with the entry it names', () => {
    const typed = `${'my hip really hurts '.repeat(5)}slipped disc`.slice(-100);
    expect(typed).toHaveLength(100);
    expect(choices('cause', typed).map((c) => c.value)).toContain('herniated-disc');
  });

  it('never offers more than 25 choices, even over more than 25 entries', () => {
    const many = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`pain-${i}`, { title: `Pain number ${i}` }]),
    );
    const option = nameOptionOver(many, () => ['back ache']);
    expect(option.autocomplete('')).toHaveLength(25);
    expect(option.autocomplete('pain')).toHaveLength(25);
    expect(option.autocomplete('back ache')).toHaveLength(25);
  });

  it('names each choice with the synonym that matched, so the user sees why it is offered', () => {
    expect(choices('cause', 'slipped disc')[0]?.name).toBe('Herniated disc (slipped disc)');
  });
});

/**
 * The straightforward search over the same names: MiniSearch with its default options, every
 * distinct word of the typed text searched (OR, the last word as a prefix), typos tried only when
 * nothing matches, the best hit per entry. The bot's option searches less to answer faster; what
 * the user is offered must not change.
 */
function plainSearchChoices(kind: Kind, typed: string): { name: string; value: string }[] {
  const docs: { id: number; slug: string; term: string; own: boolean }[] = [];
  for (const slug of slugsOf(kind)) {
    const title = entryOf(kind, slug).title;
    for (const term of [slug.replace(/-/g, ' '), title])
      docs.push({ id: docs.length, slug, term, own: true });
    for (const term of layTerms[`${kind}:${slug}` as TopicId & keyof typeof layTerms])
      docs.push({ id: docs.length, slug, term, own: false });
  }
  const index = new MiniSearch({ fields: ['term'], storeFields: ['slug', 'term', 'own'] });
  index.addAll(docs);
  const words = typed
    .toLowerCase()
    .replace(/[-_]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ');
  const query = words.filter((w, i) => w && words.lastIndexOf(w) === i).join(' ');
  const exact = {
    combineWith: 'OR',
    prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
  } as const;
  const exactHits = index.search(query, exact);
  const hits = exactHits.length > 0 ? exactHits : index.search(query, { ...exact, fuzzy: 0.25, maxFuzzy: 2 });
  const best = new Map<string, { slug: string; term: string; own: boolean; score: number }>();
  for (const hit of hits) {
    const slug = hit.slug as string;
    const seen = best.get(slug);
    if (!seen || hit.score > seen.score)
      best.set(slug, { slug, term: hit.term as string, own: hit.own as boolean, score: hit.score });
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, LIMITS.autocompleteChoices)
    .map(({ slug, term, own }) => {
      const title = entryOf(kind, slug as never).title;
      return { name: (own ? title : `${title} (${term})`).slice(0, LIMITS.choiceName), value: slug };
    });
}

describe('autocomplete of `name`, against a plain search of the same names', () => {
  /** A small seeded generator, so a failure can be replayed. */
  function random(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  it.each(KINDS.map((kind) => [COMMAND_OF_KIND[kind], kind] as const))(
    '/%s offers for 1,000 random texts exactly what the plain search offers, as choices and as did-you-mean',
    (command, kind) => {
      const next = random(kind.length * 7919);
      const known = Object.entries(layTerms)
        .filter(([id]) => id.startsWith(`${kind}:`))
        .flatMap(([, terms]) => terms.join(' ').split(' '));
      // Also what normalising must get right: tabs, no-break spaces, full-width and accented
      // letters, combining marks, emoji.
      const noise = ['my', 'the', 'hurts', 'knee', 'when', 'x', 'Pain', 'hip', '2', 'BACK', '-', '!!'].concat(
        [
          'İnjury',
          'ＤＩＳＣ',
          'disc\u00a0bulge',
          'sciatica\u0301',
          'nerve\tpain',
          '🙂',
          'Σciatica',
          '½',
          'physio_therapy',
        ],
      );
      const option = nameOption(kind);
      const pick = (list: readonly string[]) => list[Math.floor(next() * list.length)] ?? '';
      const typo = (word: string) => {
        const at = Math.floor(next() * word.length);
        return word.slice(0, at) + word.slice(at + 1);
      };
      let offered = 0;
      for (let i = 0; i < 1_000; i++) {
        const words = Array.from({ length: 1 + Math.floor(next() * 8) }, () => {
          const word = pick(next() < 0.6 ? known : noise);
          const roll = next();
          return roll < 0.15
            ? typo(word)
            : roll < 0.3
              ? word.slice(0, 1 + Math.floor(next() * word.length))
              : word;
        });
        const typed = words.join(next() < 0.1 ? '  ' : ' ').slice(0, 100);
        const expected = plainSearchChoices(kind, typed);
        if (!typed.replace(/[^\p{L}\p{N}]/gu, '')) continue;
        expect(choices(command, typed), typed).toEqual(expected);
        // What a submitted value that names nothing is offered instead ("did you mean").
        const closest = expected.length > 0 ? expected.map((c) => c.value) : slugsOf(kind);
        expect(option.suggest(typed), typed).toEqual(closest.slice(0, 3));
        offered += expected.length > 0 ? 1 : 0;
      }
      // Most texts offer something; some (noise only) offer nothing: both kinds were compared.
      expect(offered).toBeGreaterThan(500);
      expect(offered).toBeLessThan(1_000);
    },
  );
});
