import type { APIApplicationCommandAutocompleteResponse } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { nameOptionOver } from '../commands/name-option.js';
import { entryOf, KINDS, layTerms, slugsOf, type Kind, type TopicId } from '../content/index.js';
import { createApp } from '../src/app.js';
import { LIMITS } from '../src/limits.js';
import { autocompleteInteraction } from './helpers/interactions.js';

const app = createApp();

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
