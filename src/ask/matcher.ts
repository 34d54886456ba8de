import MiniSearch, { type SearchOptions } from 'minisearch';
import { askTerms, kindCues } from '../../content/ask-terms.js';
import { ALL_TOPIC_IDS, kindOf, layTerms, topicEntry, type TopicId } from '../../content/index.js';
import { analyze, PAIR_MARK, PHRASE_BREAK, type Analysis } from './analyze.js';

/**
 * Ranks the bot's topics for a question with minisearch (BM25, fuzzy and prefix matching) over each
 * topic's names (title, slug, lay terms), its text from the post, and the words that ask for its kind.
 * Built once, by the first question it ranks: not at import, where it would add to every start of the
 * HTTP endpoint, most of whose first requests are not /ask.
 */

interface TopicDoc {
  readonly id: TopicId;
  readonly names: string;
  readonly text: string;
  readonly cues: string;
}

/** Added to a question naming both the hip and the back: the connection topic's own signal. */
const BOTH_SUBJECTS = 'hipback';
/**
 * Naming both is a weak signal on its own ("can arthritis affect both hips and back" is about
 * arthritis): enough to answer with the connection when nothing else matches, not to outrank a topic
 * the question names.
 */
const BOTH_WEIGHT = 0.3;

function topicDoc(id: TopicId): TopicDoc {
  const kind = kindOf(id);
  const own = id === 'urgent' ? [] : [topicEntry(id).title, id.split(':').at(-1)?.replace(/-/g, ' ') ?? ''];
  // Only causes, tips and treatments are found by their text too. The urgent and provider texts list
  // symptoms, which the red-flag detector reads with negation in mind; the connection text names
  // muscles, nerves and joints, which belong to the causes.
  const text = kind && id !== 'urgent' ? topicEntry(id).text : '';
  const cues = kind ? kindCues[kind] : [];
  const both = id === 'connection' ? [BOTH_SUBJECTS] : [];
  return {
    id,
    names: [...own, ...layTerms[id], ...askTerms[id], ...both].join(` ${PHRASE_BREAK} `),
    text,
    cues: cues.join(` ${PHRASE_BREAK} `),
  };
}

/** Every term the index holds, gathered while it is built. */
const indexedTerms = new Set<string>();

const SEARCH_OPTIONS: SearchOptions = {
  boost: { names: 3, text: 0.6, cues: 0.35 },
  // One slip per word, two in long ones. Pairs are not fuzzy: two short words within two edits of
  // another pair are a different pair.
  // A word the index holds as typed needs no typo search (the costliest part of a query).
  fuzzy: (term) =>
    term.startsWith(PAIR_MARK) || term.length < 5 || indexedTerms.has(term)
      ? false
      : term.length >= 8
        ? 2
        : 1,
  prefix: (term) => term.length >= 4,
  weights: { fuzzy: 0.5, prefix: 0.4 },
  combineWith: 'OR',
  // Topics with many lay names should not lose to short ones for that reason alone.
  bm25: { k: 1.2, b: 0.2, d: 0.5 },
  // A query is the question's terms, already analysed, joined by spaces. Both given here, not with
  // each search: minisearch merges the options it adds to a search's (these two) into these for every
  // term, and when they were missing here that merge kept garbage alive past young-generation
  // collections (~6 KB a search), which made each collection during /ask slower.
  tokenize: (query) => query.split(' '),
  processTerm: (term) => term,
};

/** The search index over every topic; the benchmark times this. */
export function buildTopicIndex(): MiniSearch<TopicDoc> {
  const index = new MiniSearch<TopicDoc>({
    fields: ['names', 'text', 'cues'],
    storeFields: ['id'],
    // Cue words are common words on purpose ("help", "why"), so they are indexed like a question.
    tokenize: (text, field) => {
      const terms = analyze(text, field === 'cues').terms;
      for (const t of terms) indexedTerms.add(t);
      return terms;
    },
    processTerm: (term) => term,
    searchOptions: SEARCH_OPTIONS,
  });
  index.addAll(ALL_TOPIC_IDS.map(topicDoc));
  return index;
}

let index: MiniSearch<TopicDoc> | undefined;

export interface TopicScore {
  readonly topic: TopicId;
  readonly score: number;
  /** Matched only through the words that ask for a kind, not through the topic's own words. */
  readonly kindOnly: boolean;
  /** Some word of the question is one of the topic's own words as typed, not only a near miss. */
  readonly exact: boolean;
}

/**
 * A cause named beside a relief tip or treatment is usually the setting, not the question ("does an
 * injection help sciatica", "stretches for a slipped disc"): causes count for less, and rank behind a
 * tip or treatment that the question names in words of its own (not words it shares with the cause,
 * like "muscle" in "pulled muscle" and "muscle relaxants").
 */
const CAUSE_WEIGHT = 0.6;
const SETTING_SCORE = 8;

interface Scored extends TopicScore {
  /** Indexed terms the question reached, and those it names exactly in the topic's names. */
  readonly terms: ReadonlySet<string>;
  readonly nameTerms: readonly string[];
  /** The question used a word that asks for this topic's kind. */
  readonly cueMatched: boolean;
}

function causesAsSetting(scores: readonly Scored[]): Scored[] {
  return scores.map((cause) => {
    if (kindOf(cause.topic) !== 'cause') return cause;
    const setting = scores.find(
      (s) =>
        (kindOf(s.topic) === 'tip' || kindOf(s.topic) === 'treatment') &&
        s.score >= SETTING_SCORE &&
        s.nameTerms.some((t) => !cause.terms.has(t)),
    );
    return setting && cause.score >= setting.score ? { ...cause, score: setting.score * 0.99 } : cause;
  });
}

/**
 * Every topic the question's terms reach, best first (ties in the order of ALL_TOPIC_IDS).
 * `exactOnly`: no typo or word-start search, for long messages, where it costs the most and the
 * classifier reads the words anyway.
 */
export function scoreTopics(analysis: Analysis, exactOnly = false): TopicScore[] {
  // Built first: building it also fills indexedTerms, which the next line reads.
  index ??= buildTopicIndex();
  // Without typo or word-start search, a term the index does not hold can match nothing.
  const terms = exactOnly ? analysis.terms.filter((t) => indexedTerms.has(t)) : [...analysis.terms];
  if (analysis.mentions.hip && analysis.mentions.back) terms.push(BOTH_SUBJECTS);
  if (terms.length === 0) return [];
  const hits = index.search(terms.join(' '), exactOnly ? { fuzzy: false, prefix: false } : {});
  const asked = new Set(terms);
  const scored = hits.map((hit): Scored => {
    const fields = Object.entries(hit.match);
    return {
      topic: hit.id as TopicId,
      score: hit.score,
      kindOnly: fields.every(([, f]) => f.every((field) => field === 'cues')),
      cueMatched: fields.some(([, f]) => f.includes('cues')),
      exact: fields.some(([term, f]) => asked.has(term) && f.some((field) => field !== 'cues')),
      terms: new Set(fields.map(([term]) => term)),
      nameTerms: fields.filter(([term, f]) => f.includes('names') && asked.has(term)).map(([term]) => term),
    };
  });
  // "what causes...", "pain after running": a question that asks for a cause keeps its cause first.
  const causeAsked = scored.some((s) => kindOf(s.topic) === 'cause' && s.cueMatched);
  const weighted = scored.map((s) => {
    if (kindOf(s.topic) === 'cause' && !causeAsked) return { ...s, score: s.score * CAUSE_WEIGHT };
    const onlyBoth = s.topic === 'connection' && [...s.terms].every((t) => t === BOTH_SUBJECTS);
    return onlyBoth ? { ...s, score: s.score * BOTH_WEIGHT } : s;
  });
  return (causeAsked ? weighted : causesAsSetting(weighted))
    .map(({ topic, score, kindOnly, exact }) => ({ topic, score, kindOnly, exact }))
    .sort((a, b) => b.score - a.score || ALL_TOPIC_IDS.indexOf(a.topic) - ALL_TOPIC_IDS.indexOf(b.topic));
}
