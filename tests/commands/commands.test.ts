import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandAutocompleteResponse,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { HELP_TEXT } from '../../commands/help.js';
import { commands } from '../../commands/index.js';
import {
  connection,
  EMERGENCY_LEAD,
  emergencyNumbers,
  entryOf,
  isTopicId,
  KINDS,
  layTerms,
  NOT_A_DIAGNOSIS,
  POST_SOURCE,
  PROVIDER_RECOMMENDATION,
  redFlagTiers,
  relatedTopics,
  slugsOf,
  TIER_ORDER,
  topicEntry,
  type Kind,
  type TopicId,
} from '../../content/index.js';
import { createApp } from '../../src/core/app.js';
import { bot } from '../../commands/index.js';
import { Cooldown } from '../../src/core/cooldown.js';
import { escapeUserText } from '../../src/core/escape.js';
import { sourceLine } from '../../src/core/reply.js';
import { expectContentText } from '../helpers/content-text.js';
import {
  autocompleteInteraction,
  clicksOf,
  commandInteraction,
  componentInteraction,
  type Click,
  type OptionInput,
} from '../helpers/interactions.js';
import { expectMessageInvariants } from '../helpers/invariants.js';

/**
 * Generated from the registry and the content module: every command with every option value, and
 * every button and menu option reachable from any reply, checked as Discord would receive it.
 */

const app = createApp({ ...bot, cooldown: new Cooldown(Number.POSITIVE_INFINITY) });
const LOCALES = ['en-GB', 'en-US', 'fr', 'ja', null] as const;
const HOSTILE = '@everyone <@123> <@&456> [x](http://example.com) **b**';
const UNKNOWN_VALUES = ['zzqxv', HOSTILE, 'x'.repeat(100)];

type Locale = (typeof LOCALES)[number];
interface Case {
  readonly command: string;
  readonly options: OptionInput;
  readonly locale: Locale;
}

function optionsOf(name: string): readonly APIApplicationCommandBasicOption[] {
  const command = commands.find((c) => c.data.name === name);
  return (command?.data.options ?? []) as readonly APIApplicationCommandBasicOption[];
}

/** The privacy a command promises when `private` is not given, as its option description tells the user. */
function privateByDefault(name: string): boolean {
  const option = optionsOf(name).find((o) => o.name === 'private');
  return /\(default: true\)/.test(option?.description ?? '');
}

function run(c: Case): APIInteractionResponse {
  const response = app.handle(commandInteraction(c.command, c.options, { locale: c.locale })).response;
  expect(response).toBeDefined();
  return response as APIInteractionResponse;
}

function choicesFor(command: string, typed: string): { name: string; value: string }[] {
  const response = app.handle(autocompleteInteraction(command, 'name', typed)).response;
  return ((response as APIApplicationCommandAutocompleteResponse).data.choices ?? []) as {
    name: string;
    value: string;
  }[];
}

/** The kind a `name` option names: the one whose slugs the empty autocomplete lists. */
function kindOfCommand(command: string): Kind | undefined {
  if (!optionsOf(command).some((o) => o.name === 'name' && 'autocomplete' in o && o.autocomplete))
    return undefined;
  const listed = choicesFor(command, '').map((c) => c.value);
  return KINDS.find((k) => JSON.stringify(slugsOf(k)) === JSON.stringify(listed));
}

function privacyVariants(): OptionInput[] {
  return [{}, { private: true }, { private: false }];
}

function expectedPrivate(c: Case): boolean {
  const value = c.options.private;
  return typeof value === 'boolean' ? value : privateByDefault(c.command);
}

const label = (c: Case) => `/${c.command} ${JSON.stringify(c.options).slice(0, 60)} locale=${c.locale}`;

/**
 * Every registered command with no option, with `private` true and false, in each locale. A command
 * with a required option cannot be sent without it, so it is left to its own tests here.
 */
// /ask with no question opens a form instead (tests/commands/ask-modal.test.ts).
const plainCases: Case[] = commands
  .filter((command) => !optionsOf(command.data.name).some((o) => o.required) && !command.modal)
  .flatMap((command) =>
    LOCALES.flatMap((locale) =>
      privacyVariants().map((options) => ({ command: command.data.name, options, locale })),
    ),
  );

/** Every name a user can give a named command: slug, title and lay synonyms, each with each privacy. */
interface NamedCase extends Case {
  readonly kind: Kind;
  readonly slug: string;
}
const namedCases: NamedCase[] = commands.flatMap((command) => {
  const name = command.data.name;
  const kind = kindOfCommand(name);
  if (!kind) return [];
  return slugsOf(kind).flatMap((slug) => {
    const topic = `${kind}:${slug}` as TopicId;
    const names = [slug, slug.toUpperCase(), topicEntry(topic as Exclude<TopicId, 'urgent'>).title];
    const lay = layTerms[topic] as readonly string[];
    return [...names, ...lay].flatMap((value) =>
      privacyVariants().map((p) => ({
        command: name,
        kind,
        slug,
        options: { name: value, ...p },
        locale: 'en-GB' as const,
      })),
    );
  });
});

const unknownCases: (Case & { readonly kind: Kind })[] = commands.flatMap((command) => {
  const kind = kindOfCommand(command.data.name);
  if (!kind) return [];
  return UNKNOWN_VALUES.flatMap((value) =>
    privacyVariants().map((p) => ({
      command: command.data.name,
      kind,
      options: { name: value, ...p },
      locale: 'en-US' as const,
    })),
  );
});

/** The commands whose replies are the content itself (not /ask, whose helpers test it). */
const TOPIC_COMMANDS = new Set(['cause', 'tips', 'treatment', 'connection', 'urgent', 'help']);

describe('every command, with no option, each privacy and each locale', () => {
  it('registers the named commands with the kinds of content they serve', () => {
    expect(namedCases.length).toBeGreaterThan(0);
    expect(new Set(namedCases.map((c) => c.kind))).toEqual(new Set(KINDS));
  });

  it.each(plainCases.map((c) => [label(c), c] as const))('%s holds every message invariant', (_, c) => {
    const data = expectMessageInvariants(run(c), { ephemeral: expectedPrivate(c) });
    if (TOPIC_COMMANDS.has(c.command)) expectContentText(data, helpWords());
  });
});

describe('named commands: each slug, title and lay synonym opens its entry', () => {
  it.each(namedCases.map((c) => [label(c), c] as const))('%s', (_, c) => {
    const response = run(c);
    const data = expectMessageInvariants(response, { ephemeral: expectedPrivate(c) });
    const topic = `${c.kind}:${c.slug}` as TopicId;
    const entry = entryOf(c.kind, c.slug as never);
    const [embed] = data.embeds ?? [];
    expect(data.embeds).toHaveLength(1);
    expect(embed?.title).toContain(entry.title);
    expect(embed?.description).toBe(entry.text);
    const fields = embed?.fields ?? [];
    const seeAlso = fields.find((f) => f.name === 'See also');
    expect(seeAlso?.value).not.toContain('\n');
    expect(seeAlso?.value.length).toBeLessThan(200);
    expect(fields.at(-1)?.value).toBe(sourceLine(entry.source));
    expect(fields.findIndex((f) => f.name === 'See also')).toBe(fields.length - 2);
    const ids = clicksOf(data).map((k) => k.customId);
    for (const related of relatedTopics[topic] ?? []) {
      expect(ids).toContain(`topic:${related}`);
      expect(seeAlso?.value).toContain(topicEntry(related as Exclude<TopicId, 'urgent'>).title);
    }
    expect(ids).toContain('topic:urgent');
    expectContentText(data);
  });
});

describe('named commands: a value that names nothing', () => {
  it.each(unknownCases.map((c) => [label(c), c] as const))('%s gets a private did-you-mean', (_, c) => {
    const handled = app.handle(commandInteraction(c.command, c.options, { locale: c.locale }));
    expect(handled.outcome).toBe('unknown-value');
    const data = expectMessageInvariants(handled.response, { ephemeral: true });
    const suggested = clicksOf(data)
      .map((k) => k.customId.replace(/^topic:/, ''))
      .filter((id) => id.startsWith(`${c.kind}:`));
    expect(suggested.length).toBeGreaterThan(0);
    const titles = suggested.map((id) => entryOf(c.kind, id.slice(c.kind.length + 1) as never).title);
    const list = titles.length > 1 ? `${titles.slice(0, -1).join(', ')} or ${titles.at(-1)}` : titles[0];
    expect(data.embeds?.[0]?.description).toBe(
      `I don't know '${escapeUserText(String(c.options.name))}'. Did you mean ${list}?`,
    );
  });
});

describe('overviews', () => {
  it.each(
    KINDS.flatMap((kind) =>
      commands.filter((c) => kindOfCommand(c.data.name) === kind).map((c) => [c.data.name, kind] as const),
    ),
  )('/%s without a name lists every %s with its summary and a menu that opens each', (command, kind) => {
    const data = expectMessageInvariants(run({ command, options: {}, locale: 'en-US' }), {
      ephemeral: false,
    });
    const description = data.embeds?.[0]?.description ?? '';
    for (const slug of slugsOf(kind)) {
      const entry = entryOf(kind, slug as never);
      expect(description).toContain(entry.title);
      expect(description).toContain(entry.summary);
    }
    const menu = clicksOf(data).filter((k) => k.values);
    expect(menu.map((k) => k.values?.[0])).toEqual(slugsOf(kind).map((s) => `${kind}:${s}`));
    expect(data.embeds?.at(-1)?.fields?.at(-1)?.value).toBe(sourceLine(POST_SOURCE));
  });
});

describe('/connection', () => {
  it("shows the post's connection section", () => {
    const data = expectMessageInvariants(run({ command: 'connection', options: {}, locale: 'en-US' }), {
      ephemeral: false,
    });
    expect(data.embeds?.[0]?.title).toBe(connection.title);
    expect(data.embeds?.[0]?.description).toBe(connection.text);
  });
});

describe('/urgent', () => {
  const firstExample: Record<string, string> = {
    'en-GB': '999 or 112 in the UK',
    'en-US': '911 in the US and Canada',
    fr: '112 across the European Union',
  };

  it.each(LOCALES.map((l) => [String(l), l] as const))(
    'locale %s: the emergency lead is the very first text, generic wording kept, every example shown',
    (_, locale) => {
      const data = expectMessageInvariants(run({ command: 'urgent', options: {}, locale }), {
        ephemeral: false,
      });
      const [first] = data.embeds ?? [];
      expect(first?.title).toBe(EMERGENCY_LEAD);
      const examples = emergencyNumbers.map((n) => `${n.numbers} ${n.where}`);
      for (const example of examples) expect(first?.description).toContain(example);
      const expectedFirst = (locale && firstExample[locale]) ?? examples[0];
      expect(first?.description?.startsWith(`For example ${expectedFirst}`)).toBe(true);
    },
  );

  it('shows the emergency signs, then the urgent tier, then the GP tier, each with its sources', () => {
    const data = expectMessageInvariants(run({ command: 'urgent', options: {}, locale: 'en-US' }), {
      ephemeral: false,
    });
    const embeds = data.embeds ?? [];
    expect(embeds).toHaveLength(TIER_ORDER.length);
    TIER_ORDER.forEach((id, i) => {
      const tier = redFlagTiers[id];
      const text = JSON.stringify(embeds[i]);
      if (i > 0) expect(embeds[i]?.title).toBe(tier.title);
      for (const sign of tier.groups.flatMap((g) => g.signs))
        expect(text).toContain(JSON.stringify(sign).slice(1, -1));
      for (const source of tier.sources)
        expect(text).toContain(JSON.stringify(sourceLine(source)).slice(1, -1));
    });
  });
});

/** /help's own words and the registry's definitions: what /help may show besides content. */
function helpWords(): string[] {
  return [
    ...Object.values(HELP_TEXT),
    ...commands.flatMap((c) => [
      `/${c.data.name}`,
      c.data.description,
      ...(c.data.options ?? []).map((o) => o.name),
    ]),
  ];
}

describe('/help', () => {
  const data = expectMessageInvariants(run({ command: 'help', options: {}, locale: 'en-US' }), {
    ephemeral: false,
  });
  const text = (data.embeds ?? [])
    .flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)])
    .join('\n');

  it('says what the bot is and is not', () => {
    expect(text).toContain(NOT_A_DIAGNOSIS);
    expect(text).toContain('from one article');
  });

  it('lists every registered command with its description', () => {
    for (const c of commands) expect(text).toContain(`/${c.data.name}`);
    for (const c of commands) expect(text).toContain(c.data.description);
  });

  it('credits the post and every red-flag source', () => {
    expect(text).toContain(sourceLine(POST_SOURCE));
    for (const id of TIER_ORDER)
      for (const s of redFlagTiers[id].sources) expect(text).toContain(sourceLine(s));
  });

  it('has a privacy line: nothing stored, questions never logged', () => {
    expect(text).toMatch(/stores nothing/);
    expect(text).toMatch(/never logs your questions/);
  });
});

/** Every click reachable from any command reply, found by following replies through the app. */
function reachableClicks(): Click[] {
  const seen = new Map<string, Click>();
  const queue: APIInteractionResponseCallbackData[] = [...plainCases, ...namedCases, ...unknownCases].map(
    (c) => (run(c) as { data: APIInteractionResponseCallbackData }).data,
  );
  for (let data = queue.shift(); data; data = queue.shift()) {
    for (const click of clicksOf(data)) {
      const key = JSON.stringify(click);
      if (seen.has(key)) continue;
      seen.set(key, click);
      const response = app.handle(componentInteraction(click)).response;
      if (response && 'data' in response && response.data)
        queue.push(response.data as APIInteractionResponseCallbackData);
    }
  }
  return [...seen.values()];
}

const clicks = reachableClicks();

/** What a click opens, read from its custom_id or chosen option. */
function topicOf(click: Click): string {
  const id = click.values?.[0] ?? click.customId.replace(/^topic:/, '');
  return id;
}

describe('every button and menu option reachable from any reply', () => {
  it('reaches every topic id', () => {
    const opened = new Set(clicks.map(topicOf).filter(isTopicId));
    for (const kind of KINDS) for (const slug of slugsOf(kind)) expect(opened).toContain(`${kind}:${slug}`);
    expect(opened).toContain('urgent');
  });

  it.each(
    clicks.flatMap((k) => [
      [`${JSON.stringify(k)} on a public message`, k, 0] as const,
      [`${JSON.stringify(k)} inside a private reply`, k, 64] as const,
    ]),
  )('%s answers privately with what it names', (_, click, flags) => {
    const response = app.handle(componentInteraction(click, flags, { locale: 'en-GB' })).response;
    expect(response?.type).toBe(
      flags ? InteractionResponseType.UpdateMessage : InteractionResponseType.ChannelMessageWithSource,
    );
    const data = expectMessageInvariants(response, { ephemeral: true });
    expectContentText(data);
    const topic = topicOf(click);
    const first = data.embeds?.[0];
    if (click.customId.startsWith('overview:')) {
      const kind = click.customId.slice('overview:'.length) as Kind;
      expect(
        clicksOf(data)
          .filter((k) => k.values)
          .map((k) => k.values?.[0]),
      ).toEqual(slugsOf(kind).map((s) => `${kind}:${s}`));
    } else if (topic === 'urgent') {
      expect(first?.title).toBe(EMERGENCY_LEAD);
    } else if (topic === 'provider') {
      expect(first?.description).toBe(PROVIDER_RECOMMENDATION);
    } else {
      expect(isTopicId(topic)).toBe(true);
      expect(first?.description).toBe(topicEntry(topic as Exclude<TopicId, 'urgent'>).text);
    }
  });
});

describe('stale or forged clicks', () => {
  it.each([
    { customId: 'topic:cause:gone' },
    { customId: 'topic:' },
    { customId: 'overview:everything' },
    { customId: 'menu:cause', values: ['cause:gone'] },
    { customId: 'menu:cause', values: [] },
    { customId: 'nobody-handles:this' },
  ])('$customId answers with a clear private notice', (click) => {
    const handled = app.handle(componentInteraction(click));
    expect(['unknown-value', 'unknown-command']).toContain(handled.outcome);
    const data = expectMessageInvariants(handled.response, { ephemeral: true });
    expect(data.embeds?.[0]?.description).toMatch(/older version of the bot/);
  });
});

describe('option types', () => {
  it('every option the commands register is a string or a boolean the tests exercise', () => {
    const types = new Set(commands.flatMap((c) => optionsOf(c.data.name).map((o) => o.type)));
    for (const t of types)
      expect([ApplicationCommandOptionType.String, ApplicationCommandOptionType.Boolean]).toContain(t);
  });
});
