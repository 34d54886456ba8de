import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ALL_TOPIC_IDS,
  connection,
  emergencyNumbers,
  entriesByKind,
  KINDS,
  layTerms,
  POST_SOURCE,
  PROVIDER_RECOMMENDATION,
  provider,
  redFlagTiers,
  relatedTopics,
  sectionHeadings,
  TIER_ORDER,
  type Entry,
  type Kind,
  type Source,
} from '../../content/index.js';
import * as content from '../../content/index.js';
import { CONTENT_STRINGS } from '../helpers/content-text.js';

/** The source texts and the design notes live in the repository. */
const inRepo = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
const post = inRepo('content/source/post.txt');
const redFlagsDoc = inRepo('content/source/red-flags.md');
const architecture = inRepo('docs/architecture.md');

const KIND_OF_SECTION: Record<string, Kind> = {
  [sectionHeadings.causes]: 'cause',
  [sectionHeadings.tips]: 'tip',
  [sectionHeadings.treatments]: 'treatment',
};

interface Bullet {
  readonly kind: Kind | undefined;
  readonly title: string;
  readonly text: string;
}

const lines = post
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const bullets: Bullet[] = [];
let section: string | undefined;
for (const line of lines) {
  const bullet = /^- ([^:]+): (.+)$/.exec(line);
  if (bullet)
    bullets.push({
      kind: section ? KIND_OF_SECTION[section] : undefined,
      title: bullet[1]!,
      text: bullet[2]!,
    });
  else if (!line.endsWith('.')) section = line;
}

const contentText = [...CONTENT_STRINGS].join('\n');
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

describe('the post, item by item', () => {
  it('has the bullets this test reads (5 causes, 5 tips, 4 treatments)', () => {
    expect(bullets.filter((b) => b.kind === 'cause')).toHaveLength(5);
    expect(bullets.filter((b) => b.kind === 'tip')).toHaveLength(5);
    expect(bullets.filter((b) => b.kind === 'treatment')).toHaveLength(4);
    expect(bullets.every((b) => b.kind)).toBe(true);
  });

  it.each(bullets.map((b) => [b.kind, b.title, b] as const))(
    '%s "%s": an entry of that kind with the bullet\'s title and its text verbatim',
    (_, __, bullet) => {
      const entries = Object.values(entriesByKind[bullet.kind as Kind]) as Entry[];
      const entry = entries.find((e) => e.title === bullet.title);
      expect(entry, `no ${bullet.kind} titled ${bullet.title}`).toBeDefined();
      expect(entry?.text).toBe(bullet.text);
      expect(entry?.source).toBe(POST_SOURCE);
      // The one-line summary is made of the entry's own words.
      const words = new Set(norm(bullet.text).split(' '));
      for (const word of norm(entry?.summary ?? '').split(' '))
        expect(words, `summary word ${word}`).toContain(word);
    },
  );

  it.each(KINDS)('every %s entry is a bullet of the post (none invented)', (kind) => {
    const titles = bullets.filter((b) => b.kind === kind).map((b) => b.title);
    expect((Object.values(entriesByKind[kind]) as Entry[]).map((e) => e.title)).toEqual(titles);
  });

  // Every heading and every paragraph line of the post, except the article's opening paragraph
  // (between its title and its first section), which no reply shows.
  const opening = new Set(lines.slice(1, lines.indexOf(connection.title)));
  const paragraphs = lines.filter((l) => !l.startsWith('- ') && !opening.has(l));
  it.each(paragraphs.map((l) => [l.slice(0, 60), l] as const))('"%s…" is in the content', (_, line) => {
    if (line.endsWith('.')) expect(contentText).toContain(line);
    else expect(CONTENT_STRINGS.has(line), `heading ${line}`).toBe(true);
  });

  it('keeps the closing provider sentence verbatim, as the last line of the post', () => {
    expect(lines.at(-1)).toBe(PROVIDER_RECOMMENDATION);
    expect(provider.text).toBe(PROVIDER_RECOMMENDATION);
  });

  it('keeps the connection section whole', () => {
    expect(connection.text).toContain(
      'Lower back pain can radiate to the hips, while hip pain can also cause lower back discomfort.',
    );
  });
});

/** Every Source object anywhere in the content module. */
function allSources(value: unknown, out: Source[] = []): Source[] {
  if (Array.isArray(value)) for (const v of value) allSources(v, out);
  else if (typeof value === 'object' && value !== null) {
    if ('publisher' in value && 'title' in value) out.push(value as Source);
    else for (const v of Object.values(value)) allSources(v, out);
  }
  return out;
}

/** Every Entry (title, summary, text, source) anywhere in the content module. */
function allEntries(value: unknown, out: Entry[] = []): Entry[] {
  if (Array.isArray(value)) for (const v of value) allEntries(v, out);
  else if (typeof value === 'object' && value !== null) {
    if ('text' in value && 'summary' in value) out.push(value as Entry);
    else if (!('publisher' in value)) for (const v of Object.values(value)) allEntries(v, out);
  }
  return out;
}

describe('sources', () => {
  const entries = allEntries(content);

  it('finds every entry of the content module', () => {
    expect(entries.length).toBeGreaterThanOrEqual(5 + 5 + 4 + 2);
  });

  it.each(entries.map((e) => [e.title, e] as const))(
    'entry "%s" has a title, summary, text and source',
    (_, e) => {
      for (const field of [e.title, e.summary, e.text]) expect(field.trim().length).toBeGreaterThan(0);
      expect(e.source.title.length).toBeGreaterThan(0);
      expect(e.source.publisher.length).toBeGreaterThan(0);
    },
  );

  it.each(TIER_ORDER)('red-flag tier %s has at least one source, each named, with https links', (id) => {
    const sources: readonly Source[] = redFlagTiers[id].sources;
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect(s.title.length * s.publisher.length).toBeGreaterThan(0);
      if (s.url) expect(s.url).toMatch(/^https:\/\//);
    }
  });

  it('every source anywhere is named', () => {
    for (const s of allSources(content)) expect(s.title.length * s.publisher.length).toBeGreaterThan(0);
  });
});

describe('slugs, topic ids and lay terms', () => {
  it.each(KINDS)('%s slugs are unique kebab-case and titles unique', (kind) => {
    const slugs = Object.keys(entriesByKind[kind]);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
    const titles = (Object.values(entriesByKind[kind]) as Entry[]).map((e) => norm(e.title));
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('has exactly the topic ids of architecture.md, once each', () => {
    const section = architecture.slice(
      architecture.indexOf('## Topic ids'),
      architecture.indexOf('## Commands'),
    );
    const documented = [...section.matchAll(/`([a-z:-]+)`/g)].map((m) => m[1]);
    expect([...ALL_TOPIC_IDS]).toEqual(documented);
    expect(new Set(ALL_TOPIC_IDS).size).toBe(ALL_TOPIC_IDS.length);
  });

  it.each(KINDS)('no lay term or title names two %s entries', (kind) => {
    const owner = new Map<string, string>();
    for (const [slug, entry] of Object.entries(entriesByKind[kind]) as [string, Entry][]) {
      const names = [
        slug,
        entry.title,
        ...(layTerms[`${kind}:${slug}` as keyof typeof layTerms] as readonly string[]),
      ];
      for (const name of names.map(norm)) {
        expect(owner.get(name) ?? slug, `"${name}" names ${owner.get(name)} and ${slug}`).toBe(slug);
        owner.set(name, slug);
      }
    }
  });

  it('relates topics only to existing topics, both ways', () => {
    for (const [from, to] of Object.entries(relatedTopics)) {
      expect(ALL_TOPIC_IDS).toContain(from);
      for (const t of to ?? []) {
        expect(ALL_TOPIC_IDS).toContain(t);
        expect(relatedTopics[t]).toContain(from);
      }
    }
  });
});

/** red-flags.md, one section per tier: its signs (bullets up to "Sources") and its sources text. */
function redFlagSections(): { title: string; headings: string[]; signs: string[]; sources: string }[] {
  const parts = redFlagsDoc.split(/^## /m).slice(1);
  return parts
    .filter((p) => !p.startsWith('Emergency numbers') && !p.startsWith('Wording'))
    .map((part) => {
      const [title = '', ...body] = part.split('\n');
      const sourcesAt = body.findIndex((l) => l.startsWith('Sources'));
      const signLines = body.slice(0, sourcesAt);
      const signs: string[] = [];
      const headings: string[] = [];
      for (const line of signLines) {
        if (line.startsWith('- ')) signs.push(line.slice(2));
        else if (line.startsWith('  ') && signs.length > 0) signs[signs.length - 1] += ` ${line.trim()}`;
        else if (line.trim().endsWith(':')) headings.push(line.trim().slice(0, -1));
      }
      return {
        title,
        headings,
        signs: signs.map((s) => s.replace(/[;.]$/, '')),
        sources: body.slice(sourcesAt).join(' ').replace(/\s+/g, ' '),
      };
    });
}

describe('red-flag tiers match red-flags.md', () => {
  const sections = redFlagSections();

  it('has one tier per section, most severe first', () => {
    expect(sections).toHaveLength(TIER_ORDER.length);
  });

  it.each(TIER_ORDER.map((id, i) => [id, i] as const))(
    'tier %s: the same signs, in order, no more',
    (id, i) => {
      const tier = redFlagTiers[id];
      const section = sections[i]!;
      expect(tier.groups.flatMap((g) => g.signs)).toEqual(section.signs);
      for (const heading of section.headings) expect(tier.groups.map((g) => g.heading)).toContain(heading);
    },
  );

  it.each(TIER_ORDER.map((id, i) => [id, i] as const))(
    'tier %s: every source the doc gives, and no other',
    (id, i) => {
      const sources: readonly Source[] = redFlagTiers[id].sources;
      const section = sections[i]!;
      const urls = [...section.sources.matchAll(/https:\/\/\S+?(?=[\s;]|$)/g)].map((m) =>
        m[0].replace(/[.;]$/, ''),
      );
      for (const url of urls) expect(sources.map((s) => s.url)).toContain(url);
      for (const s of sources) {
        const named = `${s.publisher}, ${s.title.replace(/ \(.*\)$/, '')}`;
        expect(
          (s.url !== undefined && section.sources.includes(s.url)) || section.sources.includes(named),
          `${named} is in the doc's sources`,
        ).toBe(true);
      }
    },
  );

  it('gives the emergency number examples the doc gives', () => {
    const doc = redFlagsDoc.replace(/\s+/g, ' ');
    for (const n of emergencyNumbers) expect(doc).toContain(`${n.numbers} ${n.where}`);
  });
});
