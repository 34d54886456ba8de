import { stemOf } from './softmax.js';
import { isClauseBreak, normalizeQuestion, tokens } from './text.js';
import { FeatureMap, pairFeature } from './feature-map.js';

/**
 * A multinomial naive Bayes classifier over word stems and pairs of neighbouring stems, learnt from
 * labelled real messages (tests/fixtures/real/dev.tsv) and the team's question sets: the words
 * people actually use for each topic, or for something the bot does not cover (`none`), count even
 * when the hand-written term tables never listed them. `npm run train:ask` (src/cli/train-ask.ts)
 * rebuilds its counts into src/ask/topic-model.json and prints k-fold cross-validation figures.
 */

/** Function words: they say nothing about the topic. */
const STOPWORDS = new Set(
  (
    'a an the and or but if so than then too very just also still even i im ive id me my mine myself we our us ' +
    'you your he she his her him they them their it its is am are was were be been being have has had do does did ' +
    'of at by for with about to from in on this that these those there here what which who when where how all any ' +
    'some no not can cant could would should will wont dont didnt doesnt isnt wasnt'
  ).split(' '),
);

/** Numbers say nothing about the topic. (A regex literal in the loop would be a new object per word.) */
const DIGITS_ONLY = /^\d+$/;

/** The features of a text: stems of its words (not function words) and pairs of neighbouring stems. */
export function features(text: string): string[] {
  return featuresOfWords(tokens(normalizeQuestion(text)));
}

/** `features` of a text already normalised and split into words (src/ask/text.ts). */
function featuresOfWords(words: readonly string[]): string[] {
  const out: string[] = [];
  eachFeature(words, (stem, next) => out.push(next === undefined ? stem : pairFeature(stem, next)));
  return out;
}

/**
 * Hands each feature of the words to `add`, in order, without an array of them all: a stem, or a
 * pair of neighbouring stems as its two stems (the feature `${stem}_${next}`), so a reader that
 * finds pairs by their stems never builds their text.
 */
function eachFeature(words: readonly string[], add: (stem: string, next?: string) => void): void {
  let previous: string | undefined;
  for (const word of words) {
    if (isClauseBreak(word)) {
      previous = undefined;
      continue;
    }
    if (STOPWORDS.has(word) || word.length < 2 || DIGITS_ONLY.test(word)) continue;
    const stem = stemOf(word);
    add(stem);
    if (previous !== undefined) add(previous, stem);
    previous = stem;
  }
}

export interface TrainingExample {
  readonly text: string;
  readonly labels: readonly string[];
}

/** The trained counts: per label, its messages, and per feature, the messages of each label holding it. */
export interface TopicModelData {
  readonly labels: readonly string[];
  /** Messages per label (a message with k labels counts 1/k for each). */
  readonly docs: readonly number[];
  /** feature -> messages holding it per label, in the order of `labels`. */
  readonly counts: Readonly<Record<string, readonly number[]>>;
}

/** Features seen in fewer messages than this are left out: they are noise and weigh the model down. */
const MIN_DOCS = 2;
const round = (x: number): number => Math.round(x * 100) / 100;

export function train(examples: readonly TrainingExample[], labels: readonly string[]): TopicModelData {
  const index = new Map(labels.map((l, i) => [l, i]));
  const docs = labels.map(() => 0);
  const df = new Map<string, number>();
  const counts = new Map<string, number[]>();
  for (const example of examples) {
    const known = example.labels.filter((l) => index.has(l));
    if (known.length === 0) continue;
    const share = 1 / known.length;
    const present = new Set(features(example.text));
    for (const f of present) df.set(f, (df.get(f) ?? 0) + 1);
    for (const label of known) {
      const i = index.get(label) ?? 0;
      docs[i] = (docs[i] ?? 0) + share;
      for (const f of present) {
        let row = counts.get(f);
        if (!row) counts.set(f, (row = labels.map(() => 0)));
        row[i] = (row[i] ?? 0) + share;
      }
    }
  }
  const kept: Record<string, number[]> = {};
  for (const f of [...counts.keys()].sort()) {
    if ((df.get(f) ?? 0) >= MIN_DOCS) kept[f] = (counts.get(f) ?? []).map(round);
  }
  return { labels, docs: docs.map(round), counts: kept };
}

export interface NaiveBayes {
  readonly labels: readonly string[];
  /**
   * The log-probability of each label for a text, in the order of `labels` (up to a constant): the
   * words of the normalised text, as `tokens` splits them.
   */
  logScores(words: readonly string[]): Float64Array;
}

/** What /ask learnt from real messages says of one story, read once. */
export interface StoryReading {
  /** The log-probability of each label, in the order of `Classifier.labels` (up to a constant). */
  readonly logScores: Float64Array;
  /**
   * How likely the story is to describe a red-flag sign, learnt from real messages labelled `urgent`:
   * a safety net under the red-flag concepts, which miss signs told in words they do not know.
   */
  readonly urgentProbability: number;
}

export interface Classifier {
  readonly labels: readonly string[];
  /** `words`: the tokens of the normalised story (src/ask/text.ts). */
  read(words: readonly string[]): StoryReading;
  /** How much the topic search counts beside these scores for a story (default SEARCH_WEIGHT). */
  readonly searchWeight?: number;
}

/** Laplace smoothing of the counts. */
const ALPHA = 0.3;
/** Label priors count for half: a topic with many examples should not win on that alone. */
const PRIOR_WEIGHT = 0.5;

export function classifier(model: TopicModelData): NaiveBayes {
  const n = model.labels.length;
  const rows = Object.entries(model.counts);
  const totals = model.labels.map((_, i) => rows.reduce((sum, [, row]) => sum + (row[i] ?? 0), 0));
  const denominators = totals.map((t) => Math.log(t + ALPHA * rows.length));
  const logPrior = model.docs.map((d) => Math.log(d + 1) * PRIOR_WEIGHT);
  // One array of log-probabilities, row after row, and each feature's row: quicker to build on the
  // first story than an array per feature. A pair's row is found by its first stem, then its second
  // (stems hold no `_`), so reading a story builds no text per pair.
  const rowOf = new FeatureMap<number>();
  const logp = new Float64Array(rows.length * n);
  rows.forEach(([f, row], r) => {
    rowOf.set(f, r, f.indexOf('_'));
    for (let i = 0; i < n; i++) logp[r * n + i] = Math.log((row[i] ?? 0) + ALPHA) - (denominators[i] ?? 0);
  });
  // A feature counts once per text: the read that last counted each row, rather than a set of the
  // text's features per read.
  const countedIn = new Uint32Array(rows.length);
  let reads = 0;
  return {
    labels: model.labels,
    logScores(words) {
      reads = reads === 0xffffffff ? 1 : reads + 1;
      if (reads === 1) countedIn.fill(0);
      const read = reads;
      const score = Float64Array.from(logPrior);
      eachFeature(words, (stem, next) => {
        const r = rowOf.get(stem, next);
        if (r === undefined || countedIn[r] === read) return;
        countedIn[r] = read;
        for (let i = 0; i < n; i++) score[i] = (score[i] ?? 0) + (logp[r * n + i] ?? 0);
      });
      return score;
    },
  };
}

/** Log-scores as probabilities that sum to 1. */
export function toProbabilities(scores: Float64Array): Float64Array {
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}
