import { stemmer } from 'stemmer';
import { isClauseBreak, normalizeQuestion, tokens } from './text.js';
import { FeatureMap, pairFeature } from './feature-map.js';

/**
 * A multinomial logistic regression (softmax) over word stems, pairs of neighbouring stems and
 * character 3-5-grams of each word, learnt from labelled real messages and the team's question sets.
 * Character n-grams carry typos and word forms ("siataca", "exersise") to the words they slip from;
 * word pairs carry phrases ("slip disc", "see doctor"). `npm run train:ask` trains it
 * (deterministically: full-batch gradient descent from zero weights) and commits its weights.
 */

export interface FeatureOptions {
  readonly chars: boolean;
  readonly words: boolean;
  readonly pairs: boolean;
  /** Extra features from the sentence that asks (the last one with a question mark, else the last). */
  readonly asking: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = { chars: true, words: true, pairs: true, asking: true };

const SENTENCE_END = /^[.!?;]$/;

/**
 * The sentence that asks: the last one ending in a question mark, else the last one (which may end
 * without punctuation). Found from the end, without splitting the text into sentences.
 */
function askingSentence(words: readonly string[]): readonly string[] {
  const lastAsked = words.lastIndexOf('?');
  const end = lastAsked >= 0 ? lastAsked + 1 : words.length;
  let start = end - 1;
  while (start > 0 && !SENTENCE_END.test(words[start - 1] ?? '')) start--;
  return words.slice(Math.max(0, start), end);
}

interface WordFeatures {
  readonly stem: string;
  readonly chars: readonly string[];
}

/**
 * Stems and character n-grams per word, kept once computed: stemming and slicing are most of the
 * cost of reading a long message, and people reuse words. Bounded, so memory stays flat.
 */
const wordCache = new Map<string, WordFeatures>();
const WORD_CACHE_SIZE = 50_000;

function wordFeatures(word: string): WordFeatures {
  let found = wordCache.get(word);
  if (found) return found;
  const chars: string[] = [];
  if (word.length >= 3) {
    const padded = ` ${word} `;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) chars.push(`#${padded.slice(i, i + n)}`);
    }
  }
  found = { stem: stemmer(word), chars };
  if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
  wordCache.set(word, found);
  return found;
}

/**
 * Hands each feature of the normalised words to `add` with its group: 0, stems and pairs of stems;
 * 1, character n-grams; 2, the asking sentence's. Counting them as they come spares a long story the
 * arrays of every feature. A pair of stems comes as its two stems (the feature `${feature}_${next}`),
 * so a reader that finds pairs by their stems never builds their text.
 */
function eachFeature(
  words: readonly string[],
  options: FeatureOptions,
  add: (group: number, feature: string, next?: string) => void,
): void {
  let previous: string | undefined;
  for (const word of words) {
    if (isClauseBreak(word)) {
      previous = undefined;
      continue;
    }
    const { stem, chars } = wordFeatures(word);
    if (options.words) add(0, stem);
    if (options.pairs && previous !== undefined) add(0, previous, stem);
    previous = stem;
    if (options.chars) for (const c of chars) add(1, c);
  }
  if (options.asking) eachAskingFeature(words, add);
}

/** The features of the sentence that asks (group 2): its stems and pairs of stems, marked `?`. */
function eachAskingFeature(words: readonly string[], add: (group: number, feature: string) => void): void {
  let prev: string | undefined;
  for (const word of askingSentence(words)) {
    if (isClauseBreak(word)) {
      prev = undefined;
      continue;
    }
    const { stem } = wordFeatures(word);
    add(2, `?${stem}`);
    if (prev !== undefined) add(2, `?${prev}_${stem}`);
    prev = stem;
  }
}

/** Feature groups: each is normalised to unit length, so a long story weighs like a short question. */
export function featureGroups(text: string, options: FeatureOptions = DEFAULT_FEATURES): string[][] {
  const groups: string[][] = [[], [], []];
  eachFeature(tokens(normalizeQuestion(text)), options, (group, feature, next) =>
    groups[group]?.push(next === undefined ? feature : pairFeature(feature, next)),
  );
  return groups.filter((g) => g.length > 0);
}

/** The Porter stem of a normalised word, from the same store as its features. */
export function stemOf(word: string): string {
  return wordFeatures(word).stem;
}

/** A sparse vector: feature -> value, each group scaled to unit length. */
export function vectorize(text: string, options: FeatureOptions = DEFAULT_FEATURES): Map<string, number> {
  const vector = new Map<string, number>();
  for (const group of featureGroups(text, options)) {
    const counts = new Map<string, number>();
    for (const f of group) counts.set(f, (counts.get(f) ?? 0) + 1);
    let norm = 0;
    for (const [f, c] of counts) {
      const v = Math.log1p(c);
      counts.set(f, v);
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (const [f, v] of counts) vector.set(f, (vector.get(f) ?? 0) + v / norm);
  }
  return vector;
}

export interface SoftmaxExample {
  readonly text: string;
  /** The right labels: any of them is right (the loss is minus the log of their summed probability). */
  readonly labels: readonly string[];
}

export interface SoftmaxOptions {
  readonly features: FeatureOptions;
  /** L2 penalty on the weights. */
  readonly l2: number;
  readonly epochs: number;
  readonly rate: number;
  /**
   * Features seen in fewer training messages are left out: rarer ones are noise, and with them the
   * committed model grew past the 100 ms /ask may take to load (tests/fixtures/real/README.md).
   */
  readonly minDocs: number;
}

export const DEFAULT_SOFTMAX: SoftmaxOptions = {
  features: DEFAULT_FEATURES,
  l2: 1e-4,
  epochs: 60,
  rate: 0.5,
  minDocs: 3,
};

export interface SoftmaxModel {
  readonly labels: readonly string[];
  readonly features: FeatureOptions;
  /** feature -> its row of `weights`. */
  readonly rows: ReadonlyMap<string, number>;
  /**
   * One weight per (row, label), row after row: one array rather than one per feature, which would
   * make loading the committed model slower than the 100 ms /ask may take at start.
   */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/** Full-batch gradient descent with Adam steps, from zero weights: the same data gives the same model. */
export function trainSoftmax(
  examples: readonly SoftmaxExample[],
  labels: readonly string[],
  options: SoftmaxOptions = DEFAULT_SOFTMAX,
): SoftmaxModel {
  const L = labels.length;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const docs = examples
    .map((e) => ({
      vector: vectorize(e.text, options.features),
      targets: e.labels.map((l) => labelIndex.get(l)).filter((i): i is number => i !== undefined),
    }))
    .filter((d) => d.targets.length > 0);
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.vector.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = [...df].filter(([, n]) => n >= options.minDocs).map(([f]) => f);
  vocab.sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = docs.map((d) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [f, v] of d.vector) {
      const i = index.get(f);
      if (i !== undefined) {
        idx.push(i);
        val.push(v);
      }
    }
    return { idx: Int32Array.from(idx), val: Float64Array.from(val), targets: d.targets };
  });
  const P = (vocab.length + 1) * L; // the last row is the bias
  const w = new Float64Array(P);
  const m = new Float64Array(P);
  const v = new Float64Array(P);
  const g = new Float64Array(P);
  const z = new Float64Array(L);
  const n = rows.length;
  const biasAt = vocab.length * L;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    g.fill(0);
    for (const row of rows) {
      for (let k = 0; k < L; k++) z[k] = w[biasAt + k] ?? 0;
      for (let j = 0; j < row.idx.length; j++) {
        const base = (row.idx[j] ?? 0) * L;
        const x = row.val[j] ?? 0;
        for (let k = 0; k < L; k++) z[k] = (z[k] ?? 0) + (w[base + k] ?? 0) * x;
      }
      let max = -Infinity;
      for (let k = 0; k < L; k++) max = Math.max(max, z[k] ?? 0);
      let sum = 0;
      for (let k = 0; k < L; k++) sum += z[k] = Math.exp((z[k] ?? 0) - max);
      let right = 0;
      for (const t of row.targets) right += z[t] ?? 0;
      // d(-log sum_{y in targets} p_y)/dz_k = p_k - [k in targets] p_k / sum_targets p
      for (let k = 0; k < L; k++) z[k] = (z[k] ?? 0) / sum;
      const rightP = right / sum;
      for (const t of row.targets) z[t] = (z[t] ?? 0) - (z[t] ?? 0) / rightP;
      for (let k = 0; k < L; k++) g[biasAt + k] = (g[biasAt + k] ?? 0) + (z[k] ?? 0) / n;
      for (let j = 0; j < row.idx.length; j++) {
        const base = (row.idx[j] ?? 0) * L;
        const x = (row.val[j] ?? 0) / n;
        for (let k = 0; k < L; k++) g[base + k] = (g[base + k] ?? 0) + (z[k] ?? 0) * x;
      }
    }
    const b1 = 0.9;
    const b2 = 0.999;
    const c1 = 1 - b1 ** epoch;
    const c2 = 1 - b2 ** epoch;
    const rate = options.rate / Math.sqrt(epoch);
    for (let p = 0; p < P; p++) {
      const grad = (g[p] ?? 0) + (p < biasAt ? options.l2 * (w[p] ?? 0) : 0);
      const mp = (m[p] = b1 * (m[p] ?? 0) + (1 - b1) * grad);
      const vp = (v[p] = b2 * (v[p] ?? 0) + (1 - b2) * grad * grad);
      w[p] = (w[p] ?? 0) - (rate * (mp / c1)) / (Math.sqrt(vp / c2) + 1e-8);
    }
  }
  return {
    labels,
    features: options.features,
    rows: index,
    weights: Float32Array.from(w.subarray(0, biasAt)),
    bias: Float32Array.from(w.subarray(biasAt, biasAt + L)),
  };
}

/**
 * Models over the same features (the topic model and the safety net), with one index of every feature
 * any of them holds: a story's feature is looked up once for all of them, not once per model.
 */
export interface SoftmaxFamily {
  readonly models: readonly SoftmaxModel[];
  /** feature -> its place in each of `rowsOf` (a pair of stems found by its two stems). */
  readonly index: FeatureMap<number>;
  /** Per model, the row of each indexed feature, or -1 when the model leaves it out. */
  readonly rowsOf: readonly Int32Array[];
  /**
   * Counts per indexed feature while one text is read, all zero between reads: counting in an array
   * rather than a map per text spares a long story most of what it allocated.
   */
  readonly counts: Int32Array;
  /**
   * Per feature group, the distinct features of the text being read, in the order first read (see
   * readFeatures). Kept from one read to the next, so a long story does not grow new lists.
   */
  readonly seen: readonly IntList[];
  /** Per word read, its stem and character n-grams found in `index` once (see wordIdsOf). */
  readonly words: Map<string, WordIds>;
}

/** A word's features as the family indexes them: each place in `index`, or -1 where it has none. */
interface WordIds extends WordFeatures {
  readonly stemId: number;
  readonly charIds: Int32Array;
}

/**
 * A word's features looked up in the family's index once, then kept (bounded as the word cache is):
 * a long story's character n-grams are most of its features, and people reuse words.
 */
function wordIdsOf(family: SoftmaxFamily, word: string): WordIds {
  let found = family.words.get(word);
  if (found) return found;
  const { stem, chars } = wordFeatures(word);
  const charIds = Int32Array.from(chars, (c) => family.index.get(c) ?? -1);
  found = { stem, chars, stemId: family.index.get(stem) ?? -1, charIds };
  if (family.words.size >= WORD_CACHE_SIZE) family.words.clear();
  family.words.set(word, found);
  return found;
}

/** Integers gathered while one text is read: the storage stays for the next read and only grows. */
class IntList {
  private items = new Int32Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(2 * this.length);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  get(i: number): number {
    return this.items[i] ?? 0;
  }
}

/** Where a pair of stems splits: its `_`, in a feature without a group mark (`#`, `?`); else -1. */
function pairCut(feature: string): number {
  return feature.startsWith('#') || feature.startsWith('?') ? -1 : feature.indexOf('_');
}

export function softmaxFamily(models: readonly SoftmaxModel[]): SoftmaxFamily {
  const index = new FeatureMap<number>();
  let size = 0;
  /** The place of a feature, given it the first time. */
  const placeOf = (feature: string): number => {
    const cut = pairCut(feature);
    let place = index.lookup(feature, cut);
    if (place === undefined) index.set(feature, (place = size++), cut);
    return place;
  };
  // Each model's features placed once, in the order of its rows.
  const placed = models.map((model) => Int32Array.from(model.rows.keys(), placeOf));
  const rowsOf = models.map((model, m) => {
    const rows = new Int32Array(size).fill(-1);
    const places = placed[m] ?? new Int32Array(0);
    let i = 0;
    for (const row of model.rows.values()) rows[places[i++] ?? 0] = row;
    return rows;
  });
  const seen = [new IntList(), new IntList(), new IntList()];
  return { models, index, rowsOf, counts: new Int32Array(size), seen, words: new Map() };
}

/**
 * A text's features as `vectorize` weighs them, without building the vector: each distinct feature
 * the family indexes (by its place in the index), group after group in the order first read, and
 * its value (log(1 + count) over its group's length, which counts every feature of the group).
 */
export interface FeatureReading {
  readonly ids: Int32Array;
  readonly values: Float64Array;
}

/**
 * Reads a text once, for every model of the family: the words of the normalised text
 * (src/ask/text.ts), as `tokens` splits them.
 */
export function readFeatures(
  words: readonly string[],
  family: SoftmaxFamily,
  options: FeatureOptions = DEFAULT_FEATURES,
): FeatureReading {
  const { index, counts, seen } = family;
  // Per group, its distinct features in the order first read: an indexed one by its id, any other
  // as -1 - its place in `otherCounts` (those count only towards the group's length).
  const others = new Map<string, number>();
  const otherCounts: number[] = [];
  for (const group of seen) group.length = 0;
  /** A feature the family indexes, by its place. */
  const known = (group: number, id: number) => {
    if ((counts[id] = (counts[id] ?? 0) + 1) === 1) seen[group]?.push(id);
  };
  /** Any other feature, by its text: it counts only towards its group's length. */
  const other = (group: number, text: string) => {
    const at = others.get(text);
    if (at !== undefined) {
      otherCounts[at] = (otherCounts[at] ?? 0) + 1;
    } else {
      others.set(text, otherCounts.length);
      seen[group]?.push(-1 - otherCounts.length);
      otherCounts.push(1);
    }
  };
  try {
    // The features eachFeature() gives, in its order, with each word's looked up once (wordIdsOf).
    let previous: string | undefined;
    for (const word of words) {
      if (isClauseBreak(word)) {
        previous = undefined;
        continue;
      }
      const w = wordIdsOf(family, word);
      if (options.words) {
        if (w.stemId >= 0) known(0, w.stemId);
        else other(0, w.stem);
      }
      if (options.pairs && previous !== undefined) {
        const id = index.get(previous, w.stem);
        if (id !== undefined) known(0, id);
        else other(0, pairFeature(previous, w.stem));
      }
      previous = w.stem;
      if (options.chars) {
        for (let i = 0; i < w.charIds.length; i++) {
          const id = w.charIds[i] ?? -1;
          if (id >= 0) known(1, id);
          else other(1, w.chars[i] ?? '');
        }
      }
    }
    if (options.asking) {
      eachAskingFeature(words, (group, feature) => {
        const id = index.get(feature);
        if (id !== undefined) known(group, id);
        else other(group, feature);
      });
    }
    const countOf = (e: number) => (e >= 0 ? (counts[e] ?? 0) : (otherCounts[-1 - e] ?? 0));
    let indexed = 0;
    for (const group of seen) for (let i = 0; i < group.length; i++) if (group.get(i) >= 0) indexed++;
    const ids = new Int32Array(indexed);
    const values = new Float64Array(indexed);
    let n = 0;
    for (const group of seen) {
      let norm = 0;
      for (let i = 0; i < group.length; i++) norm += Math.log1p(countOf(group.get(i))) ** 2;
      norm = Math.sqrt(norm);
      for (let i = 0; i < group.length; i++) {
        const e = group.get(i);
        if (e < 0) continue;
        ids[n] = e;
        values[n++] = Math.log1p(countOf(e)) / norm;
      }
    }
    return { ids, values };
  } finally {
    for (const group of seen) {
      for (let i = 0; i < group.length; i++) if (group.get(i) >= 0) counts[group.get(i)] = 0;
    }
  }
}

/**
 * Log-probabilities (up to a constant) of each label, for each model of the family, for a text read
 * by `readFeatures` with the models' options: the same sums as over `vectorize`, in the same order,
 * without building the vector, since reading a long story is most of what /ask spends.
 */
export function familyScores(family: SoftmaxFamily, reading: FeatureReading): Float64Array[] {
  const { ids, values } = reading;
  return family.models.map((model, m) => {
    const rows = family.rowsOf[m] ?? new Int32Array(0);
    const z = Float64Array.from(model.bias);
    const L = z.length;
    for (let i = 0; i < ids.length; i++) {
      const row = rows[ids[i] ?? -1] ?? -1;
      if (row < 0) continue;
      const x = values[i] ?? 0;
      for (let k = 0; k < L; k++) z[k] = (z[k] ?? 0) + (model.weights[row * L + k] ?? 0) * x;
    }
    let max = -Infinity;
    for (const s of z) max = Math.max(max, s);
    let sum = 0;
    for (const s of z) sum += Math.exp(s - max);
    const log = max + Math.log(sum);
    return z.map((s) => s - log);
  });
}

/** The committed form of a model: weights quantised to bytes (one scale for all), features one a line. */
export interface SoftmaxData {
  readonly labels: readonly string[];
  readonly features: FeatureOptions;
  readonly scale: number;
  readonly vocab: string;
  /** Base64 of one signed byte per (feature, label), features in the order of `vocab`. */
  readonly weights: string;
  readonly bias: readonly number[];
}

const LEVELS = 127;

export function softmaxData(model: SoftmaxModel): SoftmaxData {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max / LEVELS || 1;
  const L = model.labels.length;
  const rowOf = (r: number) => model.weights.subarray(r * L, (r + 1) * L);
  // A feature whose every weight rounds to zero says nothing: it is left out.
  const kept = [...model.rows].filter(([, r]) => rowOf(r).some((w) => Math.round(w / scale) !== 0));
  const bytes = new Int8Array(kept.length * L);
  kept.forEach(([, r], i) => rowOf(r).forEach((w, k) => (bytes[i * L + k] = Math.round(w / scale))));
  return {
    labels: model.labels,
    features: model.features,
    scale,
    vocab: kept.map(([f]) => f).join('\n'),
    weights: Buffer.from(bytes.buffer).toString('base64'),
    bias: [...model.bias].map((b) => Math.round(b * 1e4) / 1e4),
  };
}

export function softmaxFromData(data: SoftmaxData): SoftmaxModel {
  const bytes = new Int8Array(Buffer.from(data.weights, 'base64'));
  const weights = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) weights[i] = (bytes[i] ?? 0) * data.scale;
  const rows = new Map(data.vocab.split('\n').map((f, i) => [f, i]));
  return { labels: data.labels, features: data.features, rows, weights, bias: Float32Array.from(data.bias) };
}
