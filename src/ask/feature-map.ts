/**
 * Values keyed by feature, where a pair of neighbouring stems (the feature `first_next`) is found by
 * its two stems: reading a story then builds no text per pair. The naive Bayes classifier and the
 * softmax models both find their rows through one.
 */
/** The feature of a pair of neighbouring stems (stems hold no `_`: normalised words have none). */
export function pairFeature(first: string, next: string): string {
  return `${first}_${next}`;
}

export class FeatureMap<V> {
  readonly #single = new Map<string, V>();
  readonly #pairs = new Map<string, Map<string, V>>();

  /** The value of a stem, or of the pair `stem` then `next`. */
  get(stem: string, next?: string): V | undefined {
    return next === undefined ? this.#single.get(stem) : this.#pairs.get(stem)?.get(next);
  }

  /** The value of a feature as written; `cut` is where a pair splits into its two stems, or -1. */
  lookup(feature: string, cut: number): V | undefined {
    return cut < 0 ? this.#single.get(feature) : this.get(feature.slice(0, cut), feature.slice(cut + 1));
  }

  set(feature: string, value: V, cut: number): void {
    if (cut < 0) {
      this.#single.set(feature, value);
      return;
    }
    const first = feature.slice(0, cut);
    let seconds = this.#pairs.get(first);
    if (!seconds) this.#pairs.set(first, (seconds = new Map<string, V>()));
    seconds.set(feature.slice(cut + 1), value);
  }
}
